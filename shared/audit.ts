/**
 * Auditor mode: a pack opened read-only, without the sources. What the workbench is told about the pack,
 * and what it can read from it; nothing here writes.
 */
import type { Annotation, ChainCheck, HistoryEntry, RunRecord } from './annotations.js';
import type { CompareSummary } from './compare.js';
import type { Contract, Grain } from './contract.js';
import type { PackCheck, PackManifest } from './pack.js';
import type { ColumnInfo } from './types.js';

export interface AuditOverview {
  /** The pack as the auditor chose it. */
  pack: string;
  /** Where its files were unpacked (read-only), beside nothing else. */
  folder: string;
  /** The verification: intact and signed by whom, or exactly what failed. */
  check: Omit<PackCheck, 'manifest'>;
  title: string;
  /** The contract the pack was made with, as the engine reads contracts. */
  contract: Contract;
  createdAt: string;
  signer: PackManifest['signer'];
  run: PackManifest['run'];
  appVersion: string;
  summary: CompareSummary;
  sources: PackManifest['sources'];
  exceptions: PackManifest['exceptions'];
  /** The contract's dimensions as the exception files name them; dates are at the contract's grain. */
  dimensions: { name: string; grain: Grain | null }[];
  /** The exception list's columns, and how many of the first ones are the class and the key. */
  columns: ColumnInfo[];
  keyCount: number;
  /** Why the exception file cannot be queried (it was tampered with), or null. */
  unreadable: string | null;
}

export interface AuditNotes {
  annotations: Annotation[];
  runs: RunRecord[];
  /** The newest entries first, at most a few thousand; `chain` covers all of them. */
  history: HistoryEntry[];
  chain: ChainCheck;
}
