import type { Side, SourceInfo } from '../../shared/types';
import { basename, bytes, count, when } from '../lib/format';
import { useWorkbench } from '../store/workbench';

const SIDE_TITLE: Record<Side, string> = { left: 'Legacy', right: 'New' };

export function SourceCard({ side, source }: { side: Side; source: SourceInfo | null }) {
  const open = useWorkbench((s) => s.openSourceDialog);
  const setTab = useWorkbench((s) => s.setSourcesTab);
  const setDataSide = useWorkbench((s) => s.setDataSide);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  return (
    <section className={`source-card side-${side}`} data-testid={`source-${side}`}>
      <header>
        <span className={`side-tag side-tag-${side}`}>{SIDE_TITLE[side]}</span>
        <h2>{source?.label ?? 'No source yet'}</h2>
        <button className="btn btn-small" disabled={busy} onClick={() => open(side)}>
          {source ? 'Replace…' : 'Add source…'}
        </button>
      </header>
      {source ? (
        <div className="source-facts">
          <div title={source.files.map((f) => f.path).join('\n')}>
            <span className="fmt">{source.format.toUpperCase()}</span>
            {source.files.length === 1 ? basename(source.files[0].path) : `${source.files.length} files`}
            <span className="muted"> · {bytes(source.files.reduce((a, f) => a + f.size, 0))}</span>
          </div>
          <div>
            <strong data-testid={`rows-${side}`}>{count(source.rows)}</strong> rows · {source.columns.length} columns
            {source.rejectedLines > 0 && (
              <>
                {' · '}
                <button
                  className="link danger"
                  data-testid={`rejects-link-${side}`}
                  onClick={() => {
                    setDataSide(side);
                    setTab('rejects');
                  }}
                >
                  {count(source.rejectedLines)} rejected line{source.rejectedLines === 1 ? '' : 's'}
                </button>
              </>
            )}
          </div>
          <div className="muted small">Imported {when(source.importedAt)}</div>
        </div>
      ) : (
        <p className="muted">A CSV or Parquet extract: one file, several, a glob or a folder.</p>
      )}
    </section>
  );
}
