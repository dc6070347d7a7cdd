import { useWorkbench } from '../store/workbench';

/**
 * Long jobs, with DuckDB's own progress and a Cancel that leaves the workspace as it was. `floating` (the
 * window's own bar) hangs over the page instead of pushing it down, so a toggle does not make it jump.
 */
export function JobBar({ floating = false }: { floating?: boolean }) {
  const jobs = useWorkbench((s) => s.jobs);
  if (jobs.length === 0) return null;
  return (
    <div className={floating ? 'jobs jobs-floating' : 'jobs'} data-testid="jobs" role="status">
      {jobs.map((job) => {
        const f = job.progress?.fraction;
        return (
          <div className="job" key={job.id}>
            <div className="job-text">
              <strong>{job.label}</strong>
              <span className="muted">{job.progress?.phase ?? 'Starting…'}</span>
            </div>
            <div className={`progress ${f === null || f === undefined ? 'indeterminate' : ''}`}>
              <div className="progress-fill" style={{ width: `${Math.round((f ?? 0.3) * 100)}%` }} />
            </div>
            <span className="job-pct">{f === null || f === undefined ? '' : `${Math.round(f * 100)}%`}</span>
            <button className="btn btn-small" onClick={job.cancel}>
              Cancel
            </button>
          </div>
        );
      })}
    </div>
  );
}
