/**
 * Analyst-written expressions (filters, later derived columns and rules) never reach SQL as typed.
 * DuckDB parses them (json_serialize_sql); Parity walks the tree, allowing only column references to
 * known columns, constants, operators, casts, CASE and scalar functions (no subqueries, no table
 * functions, no second statement); then DuckDB prints the checked tree back as SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { ParityError } from '../../../shared/errors.js';
import { nearestName } from '../../../shared/names.js';
import { ident, literal } from '../db/sql.js';

type Node = Record<string, unknown>;

const ALLOWED_CLASSES = new Set(['COLUMN_REF', 'CONSTANT', 'FUNCTION', 'OPERATOR', 'COMPARISON', 'CONJUNCTION', 'CAST', 'CASE', 'BETWEEN']);
/** Functions that read files, the network, settings or other tables are not expressions an analyst needs. */
const FORBIDDEN_FUNCTION = /^(read_|glob$|sniff_|query|getenv|current_setting|pragma|duckdb_|sqlite_|parquet_|iceberg|delta_|http|load|install|copy|export|import|attach|detach|checkpoint|system|json_deserialize|json_serialize)/i;

export interface CheckedExpression {
  /** DuckDB's own rendering of the checked tree, safe to embed. */
  sql: string;
  columns: string[];
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, visit);
  } else if (node && typeof node === 'object') {
    const n = node as Node;
    if (typeof n.class === 'string') visit(n);
    for (const v of Object.values(n)) walk(v, visit);
  }
}

/**
 * Checks `expression` against `columns` (names it may use). `field` names where the expression came
 * from, for the error sentence ('Contract field "left.filter"').
 */
export async function checkExpression(
  c: DuckDBConnection,
  expression: string,
  columns: readonly string[],
  field: string,
  /** Qualified names it may use (a rule's l.<column> and r.<column>), by qualifier. */
  qualified: Record<string, readonly string[]> = {},
): Promise<CheckedExpression> {
  // json_serialize_sql wants a constant string, so the text goes in as a quoted literal (never as SQL).
  const parsed = await c.runAndReadAll(`SELECT json_serialize_sql(${literal(`SELECT (${expression}) AS parity_expression`)}) AS tree`);
  const treeText = String(parsed.getRowsJS()[0][0]);
  const tree = JSON.parse(treeText) as Node;
  if (tree.error) {
    const message = String(tree.error_message ?? 'it does not parse').split('\n')[0];
    throw new ParityError('invalid_contract', `${field} is not a valid expression: ${message.replace(/^Parser Error: /, '')}.`);
  }
  const statements = tree.statements as Node[];
  const node = statements?.[0]?.node as Node | undefined;
  if (statements?.length !== 1 || node?.type !== 'SELECT_NODE' || (node.select_list as unknown[]).length !== 1 || (node.from_table as Node)?.type !== 'EMPTY') {
    throw new ParityError('invalid_contract', `${field} must be one expression over the columns, not a query.`);
  }
  const used = new Set<string>();
  walk(node.select_list, (n) => {
    const cls = String(n.class);
    if (!ALLOWED_CLASSES.has(cls)) {
      throw new ParityError('invalid_contract', `${field} may use columns, constants, operators and functions, but not ${cls.toLowerCase().replace(/_/g, ' ')}.`);
    }
    if (cls === 'FUNCTION' && FORBIDDEN_FUNCTION.test(String(n.function_name))) {
      throw new ParityError('invalid_contract', `${field} may not call ${String(n.function_name)}().`);
    }
    if (cls === 'COLUMN_REF') {
      const names = n.column_names as string[];
      const column = names[names.length - 1];
      const within = names.length === 2 ? qualified[names[0]] : undefined;
      if (within) {
        if (!within.includes(column)) {
          const near = nearestName(column, within);
          throw new ParityError('unknown_column', `${field} uses column "${names[0]}.${column}", which does not exist${near ? `; the nearest is "${names[0]}.${near}"` : ''}.`);
        }
        used.add(`${names[0]}.${column}`);
        return;
      }
      if (names.length > 1) {
        const known = Object.keys(qualified);
        throw new ParityError('unknown_column', `${field} uses "${names.join('.')}"; ${known.length ? `write ${known.map((q) => `${q}.<column>`).join(' or ')}` : 'name a column without a qualifier'}.`);
      }
      if (!columns.includes(column)) {
        const near = nearestName(column, columns);
        throw new ParityError('unknown_column', `${field} uses column "${column}", which does not exist${near ? `; the nearest is "${near}"` : ''}.`);
      }
      used.add(column);
    }
  });
  // Print the checked tree back: what reaches SQL is DuckDB's rendering, not the analyst's text.
  // The tree's own text goes back (re-serialising it in JS would round its 64-bit fields).
  const rendered = await c.runAndReadAll(`SELECT json_deserialize_sql(${literal(treeText)}::JSON)`);
  const select = String(rendered.getRowsJS()[0][0]);
  const m = /^SELECT\s+([\s\S]*)\s+AS\s+parity_expression;?$/i.exec(select.trim());
  if (!m) throw new ParityError('invalid_contract', `${field} could not be checked.`);
  return { sql: `(${m[1]})`, columns: [...used] };
}

/** Column references in a checked expression point at a relation's columns by quoted name. */
export function qualifyColumns(columns: readonly string[]): string {
  return columns.map(ident).join(', ');
}
