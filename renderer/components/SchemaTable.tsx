/**
 * The column-by-column view of technical parity: how each column was paired, its types on both sides,
 * and the profile figures side by side. Left-only columns can be paired by hand; manual pairs undone.
 */
import type { ColumnPairReport, ColumnProfile, ManualPair, TechnicalReport, TechnicalSettings } from '../../shared/types';
import { count, percent, shortType } from '../lib/format';
import { useWorkbench } from '../store/workbench';

function differs(a: ColumnProfile | null, b: ColumnProfile | null, pick: (p: ColumnProfile) => unknown): boolean {
  return Boolean(a && b && pick(a) !== pick(b));
}

function Cell({ value, flag, testId }: { value: string | null; flag?: boolean; testId?: string }) {
  return (
    <td className={`${flag ? 'diff' : ''} ${value === null ? 'muted' : ''}`} data-testid={testId} title={value ?? ''}>
      {value ?? '—'}
    </td>
  );
}

function Pairing({ pair, rightOnly, mapping }: { pair: ColumnPairReport; rightOnly: string[]; mapping: ManualPair[] }) {
  const runTechnical = useWorkbench((s) => s.runTechnical);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const without = (left: string) => mapping.filter((m) => m.left !== left);
  if (pair.left && pair.right) {
    return (
      <span className={`badge ${pair.origin === 'manual' ? 'badge-manual' : 'badge-auto'}`}>
        {pair.origin === 'manual' ? 'by hand' : 'auto'}
        <button
          className="chip-x"
          disabled={busy}
          title="Unpair these columns"
          aria-label={`Unpair ${pair.left}`}
          onClick={() => void runTechnical({ mapping: [...without(pair.left as string), { left: pair.left as string, right: null }] })}
        >
          ×
        </button>
      </span>
    );
  }
  if (pair.left) {
    const left = pair.left;
    return (
      <select
        className="select-small"
        aria-label={`Pair ${left} with a new column`}
        value=""
        disabled={busy || rightOnly.length === 0}
        onChange={(e) => e.target.value && void runTechnical({ mapping: [...without(left), { left, right: e.target.value }] })}
      >
        <option value="">Pair with…</option>
        {rightOnly.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
    );
  }
  return <span className="muted small">only in new</span>;
}

export function SchemaTable({ report, settings }: { report: TechnicalReport; settings: TechnicalSettings }) {
  const nullPct = (p: ColumnProfile | null) => (p ? percent(p.nullRate) : null);
  const distinct = (p: ColumnProfile | null) => (p ? count(p.distinct) : null);
  const range = (p: ColumnProfile | null) => (p && (p.min !== null || p.max !== null) ? `${p.min ?? '∅'} … ${p.max ?? '∅'}` : null);
  return (
    <div className="table-wrap">
      <table className="schema" data-testid="schema-table">
        <thead>
          <tr>
            <th>Legacy column</th>
            <th>New column</th>
            <th>Pairing</th>
            <th>Legacy type</th>
            <th>New type</th>
            <th className="num">Null % L</th>
            <th className="num">Null % N</th>
            <th className="num">Distinct L</th>
            <th className="num">Distinct N</th>
            <th>Legacy min … max</th>
            <th>New min … max</th>
          </tr>
        </thead>
        <tbody>
          {report.schema.pairs.map((p) => {
            const l = p.leftProfile;
            const r = p.rightProfile;
            const only = !(p.left && p.right);
            return (
              <tr key={`${p.left}|${p.right}`} className={only ? 'row-only' : ''} data-testid={`schema-row-${p.left ?? p.right}`}>
                <td className="colname">{p.left ?? <span className="muted">—</span>}</td>
                <td className="colname">{p.right ?? <span className="muted">—</span>}</td>
                <td>
                  <Pairing pair={p} rightOnly={report.schema.rightOnly} mapping={settings.mapping} />
                </td>
                <Cell value={shortType(p.leftType)} flag={p.typeChange} />
                <Cell value={shortType(p.rightType)} flag={p.typeChange} testId={p.typeChange ? `type-change-${p.left}` : undefined} />
                <Cell value={nullPct(l)} flag={differs(l, r, (x) => x.nulls > 0) } />
                <Cell value={nullPct(r)} flag={differs(l, r, (x) => x.nulls > 0)} />
                <Cell value={distinct(l)} flag={differs(l, r, (x) => x.distinct)} />
                <Cell value={distinct(r)} flag={differs(l, r, (x) => x.distinct)} />
                <Cell value={range(l)} flag={differs(l, r, (x) => `${x.min}|${x.max}`)} />
                <Cell value={range(r)} flag={differs(l, r, (x) => `${x.min}|${x.max}`)} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
