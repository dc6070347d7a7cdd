/** Who explained what and who signed off, as the pack holds it, with the history's chain checked again. */
import { useEffect, useState } from 'react';
import type { AuditNotes as Notes } from '../../shared/audit';
import { api } from '../api/client';
import { count, isoMinute as when } from '../lib/format';
import { CATEGORY_LABEL, STATUS_LABEL } from '../notes/labels';
import { PlainTable } from '../components/PlainTable';
import { useWorkbench } from '../store/workbench';

export function AuditNotes() {
  const [notes, setNotes] = useState<Notes | null>(null);
  useEffect(() => {
    api()
      .call('audit.notes', {})
      .then(setNotes, (e) => useWorkbench.getState().showError(e));
  }, []);
  if (!notes) return <p className="muted">Reading the notes…</p>;
  const signed = notes.runs.filter((r) => r.signOff);
  return (
    <div className="audit-notes" data-testid="audit-notes">
      <section className="panel">
        <header className="panel-head">
          <h3>Sign-offs</h3>
        </header>
        {signed.length === 0 ? (
          <p className="muted">No run in this pack was signed off.</p>
        ) : (
          signed.map((r) => (
            <div key={r.id} className="signed" data-testid="audit-signoff">
              <strong>
                Run {r.id} signed off by {r.signOff!.name} ({r.signOff!.role}) on {when(r.signOff!.at)}
              </strong>
              <p>“{r.signOff!.statement}”</p>
              {r.signOff!.override && (
                <p className="warn-text">
                  Override with {count(r.signOff!.unexplained)} unexplained: {r.signOff!.override}
                </p>
              )}
            </div>
          ))
        )}
      </section>
      <section className="panel">
        <header className="panel-head">
          <h3>Annotations ({count(notes.annotations.length)})</h3>
        </header>
        <PlainTable
          testId="audit-annotations"
          head={['Exception', 'Category', 'Status', 'Note', 'Ticket', 'Owner', 'Last changed']}
          rows={notes.annotations.slice(0, 1000).map((a) => ({
            key: a.exceptionId,
            cells: [<code key="id">{a.exceptionId.slice(0, 12)}</code>, a.category ? CATEGORY_LABEL[a.category] : '—', STATUS_LABEL[a.status], a.note, a.ref, a.owner, `${a.updatedBy} · ${when(a.updatedAt)}`],
          }))}
        />
        {notes.annotations.length > 1000 && <p className="muted small">The first 1,000 of {count(notes.annotations.length)}; every one is in notes/annotations.json in the pack.</p>}
      </section>
      <section className="panel">
        <header className="panel-head">
          <h3>History</h3>
          <span className={notes.chain.ok ? 'ok-note' : 'warn-text'} data-testid="audit-chain">
            {notes.chain.ok ? '✓ ' : '✗ '}
            {notes.chain.message}
          </span>
        </header>
        <ul className="history">
          {notes.history.slice(0, 200).map((h) => (
            <li key={h.seq}>
              {when(h.at)} · {h.actor} ({h.role}) · {h.action} · <code>{h.exceptionId.slice(0, 12)}</code>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
