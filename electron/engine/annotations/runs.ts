/**
 * The runs of each contract and the exceptions each one saw: annotations carry over by exception
 * identity, an exception that is gone in a later run is marked resolved, and the age of an open one
 * is counted from the run that first saw it. A steward's sign-off freezes the run it names.
 */
import { BIGINT, LIST, VARCHAR, listValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Profile, RunRecord, SignOff } from '../../../shared/annotations.js';
import { ParityError } from '../../../shared/errors.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { RUN_EXCEPTIONS } from '../compare/run-tables.js';
import { appendEntries, applyChanges } from './store.js';

export const RUN_TABLES = [
  `CREATE TABLE IF NOT EXISTS parity_runs (id BIGINT PRIMARY KEY, contract VARCHAR NOT NULL, ran_at VARCHAR NOT NULL,
    exceptions BIGINT NOT NULL, resolved BIGINT NOT NULL, sign_off VARCHAR)`,
  `CREATE TABLE IF NOT EXISTS parity_seen (exception_id VARCHAR PRIMARY KEY, contract VARCHAR NOT NULL, last_class VARCHAR NOT NULL,
    first_run BIGINT NOT NULL, first_seen VARCHAR NOT NULL, last_run BIGINT NOT NULL, last_seen VARCHAR NOT NULL, runs_seen BIGINT NOT NULL, resolved_run BIGINT)`,
];

/** Exceptions a run reports (within tolerance is a match, not an exception). */
const REPORTED = `FROM ${RUN_EXCEPTIONS} WHERE class <> 'within_tolerance'`;

const PARITY: Profile = { name: 'Parity', role: 'automatic' };

function record(row: unknown[]): RunRecord {
  return {
    id: Number(row[0]),
    contract: String(row[1]),
    ranAt: String(row[2]),
    exceptions: Number(row[3]),
    resolved: Number(row[4]),
    signOff: row[5] === null ? null : (JSON.parse(String(row[5])) as SignOff),
  };
}

async function latest(c: DuckDBConnection, contract: string): Promise<RunRecord | null> {
  const rows = (await c.runAndReadAll(`SELECT * FROM parity_runs WHERE contract = $1 ORDER BY id DESC LIMIT 1`, [contract], [VARCHAR])).getRowsJS();
  return rows.length ? record(rows[0]) : null;
}

export class RunLog {
  constructor(private readonly db: Database) {}

  /** Records a completed run over run.exceptions, in one transaction with what it resolved. */
  async record(contract: string): Promise<RunRecord> {
    const lane = await this.db.lane('notes');
    return lane.use((c) =>
      inTransaction(c, async () => {
        const id = Number((await c.runAndReadAll('SELECT coalesce(max(id), 0) + 1 FROM parity_runs')).getRowsJS()[0][0]);
        const at = new Date().toISOString();
        const args = [contract, BigInt(id), at];
        const types = [VARCHAR, BIGINT, VARCHAR];
        await c.run(
          `INSERT INTO parity_seen SELECT _xid, $1, any_value(class), $2, $3, $2, $3, 1, NULL ${REPORTED} GROUP BY _xid
           ON CONFLICT (exception_id) DO UPDATE SET last_class = excluded.last_class, last_run = excluded.last_run,
             last_seen = excluded.last_seen, runs_seen = parity_seen.runs_seen + 1, resolved_run = NULL`,
          args,
          types,
        );
        const gone = (
          await c.runAndReadAll(`UPDATE parity_seen SET resolved_run = $2 WHERE contract = $1 AND resolved_run IS NULL AND last_run < $2 RETURNING exception_id`, [contract, BigInt(id)], [VARCHAR, BIGINT])
        )
          .getRowsJS()
          .map((r) => String(r[0]));
        const count = Number((await c.runAndReadAll(`SELECT count(*) ${REPORTED}`)).getRowsJS()[0][0]);
        await c.run(`INSERT INTO parity_runs VALUES ($1, $2, $3, $4, $5, NULL)`, [BigInt(id), contract, at, BigInt(count), BigInt(gone.length)], [BIGINT, VARCHAR, VARCHAR, BIGINT, BIGINT]);
        // Annotated exceptions that are gone say so in their own history.
        if (gone.length) {
          const annotated = (
            await c.runAndReadAll(`SELECT exception_id FROM parity_annotations WHERE status <> 'resolved' AND exception_id IN (SELECT unnest($1))`, [listValue(gone)], [LIST(VARCHAR)])
          )
            .getRowsJS()
            .map((r) => String(r[0]));
          if (annotated.length) await applyChanges(c, contract, annotated, { status: 'resolved' }, PARITY, `resolved: not seen in run ${id}`);
        }
        return { id, contract, ranAt: at, exceptions: count, resolved: gone.length, signOff: null };
      }),
    );
  }

  async runs(contract: string): Promise<RunRecord[]> {
    const lane = await this.db.lane('notes');
    return lane.use(async (c) => (await c.runAndReadAll(`SELECT * FROM parity_runs WHERE contract = $1 ORDER BY id`, [contract], [VARCHAR])).getRowsJS().map(record));
  }

  /**
   * Signs off the contract's latest run. With unexplained exceptions it needs an override and its
   * reason, which is recorded with the sign-off and in the history.
   */
  async signOff(contract: string, who: Profile, statement: string, unexplained: number, override: string | null): Promise<RunRecord> {
    const lane = await this.db.lane('notes');
    return lane.use((c) =>
      inTransaction(c, async () => {
        const run = await latest(c, contract);
        if (!run) throw new ParityError('no_run', 'There is no run of this contract to sign off yet.');
        if (run.signOff) throw new ParityError('frozen', `Run ${run.id} is already signed off by ${run.signOff.name} on ${run.signOff.at.slice(0, 10)}.`);
        if (unexplained > 0 && !override?.trim()) {
          throw new ParityError('not_explained', `${unexplained.toLocaleString('en-US')} ${unexplained === 1 ? 'exception is' : 'exceptions are'} still unexplained; explain them, or sign off with an override and its reason.`);
        }
        const signOff: SignOff = { name: who.name, role: who.role, statement, at: new Date().toISOString(), unexplained, override: override?.trim() || null };
        await c.run(`UPDATE parity_runs SET sign_off = $2 WHERE id = $1`, [BigInt(run.id), JSON.stringify(signOff)], [BIGINT, VARCHAR]);
        await appendEntries(c, [{ at: signOff.at, actor: who.name, role: who.role, action: override ? 'sign-off with override' : 'sign-off', exceptionId: `run:${run.id}`, before: null, after: JSON.stringify(signOff) }]);
        return { ...run, signOff };
      }),
    );
  }

  async latest(contract: string): Promise<RunRecord | null> {
    const lane = await this.db.lane('notes');
    return lane.use((c) => latest(c, contract));
  }
}
