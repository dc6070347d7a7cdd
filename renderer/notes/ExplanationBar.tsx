/** How the exceptions in view are explained: a chip per explanation (click to filter), and annotation statuses. */
import { explanationTotal, explanations, type ExplanationCounts, type Explanation } from '../../shared/annotations';
import { count } from '../lib/format';
import { EXPLANATION_LABEL, STATUS_LABEL } from './labels';

interface Props {
  counts: ExplanationCounts | null;
  /** The explanations the list is filtered to; none means all. */
  picked?: Explanation[];
  onPick?: (picked: Explanation[]) => void;
}

export function ExplanationBar({ counts, picked = [], onPick }: Props) {
  if (!counts) return <div className="explain-bar muted small">Counting explanations…</div>;
  const total = explanationTotal(counts);
  const statuses = (Object.entries(counts.byStatus) as [keyof typeof STATUS_LABEL, number][]).filter(([s, n]) => n > 0 && s !== 'none');
  const toggle = (e: Explanation) => onPick?.(picked.includes(e) ? picked.filter((x) => x !== e) : [...picked, e]);
  return (
    <div className="explain-bar" data-testid="explanation-bar">
      <span className="muted small">Explained {count(total - counts.byExplanation.unexplained)} of {count(total)}</span>
      {explanations
        .filter((e) => counts.byExplanation[e] > 0 || picked.includes(e))
        .map((e) => (
          <button
            key={e}
            className={`explain-chip explain-${e} ${picked.includes(e) ? 'on' : ''}`}
            disabled={!onPick}
            onClick={() => toggle(e)}
            title={onPick ? `Show only ${EXPLANATION_LABEL[e].toLowerCase()} exceptions` : undefined}
            data-testid={`explained-${e}`}
          >
            {EXPLANATION_LABEL[e]} <strong>{count(counts.byExplanation[e])}</strong>
          </button>
        ))}
      {statuses.length > 0 && (
        <span className="muted small statuses" data-testid="status-counts">
          {statuses.map(([s, n]) => `${STATUS_LABEL[s]} ${count(n)}`).join(' · ')}
        </span>
      )}
    </div>
  );
}
