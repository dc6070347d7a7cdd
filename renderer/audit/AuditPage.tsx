/** Auditor mode: the pack's verification, then its summary, its exceptions and its notes — read-only. */
import { useEffect, useState } from 'react';
import type { ExplanationCounts } from '../../shared/annotations';
import type { AuditOverview } from '../../shared/audit';
import { api } from '../api/client';
import { count, isoMinute } from '../lib/format';
import { LevelCards } from '../results/LevelCards';
import { PlainTable } from '../components/PlainTable';
import { useAudit } from '../store/audit';
import { useWorkbench } from '../store/workbench';
import { AuditDrill } from './AuditDrill';
import { AuditNotes } from './AuditNotes';
import { VerificationBanner } from './VerificationBanner';

type Tab = 'summary' | 'exceptions' | 'notes';

export function AuditPage({ overview }: { overview: AuditOverview }) {
  const [tab, setTab] = useState<Tab>('summary');
  const [counts, setCounts] = useState<ExplanationCounts | null>(null);
  useEffect(() => {
    if (overview.unreadable) return;
    api()
      .call('audit.counts', { filters: [] })
      .then(setCounts, (e) => useWorkbench.getState().showError(e));
  }, [overview]);
  return (
    <div className="page" data-testid="audit-page">
      <VerificationBanner overview={overview} />
      <header className="page-head">
        <div>
          <h1>
            {overview.title} <span className="badge badge-readonly">read-only</span>
          </h1>
          <p className="muted small">
            <code>{overview.pack}</code> · made with Parity {overview.appVersion} · run {overview.run.id ?? '—'} ran {isoMinute(overview.run.ranAt)} UTC · {count(overview.exceptions.rows)} exceptions
          </p>
        </div>
        <div className="spacer" />
        <button className="btn" onClick={() => void useAudit.getState().close()} data-testid="audit-close">
          Close the pack
        </button>
      </header>
      <nav className="tabs" aria-label="Pack">
        {(['summary', 'exceptions', 'notes'] as const).map((t) => (
          <button key={t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)} data-testid={`audit-tab-${t}`}>
            {{ summary: 'Summary', exceptions: 'Exceptions', notes: 'Explanations and sign-off' }[t]}
          </button>
        ))}
      </nav>
      {tab === 'summary' && (
        <>
          <LevelCards summary={overview.summary} contract={overview.contract} report={null} counts={counts} />
          <section className="panel">
            <header className="panel-head">
              <h3>Sources, as hashed when the pack was made</h3>
            </header>
            <PlainTable
              testId="audit-sources"
              head={['Side', 'Label', 'Rows', 'File', 'Bytes', 'SHA-256']}
              numeric={[false, false, true, false, true, false]}
              rows={overview.sources.flatMap((s) =>
                s.files.map((f) => ({ key: `${s.side}-${f.name}`, cells: [s.side === 'left' ? 'legacy' : 'new', s.label, count(s.rows), f.name, count(f.size), <code key="sha">{f.sha256}</code>] })),
              )}
            />
          </section>
        </>
      )}
      {tab === 'exceptions' &&
        (overview.unreadable ? (
          <p className="inline-error" role="alert" data-testid="audit-unreadable">
            {overview.unreadable}
          </p>
        ) : (
          <AuditDrill overview={overview} />
        ))}
      {tab === 'notes' && <AuditNotes />}
    </div>
  );
}
