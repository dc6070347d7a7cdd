/**
 * The exception list's columns, per result version: they follow the contract, not the drill path, so
 * once a list has been shown, the next one draws its grid the moment it opens, while its first rows are
 * still on their way. (Asking for them ahead costs a query over every exception: not worth it.)
 */
import type { ColumnInfo } from '../../shared/types';

let known: { version: number; columns: ColumnInfo[] } | null = null;

export function exceptionColumns(version: number): ColumnInfo[] | null {
  return known?.version === version ? known.columns : null;
}

export function rememberExceptionColumns(version: number, columns: ColumnInfo[]): void {
  known = { version, columns };
}
