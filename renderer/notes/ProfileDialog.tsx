/** Who is working: asked on first start, recorded on every annotation and sign-off. */
import { useState } from 'react';
import { errorSentence } from '../store/workbench';
import { useNotes } from '../store/notes';

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
  return (
    <div className="overlay">
      <form
        className="dialog dialog-narrow"
        role="dialog"
        aria-label="Your profile"
        data-testid="profile-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <header className="dialog-head">
          <h2>{first ? 'Who is working on this machine?' : 'Your profile'}</h2>
        </header>
        <div className="dialog-body">
          <p className="muted">Every annotation, rule approval and sign-off records your name and role, in a history nobody can edit unnoticed.</p>
          <label className="block">
            Name
            <input autoFocus value={name} onChange={(e) => setName(e.target.value)} aria-label="Your name" placeholder="Ana Steward" />
          </label>
          <label className="block">
            Role
            <input value={role} onChange={(e) => setRole(e.target.value)} aria-label="Your role" placeholder="data steward, finance analyst, auditor…" />
          </label>
          {error && (
            <p className="inline-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-foot">
          <div className="spacer" />
          {!first && (
            <button type="button" className="btn" onClick={() => useNotes.getState().editProfile(false)}>
              Cancel
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={!name.trim() || !role.trim()} data-testid="profile-save">
            Save
          </button>
        </footer>
      </form>
    </div>
  );
}
