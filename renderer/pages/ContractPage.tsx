/** Step 2: the contract — what is compared and how — as a form, or as the JSON file it is. */
import { useRef, useState } from 'react';
import type { WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { AggregatesEditor } from '../contract/AggregatesEditor';
import { ColumnsEditor } from '../contract/ColumnsEditor';
import { downloadJson, initialDraft, type Draft } from '../contract/draft';
import { SideEditor } from '../contract/SidesEditor';
import { RulesEditor } from '../contract/RulesEditor';
import { errorSentence, useWorkbench } from '../store/workbench';

export function ContractPage({ ws }: { ws: WorkspaceState }) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(ws));
  const [json, setJson] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const file = useRef<HTMLInputElement>(null);
  const pairs = ws.report?.schema.pairs ?? [];
  const leftColumns = ws.left?.columns.map((c) => c.name) ?? [];
  const temporal = new Set(ws.left?.columns.filter((c) => /^(TIMESTAMP|DATE)/.test(c.type)).map((c) => c.name) ?? []);
  const keyColumns = (draft.key ?? []).map((k) => (typeof k === 'string' ? k : k.left));
  const update = (d: Draft) => {
    setDraft(d);
    setChecked(false);
    setError(null);
  };

  const check = async () => {
    try {
      await api().call('contract.check', { contract: draft });
      setChecked(true);
      setError(null);
    } catch (e) {
      setError(errorSentence(e));
    }
  };
  const run = async () => {
    try {
      await api().call('contract.check', { contract: draft });
    } catch (e) {
      setError(errorSentence(e));
      return;
    }
    const summary = await useWorkbench.getState().runCompare(draft, { label: 'Running the comparison' });
    if (summary) useWorkbench.getState().go('results');
  };
  const open = async (f: File | undefined) => {
    if (!f) return;
    try {
      update(JSON.parse(await f.text()) as Draft);
    } catch (e) {
      setError(`"${f.name}" is not valid JSON: ${errorSentence(e)}`);
    }
  };

  if (!ws.left || !ws.right) return <p className="empty">Add both sources first.</p>;
  return (
    <div className="page" data-testid="page-contract">
      <header className="page-head">
        <h1>Contract</h1>
        <div className="spacer" />
        <input ref={file} type="file" accept=".json,application/json" hidden onChange={(e) => void open(e.target.files?.[0])} />
        <button className="btn" onClick={() => file.current?.click()}>
          Open JSON…
        </button>
        <button className="btn" onClick={() => downloadJson(String(draft.name ?? 'contract'), draft)}>
          Save JSON
        </button>
        <button className="btn" onClick={() => setJson(json === null ? JSON.stringify(draft, null, 2) : null)}>
          {json === null ? 'Edit as JSON' : 'Back to the form'}
        </button>
        <button className="btn" onClick={() => void check()} disabled={busy}>
          Check
        </button>
        <button className="btn btn-primary" onClick={() => void run()} disabled={busy} data-testid="run-contract">
          Run comparison
        </button>
      </header>
      {error && (
        <p className="inline-error" role="alert" data-testid="contract-error">
          {error}
        </p>
      )}
      {checked && !error && <p className="ok-note">The contract fits these sources.</p>}
      {json !== null ? (
        <section className="panel">
          <textarea className="json-editor" value={json} spellCheck={false} onChange={(e) => setJson(e.target.value)} aria-label="Contract JSON" />
          <div className="row-actions">
            <button
              className="btn btn-primary"
              onClick={() => {
                try {
                  update(JSON.parse(json) as Draft);
                  setJson(null);
                } catch (e) {
                  setError(`The JSON does not parse: ${errorSentence(e)}`);
                }
              }}
            >
              Use this JSON
            </button>
          </div>
        </section>
      ) : (
        <>
          <section className="panel form-panel">
            <div className="form-grid form-grid-3">
              <label>
                Name
                <input value={String(draft.name ?? '')} onChange={(e) => update({ ...draft, name: e.target.value })} />
              </label>
              <label>
                Domain
                <input value={String(draft.domain ?? '')} placeholder="Orders, Claims…" onChange={(e) => update({ ...draft, domain: e.target.value })} />
              </label>
              <label>
                Steward
                <input value={String(draft.steward ?? '')} onChange={(e) => update({ ...draft, steward: e.target.value })} />
              </label>
              <label>
                Key (legacy columns, comma-separated)
                <input value={keyColumns.join(', ')} onChange={(e) => update({ ...draft, key: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })} />
              </label>
              <label>
                Reporting zone
                <input list="parity-zones" value={String(draft.reportingZone ?? 'UTC')} onChange={(e) => update({ ...draft, reportingZone: e.target.value })} />
              </label>
              <label>
                Minimum match rate (SLO)
                <input type="number" step="0.001" min={0} max={1} value={(draft.slo as { minMatchRate?: number } | undefined)?.minMatchRate ?? ''} onChange={(e) => update({ ...draft, slo: e.target.value === '' ? {} : { minMatchRate: Number(e.target.value) } })} />
              </label>
            </div>
          </section>
          <div className="sides-editor">
            <SideEditor side="left" draft={draft} columns={leftColumns} onChange={update} />
            <SideEditor side="right" draft={draft} columns={ws.right.columns.map((c) => c.name)} onChange={update} />
          </div>
          <section className="panel">
            <header className="panel-head">
              <h3>Compared columns</h3>
            </header>
            <ColumnsEditor draft={draft} pairs={pairs} keyColumns={keyColumns} onChange={update} />
          </section>
          <section className="panel">
            <header className="panel-head">
              <h3>Aggregates</h3>
            </header>
            <AggregatesEditor draft={draft} columns={leftColumns} temporal={temporal} onChange={update} />
          </section>
          <section className="panel form-panel">
            <header className="panel-head">
              <h3>Expected differences</h3>
              <span className="muted small">Rules label known differences so they stop counting as unexplained.</span>
            </header>
            <RulesEditor draft={draft} ran={Boolean(ws.summary)} columns={pairs.map((p) => p.left).filter((c): c is string => Boolean(c))} onChange={update} />
          </section>
          <section className="panel form-panel">
            <header className="panel-head">
              <h3>Timing</h3>
              <span className="muted small">Rows missing on one side but younger than the window are timing, not defects.</span>
            </header>
            <div className="form-grid form-grid-3">
              <label>
                Event time (legacy column)
                <select
                  value={(draft.timing as { left?: string } | undefined)?.left ?? ''}
                  onChange={(e) => update({ ...draft, timing: e.target.value ? { asOf: `${new Date().toISOString().slice(0, 19)}Z`, window: '24h', ...(draft.timing ?? {}), left: e.target.value } : undefined })}
                >
                  <option value="">no timing</option>
                  {[...temporal].map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              </label>
              {draft.timing !== undefined && (
                <>
                  <label>
                    As of (ISO instant)
                    <input value={(draft.timing as { asOf: string }).asOf} onChange={(e) => update({ ...draft, timing: { ...(draft.timing as object), asOf: e.target.value } as Draft['timing'] })} />
                  </label>
                  <label>
                    Late-arrival window
                    <input value={(draft.timing as { window: string }).window} placeholder="6h" onChange={(e) => update({ ...draft, timing: { ...(draft.timing as object), window: e.target.value } as Draft['timing'] })} />
                  </label>
                </>
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
