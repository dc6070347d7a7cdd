/**
 * Sign-off: a steward signs the latest run when every exception is explained, or with an explicit,
 * recorded override and its reason. A signed run is frozen. The history check is one click away.
 */
import { useState } from 'react';
import type { ChainCheck } from '../../shared/annotations';
import { api } from '../api/client';
import { count, when } from '../lib/format';
import { useNotes } from '../store/notes';
import { errorSentence, showsWhatIf, useWorkbench } from '../store/workbench';
import type { LiveCounts } from './useExplanationCounts';
import { useRuns } from './useRuns';

const DEFAULT_STATEMENT = 'I have reviewed the exceptions of this run and their explanations, and sign off the comparison as the evidence of record.';

export function SignOffPanel({ counts }: { counts: LiveCounts | null }) {
  const runs = useRuns();
  const profile = useNotes((s) => s.profile);
  const [statement, setStatement] = useState(DEFAULT_STATEMENT);
  const [override, setOverride] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const latest = runs?.[0] ?? null;
  const unexplained = counts?.byExplanation.unexplained ?? null;
  const whatIf = useWorkbench(showsWhatIf);

  async function signOff() {
    setError(null);
    try {
      await api().call('runs.signOff', { statement, override: unexplained ? override : undefined });
      useNotes.getState().changed();
    } catch (e) {
      setError(errorSentence(e));
    }
  }
  async function verify() {
    try {
      setCheck(await api().call('annotations.verify', {}));
    } catch (e) {
      setError(errorSentence(e));
    }
  }

  return (
    <section className="panel" data-testid="sign-off">
      <header className="panel-head">
        <h3>Sign-off</h3>
        <span className="muted small">{latest ? `run ${latest.id} of ${runs?.length ?? 0} · ran ${when(latest.ranAt)} · ${count(latest.exceptions)} exceptions, ${count(latest.resolved)} resolved since the run before` : 'no run recorded yet'}</span>
        <div className="spacer" />
        <button className="btn btn-small" onClick={() => void verify()} data-testid="verify-history">
          Verify the history
        </button>
      </header>
      {check && (
        <p className={check.ok ? 'saved-note' : 'inline-error'} role="status" data-testid="verify-result">
          {check.message}
        </p>
      )}
      {latest?.signOff ? (
        <div className="signed" data-testid="signed-off">
          <strong>
            Signed off by {latest.signOff.name} ({latest.signOff.role}) on {when(latest.signOff.at)}
          </strong>
          <p>“{latest.signOff.statement}”</p>
          {latest.signOff.override && (
            <p className="warn-text">
              Override with {count(latest.signOff.unexplained)} unexplained: {latest.signOff.override}
            </p>
          )}
          <p className="muted small">This run is frozen: its annotations can no longer change. The next run opens a new one.</p>
        </div>
      ) : latest ? (
        <div className="sign-form">
          {whatIf ? (
            <p className="warn-text" data-testid="sign-off-what-if">
              The counts on screen come from toggles, not from run {latest.id}. Run the comparison again to record them as a run, then sign off.
            </p>
          ) : unexplained !== null && unexplained > 0 ? (
            <p className="warn-text" data-testid="sign-off-blocked">
              {count(unexplained)} {unexplained === 1 ? 'exception is' : 'exceptions are'} still unexplained. Explain them first, or sign off with an override and say why.
            </p>
          ) : (
            <p className="muted small">Every exception of this run is explained.</p>
          )}
          <label className="block">
            Statement
            <textarea rows={2} value={statement} onChange={(e) => setStatement(e.target.value)} aria-label="Sign-off statement" />
          </label>
          {unexplained !== null && unexplained > 0 && (
            <label className="block">
              Override reason
              <textarea rows={2} value={override} onChange={(e) => setOverride(e.target.value)} aria-label="Override reason" placeholder="Why this run can be signed with unexplained exceptions" />
            </label>
          )}
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
          <div className="row-actions">
            <button
              className="btn btn-primary"
              disabled={whatIf || !profile || !statement.trim() || (unexplained !== null && unexplained > 0 && !override.trim())}
              onClick={() => void signOff()}
              data-testid="sign-off-button"
            >
              Sign off run {latest.id}
              {unexplained ? ' with override' : ''} as {profile?.name ?? '…'}
            </button>
          </div>
        </div>
      ) : null}
      {runs && runs.length > 1 && (
        <table className="runs" data-testid="runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Ran</th>
              <th>Exceptions</th>
              <th>Resolved</th>
              <th>Signed off</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td>{when(r.ranAt)}</td>
                <td className="num">{count(r.exceptions)}</td>
                <td className="num">{count(r.resolved)}</td>
                <td>{r.signOff ? `${r.signOff.name}${r.signOff.override ? ' (override)' : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
