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
import { STATUS, indexes } from './classify.js';
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
  table: string;
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
const worst = (t: StatusTable) => (t.columns.length === 1 ? `st${t.columns[0]}` : `greatest(${t.columns.map((i) => `st${i}`).join(', ')})`);

type Row = Record<string, unknown>;

export async function countRun(lane: Lane, ctx: ReadingContext, job: JobContext): Promise<ClassCounts> {
  const { plan } = ctx;
  const owned = [{ table: RUN_SSTAT, columns: indexes(plan, false) }, ...indexes(plan, true).map((i) => ({ table: dynamicStatus(i), columns: [i] }))].filter((t) => t.columns.length > 0);
  return lane.use(async (c) => {
    const one = async (sql: string): Promise<Row> => (await c.runAndReadAll(sql)).getRowObjectsJS()[0];
    job.progress({ phase: 'Counting differences', fraction: 0.1 });
    const sizes = owned.length ? await one(`SELECT ${owned.map((t, n) => `(SELECT count(*) FROM ${t.table}) AS n${n}`).join(', ')}`) : {};
    const tables: StatusTable[] = owned.map((t, n) => ({ ...t, rows: Number(sizes[`n${n}`]) }));

    const columnRows: Row = {};
    let mismatched = 0;
    let within = 0;
    const big = tables.reduce<StatusTable | null>((a, t) => (a === null || t.rows > a.rows ? t : a), null);
    for (const t of tables) {
      const per = t.columns.flatMap((i) => [
        `count(*) FILTER (WHERE st${i} = ${STATUS.mismatch}) AS m${i}`,
        `count(*) FILTER (WHERE st${i} = ${STATUS.within}) AS w${i}`,
        `count(*) FILTER (WHERE st${i} = ${STATUS.nullDifference}) AS n${i}`,
        `max(d${i})::VARCHAR AS x${i}`,
      ]);
      const rowLevel = t === big ? `, count(*) FILTER (WHERE ${worst(t)} >= ${STATUS.mismatch}) AS _mm, count(*) FILTER (WHERE ${worst(t)} = ${STATUS.within}) AS _wt` : '';
      const row = await one(`SELECT ${per.join(', ')}${rowLevel} FROM ${t.table}`);
      Object.assign(columnRows, row);
      if (t === big) {
        mismatched += Number(row._mm);
        within += Number(row._wt);
      }
      job.progress({ phase: 'Counting differences', fraction: 0.1 + (0.6 * (tables.indexOf(t) + 1)) / tables.length });
    }

    // Rows of the smaller tables: their worst across those tables, then against the largest one.
    const small = tables.filter((t) => t !== big);
    if (big && small.length) {
      const alias = (n: number) => `t${n}`;
      const rowOf = (upTo: number) => (upTo === 1 ? `${alias(0)}._row` : `coalesce(${small.slice(0, upTo).map((_, n) => `${alias(n)}._row`).join(', ')})`);
      const from = small
        .map((t, n) => {
          const sub = `(SELECT _row, ${worst(t)} AS w FROM ${t.table} WHERE ${worst(t)} > ${STATUS.equal}) ${alias(n)}`;
          return n === 0 ? sub : `FULL JOIN ${sub} ON ${alias(n)}._row = ${rowOf(n)}`;
        })
        .join(' ');
      const w = small.length === 1 ? `${alias(0)}.w` : `greatest(${small.map((_, n) => `coalesce(${alias(n)}.w, 0)`).join(', ')})`;
      const fix = await one(`WITH s AS (SELECT ${rowOf(small.length)} AS _row, ${w} AS w FROM ${from}),
        b AS (SELECT _row, ${worst(big)} AS w FROM ${big.table}),
        j AS (SELECT greatest(s.w, coalesce(b.w, 0)) AS now, coalesce(b.w, 0) AS was FROM s LEFT JOIN b ON b._row = s._row)
        SELECT count(*) FILTER (WHERE now >= ${STATUS.mismatch}) - count(*) FILTER (WHERE was >= ${STATUS.mismatch}) AS dm,
          count(*) FILTER (WHERE now = ${STATUS.within}) - count(*) FILTER (WHERE was = ${STATUS.within}) AS dw FROM j`);
      mismatched += Number(fix.dm ?? 0);
      within += Number(fix.dw ?? 0);
    }

    const sides = await one(`SELECT
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
