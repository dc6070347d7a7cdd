/** Expected-difference rules: what each one says, who approved it, and how many exceptions it explained in the last run. */
import { ruleCategories } from '../../shared/contract';
import type { RuleInput } from '../../shared/rules';
import { count } from '../lib/format';
import { CATEGORY_LABEL } from '../notes/labels';
import { LabelSelect } from '../components/LabelSelect';
import { useExplanationCounts } from '../notes/useExplanationCounts';
import type { Draft } from './draft';

interface Props {
  draft: Draft;
  columns: string[];
  /** Whether a comparison has run, so there are counts to show. */
  ran: boolean;
  onChange: (d: Draft) => void;
}

export function RulesEditor({ draft, columns, ran, onChange }: Props) {
  const rules = (draft.rules as RuleInput[] | undefined) ?? [];
  const counts = useExplanationCounts(ran ? { lazy: true } : null);
  const setRules = (next: RuleInput[]) => onChange({ ...draft, rules: next });
  const patch = (i: number, p: Partial<RuleInput>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <div className="rules-editor" data-testid="rules-editor">
      {rules.length === 0 && <p className="muted small">No rules yet. Write one here, or make one from a drill group ("Make a rule from it…").</p>}
      {rules.map((r, i) => {
        const explained = counts?.rules.find((x) => x.name === (r.name ?? `rule ${i + 1}`))?.explained;
        return (
          <fieldset key={i} className="rule-card" data-testid={`rule-${i}`}>
            <div className="form-grid form-grid-3">
              <label>
                Name
                <input value={r.name ?? ''} onChange={(e) => patch(i, { name: e.target.value || undefined })} />
              </label>
              <label>
                Category
                <LabelSelect value={r.category} options={ruleCategories} labels={CATEGORY_LABEL} onChange={(category) => category && patch(i, { category })} />
              </label>
              <label>
                Only a mismatch in
                <select value={r.column ?? ''} onChange={(e) => patch(i, { column: e.target.value || undefined })}>
                  <option value="">any exception</option>
                  {columns.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
            </div>
            <label className="block">
              Predicate (l.column, r.column, d.dimension, class)
              <input value={r.predicate} onChange={(e) => patch(i, { predicate: e.target.value })} spellCheck={false} aria-label={`Rule ${i + 1} predicate`} />
            </label>
            <div className="form-grid form-grid-3">
              <label>
                Reason
                <input value={r.reason} onChange={(e) => patch(i, { reason: e.target.value })} />
              </label>
              <label>
                Approved by
                <input value={r.approvedBy ?? ''} onChange={(e) => patch(i, { approvedBy: e.target.value || undefined })} />
              </label>
              <label>
                Approved on
                <input type="date" value={r.approvedOn ?? ''} onChange={(e) => patch(i, { approvedOn: e.target.value || undefined })} />
              </label>
            </div>
            <div className="rule-foot">
              <span className="muted small">{explained === undefined ? 'not run yet' : `explained ${count(explained)} exceptions in the last run`}</span>
              <div className="spacer" />
              <button className="btn btn-small" onClick={() => setRules(rules.filter((_, j) => j !== i))}>
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button className="btn btn-small" onClick={() => setRules([...rules, { predicate: 'true', category: 'approved_difference', reason: '' }])} data-testid="add-rule">
          Add a rule
        </button>
      </div>
    </div>
  );
}
