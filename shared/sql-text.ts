/**
 * Quoting for the SQL text people read and edit (a rule's predicate made from a drill group). The
 * engine checks every such expression again before it runs; these only make the text right.
 */

/** A quoted identifier: any column name, however odd, stays one identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string constant. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
