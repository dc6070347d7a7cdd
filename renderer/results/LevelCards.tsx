/** The five levels of parity at a glance. */
import type { ReactNode } from 'react';
import type { CompareSummary } from '../../shared/compare';
import type { Contract } from '../../shared/contract';
import type { TechnicalReport } from '../../shared/types';
import type { ExplanationCounts } from '../../shared/annotations';
import { count, isoMinute, percent } from '../lib/format';
import { groupDigits } from '../grid/cells';

function Card({ title, status, children, testId }: { title: string; status: 'ok' | 'warn' | 'bad'; children: ReactNode; testId: string }) {
  return (
    <section className={`level level-${status}`} data-testid={testId}>
      <h3>
        <span className={`level-dot ${status}`} />
        {title}
      </h3>
      {children}
    </section>
  );
}

function Line({ label, value, warn, testId }: { label: string; value: ReactNode; warn?: boolean; testId?: string }) {
  return (
    <div className={`level-line ${warn ? 'warn' : ''}`}>
      <span>{label}</span>
      <strong data-testid={testId}>{value}</strong>
    </div>
  );
}

interface Props {
  summary: CompareSummary;
  contract: Contract;
  report: TechnicalReport | null;
  counts: ExplanationCounts | null;
}

export function LevelCards({ summary, contract, report, counts }: Props) {
  const r = summary.rows;
  const schemaIssues = summary.schema.leftOnly.length + summary.schema.rightOnly.length + summary.schema.typeChanges.length;
  const keyIssues = r.duplicateKeysLeft + r.duplicateKeysRight + r.nullKeysLeft + r.nullKeysRight;
  const mapped = summary.columns.filter((c) => {
    const spec = contract.columns?.find((x) => x.left === c.name) as { valueMap?: Record<string, string> } | undefined;
    return spec?.valueMap && Object.keys(spec.valueMap).length > 0;
  });
  const dst = [...summary.dst.left, ...summary.dst.right];
  const edges = dst.reduce((a, d) => a + d.nonexistent + d.ambiguous + d.unmapped, 0);
  const agg = summary.aggregates;
  const unexplained = counts?.byExplanation.unexplained ?? null;
  const annotated = counts ? Object.entries(counts.byStatus).reduce((a, [s, n]) => (s === 'none' ? a : a + n), 0) : 0;
  return (
    <div className="levels" data-testid="level-cards">
      <Card title="Technical" status={keyIssues || schemaIssues ? 'warn' : 'ok'} testId="level-technical">
        <Line label="Rows legacy / new" value={`${count(summary.left.rows)} / ${count(summary.right.rows)}`} warn={summary.left.rows !== summary.right.rows} />
        <Line label="Schema differences" value={count(schemaIssues)} warn={schemaIssues > 0} />
        <Line label="Duplicate-key rows L / N" value={`${count(r.duplicateKeysLeft)} / ${count(r.duplicateKeysRight)}`} warn={r.duplicateKeysLeft + r.duplicateKeysRight > 0} />
        <Line label="Null keys L / N" value={`${count(r.nullKeysLeft)} / ${count(r.nullKeysRight)}`} warn={r.nullKeysLeft + r.nullKeysRight > 0} />
        {report && <Line label="Identical rows (as written)" value={percent(report.hash.identicalRows / Math.max(1, report.left.rows, report.right.rows), 1)} />}
      </Card>
      <Card title="Entity" status={summary.slo.met ? (r.mismatched ? 'warn' : 'ok') : 'bad'} testId="level-entity">
        <div className="level-big">
          <span data-testid="match-rate">{percent(summary.matchRate, 2)}</span>
          <span className="muted small"> match rate{summary.slo.minMatchRate !== null ? ` · SLO ${percent(summary.slo.minMatchRate, 1)} ${summary.slo.met ? 'met' : 'not met'}` : ''}</span>
        </div>
        <Line label="Matched" value={count(r.matched)} />
        <Line label="Equal / within tolerance" value={`${count(r.equal)} / ${count(r.withinTolerance)}`} />
        <Line label="Mismatched" value={count(r.mismatched)} warn={r.mismatched > 0} testId="mismatched-rows" />
        <Line label="Only legacy / only new" value={`${count(r.leftOnly)} / ${count(r.rightOnly)}`} warn={r.leftOnly + r.rightOnly > 0} />
      </Card>
      <Card title="Aggregate" status={agg.beyondTolerance ? 'warn' : 'ok'} testId="level-aggregate">
        {agg.totals.map((m) => (
          <Line key={m.name} label={`${m.name} Δ`} value={m.diff === null ? '—' : groupDigits(m.diff)} warn={!m.withinTolerance} />
        ))}
        <Line label={`Groups beyond tolerance${agg.dimensions.length ? ` (${agg.dimensions.join(' × ')})` : ''}`} value={`${count(agg.beyondTolerance)} of ${count(agg.groups)}`} warn={agg.beyondTolerance > 0} />
        {agg.stale && <p className="muted small">Refreshing on the next drill-down.</p>}
      </Card>
      <Card title="Semantic" status={unexplained ? 'warn' : 'ok'} testId="level-semantic">
        <Line label="Value maps" value={mapped.length ? mapped.map((c) => c.name).join(', ') : 'none'} />
        <Line label="Derived columns L / N" value={`${count(contract.left.derived.length)} / ${count(contract.right.derived.length)}`} />
        {counts?.rules.map((r) => (
          <Line key={r.name} label={`Rule “${r.name}” explains`} value={count(r.explained)} testId={`rule-count-${r.name}`} />
        ))}
        {counts && counts.rules.length === 0 && <Line label="Expected-difference rules" value="none" />}
        <Line label="Annotated" value={counts ? count(annotated) : '—'} testId="annotated-count" />
        <Line label="Unexplained" value={unexplained === null ? '—' : count(unexplained)} warn={Boolean(unexplained)} testId="unexplained-count" />
        {!counts && <p className="muted small">Counted once the run is open again (a drill-down or a toggle opens it).</p>}
      </Card>
      <Card title="Timing" status={edges ? 'warn' : 'ok'} testId="level-timing">
        <Line label="Late arrivals (timing)" value={count(r.timing)} />
        {contract.timing ? (
          <>
            <Line label="Window" value={contract.timing.window} />
            <Line label="Cut-off" value={isoMinute(contract.timing.asOf)} />
          </>
        ) : (
          <Line label="Window" value="none set" />
        )}
        {dst.map((d) => (
          <Line key={d.column} label={`DST edges in ${d.column}`} value={`${count(d.nonexistent)} gap · ${count(d.ambiguous)} twice${d.unmapped ? ` · ${count(d.unmapped)} unmapped` : ''}`} warn={d.nonexistent + d.ambiguous + d.unmapped > 0} />
        ))}
      </Card>
    </div>
  );
}
