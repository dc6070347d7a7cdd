/**
 * The exception list's columns, per result version: they follow the contract, not the drill path, so
 * once known the list can draw its grid the moment it opens, while its first rows are still on their way.
 */
import { decodePage } from '../../shared/arrow-cells';
import type { ColumnInfo } from '../../shared/types';
import { api } from '../api/client';

let known: { version: number; columns: ColumnInfo[] } | null = null;

export function exceptionColumns(version: number): ColumnInfo[] | null {
  return known?.version === version ? known.columns : null;
}

export function rememberExceptionColumns(version: number, columns: ColumnInfo[]): void {
  known = { version, columns };
}

/** Asks for them (one row's worth) when the drill-down has nothing better to do. */
export function learnExceptionColumns(version: number): void {
  if (exceptionColumns(version)) return;
  api()
    .call('compare.exceptions', { offset: 0, limit: 1 })
    .then((page) => rememberExceptionColumns(version, decodePage(page.arrow).columns.map((c) => ({ name: c.name, type: c.type }))))
    .catch(() => undefined);
}
