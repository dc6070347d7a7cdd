import { useWorkbench } from '../store/workbench';

export function ErrorToast() {
  const error = useWorkbench((s) => s.error);
  const dismiss = useWorkbench((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="toast" role="alert" data-testid="error">
      <span>{error}</span>
      <button className="btn-icon" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
