import type { ReactNode } from 'react';
import type { TechnicalReport, TechnicalSettings } from '../../shared/types';
import { count, percent, signed } from '../lib/format';
import { useWorkbench } from '../store/workbench';
import { KeyPicker } from './KeyPicker';

function Pair({ left, right, testId }: { left: ReactNode; right: ReactNode; testId?: string }) {
  return (
    <div className="pair" data-testid={testId}>
      <div>
        <span className="side-dot side-left" />
        {left} <span className="pair-label">legacy</span>
      </div>
      <div>
        <span className="side-dot side-right" />
        {right} <span className="pair-label">new</span>
      </div>
    </div>
  );
}

function Bar({ parts }: { parts: { value: number; className: string; label: string }[] }) {
  const total = parts.reduce((a, p) => a + p.value, 0) || 1;
  return (
    <div className="bar" role="img" aria-label={parts.map((p) => `${p.label} ${count(p.value)}`).join(', ')}>
      {parts.map((p) => (
        <div key={p.label} className={`bar-part ${p.className}`} style={{ width: `${(100 * p.value) / total}%` }} title={`${p.label}: ${count(p.value)}`} />
      ))}
    </div>
  );
}

export function SummaryTiles({ report, settings }: { report: TechnicalReport; settings: TechnicalSettings }) {
  const setTab = useWorkbench((s) => s.setSourcesTab);
  const delta = report.right.rows - report.left.rows;
  const { schema, key, hash } = report;
  const paired = schema.pairs.filter((p) => p.left && p.right).length;
  const maxRows = Math.max(report.left.rows, report.right.rows);
  const keyIssues = key ? key.duplicateKeysLeft + key.duplicateKeysRight + key.nullKeysLeft + key.nullKeysRight : 0;
  return (
    <div className="tiles" data-testid="summary-tiles">
      <section className="tile" data-testid="tile-rows">
        <h3>Row counts</h3>
        <Pair left={<strong>{count(report.left.rows)}</strong>} right={<strong>{count(report.right.rows)}</strong>} />
        <div className={`delta ${delta === 0 ? 'ok' : 'warn'}`}>
          {delta === 0 ? 'Equal' : `${signed(delta)} rows on new (${percent(Math.abs(delta) / Math.max(1, report.left.rows))})`}
        </div>
      </section>
      <section className="tile" data-testid="tile-schema">
        <h3>Schema</h3>
        <div className="big">
          {paired} <span className="muted">paired columns</span>
        </div>
        <ul className="facts">
          <li className={schema.leftOnly.length ? 'warn' : ''}>
            {schema.leftOnly.length} only in legacy{schema.leftOnly.length ? `: ${schema.leftOnly.join(', ')}` : ''}
          </li>
          <li className={schema.rightOnly.length ? 'warn' : ''}>
            {schema.rightOnly.length} only in new{schema.rightOnly.length ? `: ${schema.rightOnly.join(', ')}` : ''}
          </li>
          <li className={schema.typeChanges.length ? 'warn' : ''}>
            {schema.typeChanges.length} type change{schema.typeChanges.length === 1 ? '' : 's'}
          </li>
        </ul>
      </section>
      <section className="tile" data-testid="tile-key">
        <h3>Business key</h3>
        <KeyPicker keyColumns={settings.key} pairs={schema.pairs} />
        {key ? (
          <>
            <table className="mini">
              <thead>
                <tr>
                  <th />
                  <th>Legacy</th>
                  <th>New</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>Duplicate-key rows</td>
                  <td className={key.duplicateKeysLeft ? 'warn' : ''} data-testid="dup-left">{count(key.duplicateKeysLeft)}</td>
                  <td className={key.duplicateKeysRight ? 'warn' : ''} data-testid="dup-right">{count(key.duplicateKeysRight)}</td>
                </tr>
                <tr>
                  <td>Null keys</td>
                  <td className={key.nullKeysLeft ? 'warn' : ''} data-testid="null-left">{count(key.nullKeysLeft)}</td>
                  <td className={key.nullKeysRight ? 'warn' : ''} data-testid="null-right">{count(key.nullKeysRight)}</td>
                </tr>
              </tbody>
            </table>
            {keyIssues > 0 && (
              <button className="link" onClick={() => setTab('keys')}>
                List the offending keys →
              </button>
            )}
          </>
        ) : (
          <p className="muted small">Choose the column(s) that identify a row to check duplicates and null keys.</p>
        )}
      </section>
      <section className="tile" data-testid="tile-hash">
        <h3>Whole-row parity</h3>
        <div className="big">
          {percent(maxRows ? hash.identicalRows / maxRows : 1, 1)} <span className="muted">identical rows</span>
        </div>
        <Bar
          parts={[
            { value: hash.identicalRows, className: 'ok', label: 'Identical' },
            { value: hash.leftWithoutTwin, className: 'left', label: 'Legacy without twin' },
            { value: hash.rightWithoutTwin, className: 'right', label: 'New without twin' },
          ]}
        />
        <ul className="facts">
          <li>{count(hash.identicalRows)} rows have an identical twin across {hash.columns} paired columns</li>
          <li>
            Without a twin: legacy {count(hash.leftWithoutTwin)}, new {count(hash.rightWithoutTwin)}
          </li>
        </ul>
      </section>
    </div>
  );
}
