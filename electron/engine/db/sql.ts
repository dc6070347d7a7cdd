/**
 * The only places SQL text is made from names and paths. Values are bound parameters everywhere else;
 * these helpers exist for what DuckDB cannot bind (identifiers, and paths inside a view definition).
 */

import { quoteIdent, quoteString } from '../../../shared/sql-text.js';

/** A quoted identifier: any column name a source brings, however odd, stays one identifier. */
export const ident = quoteIdent;

/** A string literal, for the few places a parameter cannot go (a view over files stores its paths). */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('A NUL character cannot appear in a path.');
  return quoteString(value);
}

export function literalList(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

/**
 * Type names come from DuckDB's own sniffer or from the import screen; only plain type grammar passes
 * (letters, digits, spaces, parentheses, commas), so a type can never smuggle SQL into a cast.
 */
export function typeName(type: string): string {
  const t = type.trim();
  if (!/^[A-Za-z][A-Za-z0-9_ ]*(\(\s*\d+\s*(,\s*\d+\s*)?\))?(\[\])?$/.test(t)) {
    throw new Error(`"${type}" is not a type name Parity accepts.`);
  }
  return t.toUpperCase();
}
