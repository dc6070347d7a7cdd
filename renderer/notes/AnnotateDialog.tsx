/**
 * Annotate one exception, a selection or a whole drill group: category, status, note, owner, ticket.
 * "Saved" shows only after the engine has committed the change and its history entry.
 */
import { useState } from 'react';
import { annotationCategories, annotationStatuses, type AnnotationFields, type AnnotationStatus } from '../../shared/annotations';
import { FormDialog } from '../components/FormDialog';
import { LabelSelect } from '../components/LabelSelect';
import { count } from '../lib/format';
import { useNotes, type AnnotateRequest } from '../store/notes';
import { errorSentence } from '../store/workbench';
import { CATEGORY_LABEL, STATUS_LABEL } from './labels';

const EDITABLE_STATUSES = annotationStatuses.filter((s): s is Exclude<AnnotationStatus, 'resolved'> => s !== 'resolved');

/** A field the analyst left alone is not sent, so a group annotation keeps what each exception had. */
function changedFields(initial: AnnotationFields, now: AnnotationFields): AnnotationFields {
  const out: AnnotationFields = {};
  for (const k of Object.keys(now) as (keyof AnnotationFields)[]) {
    if (now[k] !== undefined && now[k] !== initial[k]) Object.assign(out, { [k]: now[k] });
  }
  return out;
}

export function AnnotateDialog({ request }: { request: AnnotateRequest }) {
  const profile = useNotes((s) => s.profile);
  const initial = request.initial ?? {};
  const [fields, setFields] = useState<AnnotationFields>({ owner: initial.owner ?? profile?.name ?? '', ...initial });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const close = () => useNotes.getState().openAnnotate(null);
  const patch = (p: AnnotationFields) => {
    setSaved(null);
    setFields((f) => ({ ...f, ...p }));
  };
  const changes = changedFields(initial, fields);

  async function save() {
    setError(null);
    setSaving(true);
    try {
      const r = await useNotes.getState().save(request, changes);
      setSaved(r.changed === r.matched ? `Saved: ${count(r.changed)} exception${r.changed === 1 ? '' : 's'} annotated.` : `Saved: ${count(r.changed)} of ${count(r.matched)} changed (the rest already said this).`);
    } catch (e) {
      setError(errorSentence(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={`Annotate ${request.title}`}
      label="Annotate"
      testId="annotate-dialog"
      onSubmit={() => void save()}
      onClose={close}
      error={error}
      footnote={<span className="muted small">Recorded as {profile ? `${profile.name} (${profile.role})` : '…'}</span>}
      actions={
        <>
          <button type="button" className="btn" onClick={close}>
            {saved ? 'Done' : 'Cancel'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={saving || Object.keys(changes).length === 0} data-testid="annotate-save">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      {request.size !== null && request.size > 1 && <p className="muted small">The fields you change apply to all {count(request.size)} exceptions; the others keep what each one has.</p>}
      <div className="form-grid form-grid-2">
        <label>
          Category
          <LabelSelect value={fields.category} options={annotationCategories} labels={CATEGORY_LABEL} onChange={(category) => patch({ category })} ariaLabel="Category" empty />
        </label>
        <label>
          Status
          <LabelSelect value={fields.status} options={EDITABLE_STATUSES} labels={STATUS_LABEL} onChange={(status) => patch({ status })} ariaLabel="Status" empty />
        </label>
        <label>
          Owner
          <input value={fields.owner ?? ''} onChange={(e) => patch({ owner: e.target.value })} aria-label="Owner" />
        </label>
        <label>
          Ticket
          <input value={fields.ref ?? ''} onChange={(e) => patch({ ref: e.target.value })} aria-label="Ticket" placeholder="MIG-1234" />
        </label>
      </div>
      <label className="block">
        Note
        <textarea rows={4} value={fields.note ?? ''} onChange={(e) => patch({ note: e.target.value })} aria-label="Note" placeholder="What this difference is, and why" />
      </label>
      {saved && (
        <p className="saved-note" role="status" data-testid="annotate-saved">
          {saved}
        </p>
      )}
    </FormDialog>
  );
}
