/**
 * The exception list's columns, per result version. They follow the contract, not the drill path, so
 * they are asked once (the engine only plans the query) while the analyst reads a drill level: the list
 * then draws its grid the moment it opens, while its first rows are still on their way.
 */
import type { ColumnInfo } from '../../shared/types';
import { api } from '../api/client';

let known: { version: number; columns: ColumnInfo[] } | null = null;
let asking: { version: number; columns: Promise<void> } | null = null;

export function exceptionColumns(version: number): ColumnInfo[] | null {
  return known?.version === version ? known.columns : null;
}

export function rememberExceptionColumns(version: number, columns: ColumnInfo[]): void {
  known = { version, columns };
}

/** Asks for the columns of this result version unless they are known or on their way; resolves once they are (or are not to be had). */
export function askExceptionColumns(version: number): Promise<void> {
  if (exceptionColumns(version)) return Promise.resolve();
  if (asking?.version === version) return asking.columns;
  const columns = api()
    .call('compare.exceptionColumns', {})
    .then((listed) => rememberExceptionColumns(version, listed))
    // Not needed to go on: the list learns its columns from its first page otherwise.
    .catch(() => undefined)
    .finally(() => {
      if (asking?.columns === columns) asking = null;
    });
  asking = { version, columns };
  return columns;
}
