/** Auditor mode's door: the path of a .paritypack; refusals (not a pack, a hostile zip) are one sentence here. */
import { useState } from 'react';
import { useAudit } from '../store/audit';
import { errorSentence } from '../store/workbench';

export function OpenPack() {
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function open() {
    setBusy(true);
    setError(null);
    try {
      await useAudit.getState().open(path.trim());
    } catch (e) {
      setError(errorSentence(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="page" data-testid="open-pack">
      <header className="page-head">
        <div>
          <h1>Open an exception pack</h1>
          <p className="muted">Auditor mode: the pack is verified, then shown read-only — its summary, its exceptions, who explained them and who signed off. No source data is needed, and nothing you do here changes the pack.</p>
        </div>
      </header>
      <section className="panel form-panel">
        <label className="block">
          Pack file (.paritypack)
          <input value={path} placeholder="/path/to/march-close.paritypack" onChange={(e) => setPath(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && path.trim() && void open()} aria-label="Pack file" data-testid="pack-path" />
        </label>
        {error && (
          <p className="inline-error" role="alert" data-testid="pack-error">
            {error}
          </p>
        )}
        <div className="row-actions">
          <button className="btn" onClick={() => useAudit.getState().leave()} disabled={busy}>
            Back to the workspace
          </button>
          <button className="btn btn-primary" disabled={!path.trim() || busy} onClick={() => void open()} data-testid="pack-open">
            Verify and open
          </button>
        </div>
      </section>
    </div>
  );
}
