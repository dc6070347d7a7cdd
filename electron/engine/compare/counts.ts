/**
 * The summary counts of a classification: what a toggle waits for, so it never joins every status
 * table row by row. Each column's counts come from the one table that holds its statuses. A row's
 * class depends on its worst column across tables; the largest table is counted alone and only the
 * rows of the smaller tables are joined to it to correct for rows that appear in both. Reading the
 * per-region zone rule "as written" makes one table of millions of rows; the others stay small.
 */
import type { ColumnSummary } from '../../../shared/compare.js';
import type { Lane } from '../db/lane.js';
import type { JobContext } from '../jobs.js';
import { Params } from '../db/params.js';
import { STATUS, dynamicStatusSelect, indexes } from './classify.js';
import type { ReadingContext } from './readings.js';
import { RUN_ONESIDE, RUN_SSTAT, RUN_TIMING, SRC, dynamicStatus } from './run-tables.js';

export interface ClassCounts {
  leftOnly: number;
  rightOnly: number;
  timing: number;
  mismatched: number;
  withinTolerance: number;
  columns: ColumnSummary[];
}

interface StatusTable {
  /** The table's name, or (for a status table not written yet) the query of its rows. */
  from: (q: ReadingContext) => string;
  columns: number[];
  rows: number;
}

function microsText(us: bigint): string {
  const neg = us < 0n;
  const a = neg ? -us : us;
  const whole = a / 1_000_000n;
  const frac = (a % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** A row's worst status within one table. */
const worst = (t: Pick<StatusTable, 'columns'>) => (t.columns.length === 1 ? `st${t.columns[0]}` : `greatest(${t.columns.map((i) => `st${i}`).join(', ')})`);

type Row = Record<string, unknown>;

/**
 * `unwritten`: dynamic columns whose status table is not written yet (a toggle's); their rows are
 * counted straight from the query that will write them, which costs a fraction of writing them.
 */
export async function countRun(lane: Lane, ctx: ReadingContext, job: JobContext, unwritten: ReadonlySet<number> = new Set()): Promise<ClassCounts> {
  const { plan } = ctx;
  const owned = [
    { from: () => RUN_SSTAT, columns: indexes(plan, false) },
    ...indexes(plan, true).map((i) => ({ from: (q: ReadingContext) => (unwritten.has(i) ? `(${dynamicStatusSelect(q, i)})` : dynamicStatus(i)), columns: [i] })),
  ].filter((t) => t.columns.length > 0);
  return lane.use(async (c) => {
    // Each statement binds its own values: a query read twice must not number its placeholders twice.
    const one = async (sql: (q: ReadingContext) => string): Promise<Row> => {
      const q = { ...ctx, params: new Params() };
      const text = sql(q);
      return (await c.runAndReadAll(text, q.params.values, q.params.typeList)).getRowObjectsJS()[0];
    };
    job.progress({ phase: 'Counting differences', fraction: 0.1 });
    // One pass per table: its columns' counts, its size and its rows' worst status (wanted of the largest only).
    const tables: (StatusTable & { row: Row })[] = [];
    for (const t of owned) {
      const per = t.columns.flatMap((i) => [
        `count(*) FILTER (WHERE st${i} = ${STATUS.mismatch}) AS m${i}`,
        `count(*) FILTER (WHERE st${i} = ${STATUS.within}) AS w${i}`,
        `count(*) FILTER (WHERE st${i} = ${STATUS.nullDifference}) AS n${i}`,
        `max(d${i})::VARCHAR AS x${i}`,
      ]);
      const w = worst(t);
      const row = await one((q) => `SELECT ${per.join(', ')}, count(*) AS _n, count(*) FILTER (WHERE ${w} >= ${STATUS.mismatch}) AS _mm, count(*) FILTER (WHERE ${w} = ${STATUS.within}) AS _wt FROM ${t.from(q)}`);
      tables.push({ ...t, rows: Number(row._n), row });
      job.progress({ phase: 'Counting differences', fraction: 0.1 + (0.6 * tables.length) / owned.length });
    }
    const columnRows: Row = Object.assign({}, ...tables.map((t) => t.row));
    const big = tables.reduce<StatusTable & { row: Row } | null>((a, t) => (a === null || t.rows > a.rows ? t : a), null);
    let mismatched = big ? Number(big.row._mm) : 0;
    let within = big ? Number(big.row._wt) : 0;

    // Rows of the smaller tables: their worst across those tables, then against the largest one.
    const small = tables.filter((t) => t !== big);
    if (big && small.length) {
      const alias = (n: number) => `t${n}`;
      const rowOf = (upTo: number) => (upTo === 1 ? `${alias(0)}._row` : `coalesce(${small.slice(0, upTo).map((_, n) => `${alias(n)}._row`).join(', ')})`);
      const from = (q: ReadingContext) =>
        small
          .map((t, n) => {
            const sub = `(SELECT _row, ${worst(t)} AS w FROM ${t.from(q)} WHERE ${worst(t)} > ${STATUS.equal}) ${alias(n)}`;
            return n === 0 ? sub : `FULL JOIN ${sub} ON ${alias(n)}._row = ${rowOf(n)}`;
          })
          .join(' ');
      const w = small.length === 1 ? `${alias(0)}.w` : `greatest(${small.map((_, n) => `coalesce(${alias(n)}.w, 0)`).join(', ')})`;
      const fix = await one((q) => `WITH s AS (SELECT ${rowOf(small.length)} AS _row, ${w} AS w FROM ${from(q)}),
        b AS (SELECT _row, ${worst(big)} AS w FROM ${big.from(q)}),
        j AS (SELECT greatest(s.w, coalesce(b.w, 0)) AS now, coalesce(b.w, 0) AS was FROM s LEFT JOIN b ON b._row = s._row)
        SELECT count(*) FILTER (WHERE now >= ${STATUS.mismatch}) - count(*) FILTER (WHERE was >= ${STATUS.mismatch}) AS dm,
          count(*) FILTER (WHERE now = ${STATUS.within}) - count(*) FILTER (WHERE was = ${STATUS.within}) AS dw FROM j`);
      mismatched += Number(fix.dm ?? 0);
      within += Number(fix.dw ?? 0);
    }

    const sides = await one(() => `SELECT
        count(*) FILTER (WHERE _l AND NOT coalesce(tm._tl, false)) AS lo, count(*) FILTER (WHERE _r AND NOT coalesce(tm._tr, false)) AS ro,
        count(*) FILTER (WHERE (_l AND tm._tl) OR (_r AND tm._tr)) AS ti
      FROM ${RUN_ONESIDE} o LEFT JOIN ${RUN_TIMING} tm ON tm._row = o._row WHERE o._src = ${SRC.keyed} AND NOT (o._l AND o._r)`);
    const n = (row: Row, k: string) => Number(row[k] ?? 0);
    return {
      leftOnly: n(sides, 'lo'),
      rightOnly: n(sides, 'ro'),
      timing: n(sides, 'ti'),
      mismatched,
      withinTolerance: within,
      columns: plan.columns.map((col, i) => {
        const x = columnRows[`x${i}`] as string | null | undefined;
        return {
          name: col.name,
          right: col.right,
          kind: col.kind,
          mismatched: n(columnRows, `m${i}`),
          withinTolerance: n(columnRows, `w${i}`),
          nullDifferences: n(columnRows, `n${i}`),
          maxAbsDiff: x === null || x === undefined ? null : col.kind === 'timestamp' ? microsText(BigInt(x)) : x,
        };
      }),
    };
  }, job);
}
