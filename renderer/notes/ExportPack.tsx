/** Export the run as a signed exception pack: a long job with progress and cancel; says where it went and with which key. */
import { useState } from 'react';
import { count, bytes } from '../lib/format';
import { showsWhatIf, useWorkbench } from '../store/workbench';

type Made = { path: string; bytes: number; exceptions: number; fingerprint: string };

export function ExportPack() {
  const runJob = useWorkbench((s) => s.runJob);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const whatIf = useWorkbench(showsWhatIf);
  const [made, setMade] = useState<Made | null>(null);
  async function exportNow() {
    setMade(null);
    const result = await runJob('Exporting the exception pack', 'pack.export', {});
    if (result) setMade(result);
  }
  return (
    <>
      <button
        className="btn"
        disabled={busy || whatIf}
        onClick={() => void exportNow()}
        data-testid="export-pack"
        title={whatIf ? 'The counts on screen come from toggles: run the comparison again to record them, then export' : 'A signed .paritypack: exceptions, explanations, sign-off and a report'}
      >
        Export pack
      </button>
      {made && (
        <div className="toast toast-ok" role="status" data-testid="pack-made">
          <span>
            Pack written: <code>{made.path}</code> ({bytes(made.bytes)}, {count(made.exceptions)} exceptions), signed with key <code>{made.fingerprint}</code>
          </span>
          <button className="btn-icon" aria-label="Dismiss" onClick={() => setMade(null)}>
            ×
          </button>
        </div>
      )}
    </>
  );
}
