import { api } from '../api/client';
import { useWorkbench } from '../store/workbench';

/** Shown when the engine process died: the window stays, the workspace is safe, one click restarts it. */
export function EngineBanner() {
  const engine = useWorkbench((s) => s.engine);
  if (engine.state !== 'crashed') return null;
  return (
    <div className="banner banner-danger" role="alert" data-testid="engine-crashed">
      <div>
        <strong>The engine stopped.</strong> {engine.message ?? 'It ended unexpectedly.'} Everything saved before
        the stop is safe in the workspace.
      </div>
      <button className="btn btn-light" onClick={() => api().restartEngine()}>
        Restart engine
      </button>
    </div>
  );
}
