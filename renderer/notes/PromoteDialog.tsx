/**
 * Promote a drill group into an expected-difference rule: the group's path becomes the predicate, the
 * analyst gives the category and reason, and the approver is recorded. Saving adds the rule to the
 * contract and re-classifies; the delta line says how many exceptions the rule explains.
 */
import { useState } from 'react';
import { ruleCategories, type Contract } from '../../shared/contract';
import { groupName, groupPredicate, type RuleInput } from '../../shared/rules';
import { api } from '../api/client';
import { dimensionNames } from '../lib/dimensions';
import { count } from '../lib/format';
import { useNotes, type PromoteRequest } from '../store/notes';
import { errorSentence, useWorkbench } from '../store/workbench';
import { CATEGORY_LABEL } from './labels';
import { FormDialog } from '../components/FormDialog';
import { LabelSelect } from '../components/LabelSelect';

export function PromoteDialog({ request, contract }: { request: PromoteRequest; contract: Contract }) {
  const profile = useNotes((s) => s.profile);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const [rule, setRule] = useState<RuleInput>(() => ({
    name: groupName(request.path),
    predicate: groupPredicate(request.path, dimensionNames(contract).temporal),
    category: 'approved_difference',
    column: request.column ?? undefined,
    reason: '',
    approvedBy: profile?.name ?? '',
    approvedOn: new Date().toISOString().slice(0, 10),
  }));
  const [error, setError] = useState<string | null>(null);
  const close = () => useNotes.getState().openPromote(null);
  const patch = (p: Partial<RuleInput>) => setRule((r) => ({ ...r, ...p }));

  async function save() {
    setError(null);
    const next = { ...contract, rules: [...contract.rules, rule] };
    try {
      await api().call('contract.check', { contract: next });
    } catch (e) {
      setError(errorSentence(e));
      return;
    }
    const before = await api().call('annotations.counts', {});
    const summary = await useWorkbench.getState().runCompare(next, { label: 'Applying the rule' });
    if (!summary) return;
    const after = await api().call('annotations.counts', {});
    const explained = after?.rules[after.rules.length - 1]?.explained ?? 0;
    useWorkbench.setState({
      delta: {
        change: `Rule "${rule.name}"`,
        lines: [`Rule "${rule.name}" explains ${count(explained)} exceptions; unexplained ${count(before?.byExplanation.unexplained ?? 0)} → ${count(after?.byExplanation.unexplained ?? 0)}.`],
      },
    });
    // The re-run bumps the result version, which every count, list and grid follows: no second refresh.
    close();
  }

  return (
    <FormDialog
      title="Make an expected-difference rule"
      label="Make a rule"
      testId="promote-dialog"
      onSubmit={() => void save()}
      onClose={close}
      error={error}
      errorTestId="promote-error"
      actions={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !rule.reason.trim() || !rule.predicate.trim()} data-testid="promote-save">
            Add the rule and re-run
          </button>
        </>
      }
    >
      <p className="muted small">
        From {groupName(request.path)}
        {request.column ? `, where ${request.column} differs` : ''}
        {request.size !== null ? ` (${count(request.size)} exceptions now)` : ''}. The rule goes into the contract and labels these exceptions in every later run.
      </p>
      <div className="form-grid form-grid-2">
        <label>
          Name
          <input value={rule.name ?? ''} onChange={(e) => patch({ name: e.target.value })} aria-label="Rule name" />
        </label>
        <label>
          Category
          <LabelSelect value={rule.category} options={ruleCategories} labels={CATEGORY_LABEL} onChange={(category) => category && patch({ category })} ariaLabel="Rule category" />
        </label>
        <label>
          Approved by
          <input value={rule.approvedBy ?? ''} onChange={(e) => patch({ approvedBy: e.target.value })} aria-label="Approved by" />
        </label>
        <label>
          Approved on
          <input type="date" value={rule.approvedOn ?? ''} onChange={(e) => patch({ approvedOn: e.target.value })} aria-label="Approved on" />
        </label>
      </div>
      <label className="block">
        Predicate (over l.column, r.column and d.dimension)
        <textarea rows={3} value={rule.predicate} onChange={(e) => patch({ predicate: e.target.value })} aria-label="Predicate" spellCheck={false} />
      </label>
      <label className="block">
        Consumers affected (comma-separated)
        <input
          value={(rule.consumers ?? []).join(', ')}
          onChange={(e) => patch({ consumers: e.target.value.split(',').map((x) => x.trim()).filter(Boolean) })}
          aria-label="Consumers affected"
          placeholder="Group reporting, FX desk"
        />
      </label>
      <label className="block">
        Reason
        <textarea rows={3} value={rule.reason} onChange={(e) => patch({ reason: e.target.value })} aria-label="Reason" placeholder="Why these differences are expected, and who relies on it" />
      </label>
    </FormDialog>
  );
}
