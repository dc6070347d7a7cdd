import { useState } from 'react';
import { useWorkbench } from '../store/workbench';

/** One sentence; the engine's full wording one click away. */
export function ErrorToast() {
  const error = useWorkbench((s) => s.error);
  const dismiss = useWorkbench((s) => s.dismissError);
  const [open, setOpen] = useState(false);
  if (!error) return null;
  return (
    <div className="toast" role="alert" data-testid="error">
      <div>
        <span>{error.message}</span>
        {error.detail && (
          <button className="link toast-link" onClick={() => setOpen(!open)}>
            {open ? 'Hide details' : 'Details'}
          </button>
        )}
        {open && error.detail && <pre className="toast-detail">{error.detail}</pre>}
      </div>
      <button
        className="btn-icon"
        aria-label="Dismiss"
        onClick={() => {
          setOpen(false);
          dismiss();
        }}
      >
        ×
      </button>
    </div>
  );
}
