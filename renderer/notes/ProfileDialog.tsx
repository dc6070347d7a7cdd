/** Who is working: asked on first start, recorded on every annotation and sign-off. */
import { useState } from 'react';
import { errorSentence } from '../store/workbench';
import { useNotes } from '../store/notes';
import { FormDialog } from '../components/FormDialog';

export function ProfileDialog() {
  const profile = useNotes((s) => s.profile);
  const [name, setName] = useState(profile?.name ?? '');
  const [role, setRole] = useState(profile?.role ?? '');
  const [error, setError] = useState<string | null>(null);
  const first = !profile;
  async function save() {
    try {
      await useNotes.getState().saveProfile({ name, role });
    } catch (e) {
      setError(errorSentence(e));
    }
  }
  const close = () => useNotes.getState().editProfile(false);
  return (
    <FormDialog
      title={first ? 'Who is working on this machine?' : 'Your profile'}
      label="Your profile"
      testId="profile-dialog"
      onSubmit={() => void save()}
      onClose={first ? undefined : close}
      error={error}
      actions={
        <>
          {!first && (
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || !role.trim()} data-testid="profile-save">
            Save
          </button>
        </>
      }
    >
      <p className="muted">Every annotation, rule approval and sign-off records your name and role, in a history nobody can edit unnoticed.</p>
      <label className="block">
        Name
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Your name" placeholder="Ana Steward" />
      </label>
      <label className="block">
        Role
        <input value={role} onChange={(e) => setRole(e.target.value)} aria-label="Your role" placeholder="data steward, finance analyst, auditor…" />
      </label>
    </FormDialog>
  );
}
