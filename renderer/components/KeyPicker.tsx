import type { ColumnPairReport } from '../../shared/types';
import { useWorkbench } from '../store/workbench';

/** The business key, as chips of legacy column names; only paired columns can be key columns. */
export function KeyPicker({ keyColumns, pairs }: { keyColumns: string[]; pairs: ColumnPairReport[] }) {
  const runTechnical = useWorkbench((s) => s.runTechnical);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const candidates = pairs.filter((p) => p.left && p.right && !keyColumns.includes(p.left)).map((p) => p.left as string);
  return (
    <div className="key-picker" data-testid="key-picker">
      {keyColumns.length === 0 && <span className="muted">No key chosen</span>}
      {keyColumns.map((k) => (
        <span className="chip" key={k}>
          {k}
          <button
            className="chip-x"
            aria-label={`Remove ${k} from the key`}
            disabled={busy}
            onClick={() => void runTechnical({ key: keyColumns.filter((c) => c !== k) })}
          >
            ×
          </button>
        </span>
      ))}
      <select
        className="select-small"
        aria-label="Add a key column"
        value=""
        disabled={busy || candidates.length === 0}
        onChange={(e) => e.target.value && void runTechnical({ key: [...keyColumns, e.target.value] })}
      >
        <option value="">{keyColumns.length ? 'Add column…' : 'Choose key…'}</option>
        {candidates.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}
