/** Domain types both the engine and the renderer agree on. Plain data: everything here crosses a transport. */
import type { CompareSummary } from './compare.js';
import type { Contract } from './contract.js';

export type Side = 'left' | 'right';
export const SIDES: readonly Side[] = ['left', 'right'];
export type SourceFormat = 'csv' | 'parquet';

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface FileInfo {
  path: string;
  size: number;
  modifiedAt: string;
}

export type CsvEncoding = 'utf-8' | 'utf-16' | 'latin-1';

/** What the user confirmed (or overrode) on the import screen. `columns` fixes names and types. */
export interface CsvOptions {
  delimiter: string;
  quote: string;
  escape: string;
  header: boolean;
  skip: number;
  decimalSeparator: '.' | ',';
  encoding: CsvEncoding;
  dateFormat: string | null;
  timestampFormat: string | null;
  nullString: string | null;
  columns: ColumnInfo[];
}

/** One column as the sniffer saw it and what Parity proposes (DECIMAL instead of DOUBLE for money). */
export interface DetectedColumn {
  name: string;
  detectedType: string;
  proposedType: string;
  note: string | null;
}

export interface TablePage {
  /** Arrow IPC stream bytes: exact types (DECIMAL, BIGINT, TIMESTAMP) survive the trip. */
  arrow: Uint8Array;
  total: number;
  offset: number;
}

export interface CsvInspection {
  format: 'csv';
  files: FileInfo[];
  options: CsvOptions;
  detected: DetectedColumn[];
  preview: TablePage;
}

export interface ParquetInspection {
  format: 'parquet';
  files: FileInfo[];
  columns: ColumnInfo[];
  rows: number;
  preview: TablePage;
}

export type Inspection = CsvInspection | ParquetInspection;

export interface SourceInfo {
  side: Side;
  label: string;
  format: SourceFormat;
  /** As the user gave them: files, globs or folders. */
  inputs: string[];
  files: FileInfo[];
  rows: number;
  columns: ColumnInfo[];
  rejectedLines: number;
  importedAt: string;
  csv: CsvOptions | null;
}

export interface RejectLine {
  file: string;
  line: number;
  columns: string[];
  errorTypes: string[];
  reason: string;
  raw: string;
}

export interface RejectsPage {
  total: number;
  lines: RejectLine[];
}

export interface SortSpec {
  column: string;
  direction: 'asc' | 'desc';
}

/** A hand-made pairing; `right: null` means "do not pair this left column". */
export interface ManualPair {
  left: string;
  right: string | null;
}

export interface ColumnProfile {
  nulls: number;
  nullRate: number;
  distinct: number;
  min: string | null;
  max: string | null;
}

export type PairOrigin = 'auto' | 'manual';

export interface ColumnPairReport {
  left: string | null;
  right: string | null;
  origin: PairOrigin | null;
  leftType: string | null;
  rightType: string | null;
  typeChange: boolean;
  leftProfile: ColumnProfile | null;
  rightProfile: ColumnProfile | null;
}

export interface KeyReport {
  columns: { left: string; right: string }[];
  duplicateKeysLeft: number;
  duplicateKeysRight: number;
  duplicateValuesLeft: number;
  duplicateValuesRight: number;
  nullKeysLeft: number;
  nullKeysRight: number;
}

export interface HashParity {
  columns: number;
  identicalRows: number;
  leftWithoutTwin: number;
  rightWithoutTwin: number;
}

export interface TechnicalReport {
  left: { rows: number; columns: number };
  right: { rows: number; columns: number };
  schema: {
    pairs: ColumnPairReport[];
    leftOnly: string[];
    rightOnly: string[];
    /** `left` and `right` are the two types, as product.md's JSON summary names them. */
    typeChanges: { column: string; rightColumn: string; left: string; right: string }[];
  };
  key: KeyReport | null;
  hash: HashParity;
  computedAt: string;
  elapsedMs: number;
}

export interface TechnicalSettings {
  key: string[];
  mapping: ManualPair[];
}

export interface WorkspaceState {
  path: string;
  name: string;
  isDemo: boolean;
  left: SourceInfo | null;
  right: SourceInfo | null;
  settings: TechnicalSettings;
  report: TechnicalReport | null;
  contract: Contract | null;
  /** The last comparison's summary; null until a run, and after a source changes. */
  summary: CompareSummary | null;
  /** Where the analyst was (page, drill path, theme), as the workbench saved it. */
  view: unknown;
}

export interface EngineHello {
  version: string;
  duckdb: string;
  pid: number;
  workspace: string;
  memoryLimit: string;
}

export interface Progress {
  phase: string;
  /** 0..1, or null when the amount of work is unknown. */
  fraction: number | null;
}
