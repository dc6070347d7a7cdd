/** In the row detail: the exception's annotation, an Annotate button, and every change to it with who and when. */
import { useEffect, useState } from 'react';
import type { Annotation, HistoryEntry } from '../../shared/annotations';
import { api } from '../api/client';
import { when } from '../lib/format';
import { useNotes } from '../store/notes';
import { useWorkbench } from '../store/workbench';
import { CATEGORY_LABEL, STATUS_LABEL } from './labels';

const FIELDS: [keyof Annotation, string][] = [
  ['category', 'category'],
  ['status', 'status'],
  ['owner', 'owner'],
  ['ref', 'ticket'],
  ['note', 'note'],
];

/** "status open → explained; note '' → 'rounding'" */
function changeText(h: HistoryEntry): string {
  const parts = FIELDS.filter(([k]) => (h.before?.[k] ?? null) !== (h.after?.[k] ?? null)).map(([k, label]) => `${label} ${JSON.stringify(h.before?.[k] ?? '')} → ${JSON.stringify(h.after?.[k] ?? '')}`);
  return parts.join('; ') || 'no field changed';
}

export function RowNotes({ exceptionId, title }: { exceptionId: string; title: string }) {
  const version = useNotes((s) => s.version);
  const [state, setState] = useState<{ annotation: Annotation | null; history: HistoryEntry[] } | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .call('annotations.get', { exceptionId })
      .then((r) => live && setState(r))
      .catch((e) => useWorkbench.getState().showError(e));
    return () => {
      live = false;
    };
  }, [exceptionId, version]);
  const a = state?.annotation ?? null;
  const annotate = () =>
    useNotes.getState().openAnnotate({
      title,
      size: 1,
      target: { ids: [exceptionId] },
      initial: a ? { category: a.category ?? undefined, status: a.status === 'resolved' ? undefined : a.status, note: a.note, owner: a.owner, ref: a.ref } : undefined,
    });
  return (
    <section className="row-notes" data-testid="row-notes">
      <header className="panel-head">
        <h3>Explanation</h3>
        <div className="spacer" />
        <button className="btn btn-small btn-primary" onClick={annotate} data-testid="annotate-row">
          {a ? 'Edit annotation…' : 'Annotate…'}
        </button>
      </header>
      {!state ? (
        <p className="muted small">Loading…</p>
      ) : !a ? (
        <p className="muted small">Nobody has annotated this exception yet.</p>
      ) : (
        <dl className="facts-grid" data-testid="row-annotation">
          <dt>Category</dt>
          <dd>{a.category ? CATEGORY_LABEL[a.category] : '—'}</dd>
          <dt>Status</dt>
          <dd>{STATUS_LABEL[a.status]}</dd>
          <dt>Owner</dt>
          <dd>{a.owner || '—'}</dd>
          <dt>Ticket</dt>
          <dd>{a.ref || '—'}</dd>
          <dt>Note</dt>
          <dd className="note-text">{a.note || '—'}</dd>
          <dt>Last change</dt>
          <dd>
            {a.updatedBy}, {when(a.updatedAt)}
          </dd>
        </dl>
      )}
      {state && state.history.length > 0 && (
        <details className="history" data-testid="row-history">
          <summary>History ({state.history.length})</summary>
          <ol>
            {state.history.map((h) => (
              <li key={h.seq}>
                <span className="muted small">
                  #{h.seq} · {when(h.at)} · {h.actor} ({h.role}) · {h.action}
                </span>
                <div className="small">{changeText(h)}</div>
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
