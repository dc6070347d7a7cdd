/**
 * Add or replace a side's source: name the files, see what Parity detected (dialect, exact types, a
 * preview), adjust, import. The import is one transaction: cancel it and the old source stays.
 */
import { useState } from 'react';
import type { CsvOptions, Inspection, Side } from '../../shared/types';
import { pathForFile } from '../api/client';
import { ArrowPreview } from '../grid/StaticGrid';
import { basename, bytes, count } from '../lib/format';
import { errorSentence, useWorkbench } from '../store/workbench';
import { ColumnTypes } from './ColumnTypes';
import { CsvOptionsForm } from './CsvOptionsForm';
import { JobBar } from './JobBar';

const TITLE: Record<Side, string> = { left: 'legacy', right: 'new' };

export function SourceDialog({ side }: { side: Side }) {
  const close = () => useWorkbench.getState().openSourceDialog(null);
  const runJob = useWorkbench((s) => s.runJob);
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const current = useWorkbench((s) => (side === 'left' ? s.workspace?.left : s.workspace?.right));
  const [inputsText, setInputsText] = useState(current?.inputs.join('\n') ?? '');
  const [label, setLabel] = useState(current?.label ?? '');
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [options, setOptions] = useState<CsvOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputs = inputsText.split('\n').map((s) => s.trim()).filter(Boolean);

  async function inspect(overrides?: Partial<CsvOptions>) {
    setError(null);
    try {
      const result = await runJob('Reading the files', 'sources.inspect', { inputs, csv: overrides }, { quiet: true });
      if (!result) return;
      setInspection(result);
      setOptions(result.format === 'csv' ? result.options : null);
    } catch (e) {
      setError(errorSentence(e));
    }
  }

  async function importNow() {
    setError(null);
    try {
      const info = await runJob(
        `Importing the ${TITLE[side]} source`,
        'sources.import',
        { side, inputs, label: label.trim() || undefined, csv: options ?? undefined },
        { quiet: true },
      );
      if (!info) return;
      close();
      await useWorkbench.getState().sourceImported();
    } catch (e) {
      setError(errorSentence(e));
    }
  }

  const picked = (files: FileList | null) => {
    const paths = [...(files ?? [])].map(pathForFile).filter((p): p is string => Boolean(p));
    if (paths.length) setInputsText(paths.join('\n'));
  };

  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label={`Source for the ${TITLE[side]} side`}>
      <div className="dialog" data-testid="source-dialog">
        <header className="dialog-head">
          <h2>
            <span className={`side-tag side-tag-${side}`}>{side === 'left' ? 'Legacy' : 'New'}</span> source
          </h2>
          <button className="btn-icon" aria-label="Dismiss" onClick={close} disabled={busy}>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <label className="block">
            Files, globs or folders — one per line
            <textarea
              data-testid="source-inputs"
              rows={3}
              value={inputsText}
              spellCheck={false}
              placeholder={'/data/legacy/orders_2026-03.csv\n/data/legacy/*.csv'}
              onChange={(e) => {
                setInputsText(e.target.value);
                setInspection(null);
              }}
            />
          </label>
          {window.parity && <input type="file" multiple accept=".csv,.tsv,.txt,.parquet,.gz" onChange={(e) => picked(e.target.files)} />}
          <label className="block">
            Label
            <input value={label} placeholder={side === 'left' ? 'Legacy ERP extract' : 'Lakehouse extract'} onChange={(e) => setLabel(e.target.value)} />
          </label>

          {inspection && (
            <div className="inspection" data-testid="inspection">
              <p>
                <span className="fmt">{inspection.format.toUpperCase()}</span>
                {inspection.files.length === 1 ? basename(inspection.files[0].path) : `${inspection.files.length} files`} ·{' '}
                {bytes(inspection.files.reduce((a, f) => a + f.size, 0))}
                {inspection.format === 'parquet' && ` · ${count(inspection.rows)} rows · ${inspection.columns.length} columns`}
              </p>
              {inspection.format === 'csv' && options && (
                <>
                  <h3>Dialect</h3>
                  <CsvOptionsForm options={options} onChange={setOptions} />
                  <h3>Columns</h3>
                  <ColumnTypes detected={inspection.detected} options={options} onChange={setOptions} />
                  <div className="row-actions">
                    <button className="btn btn-small" disabled={busy} onClick={() => void inspect(options)}>
                      Re-read the preview with these options
                    </button>
                  </div>
                </>
              )}
              <h3>Preview</h3>
              <ArrowPreview arrow={inspection.preview.arrow} testId="inspection-preview" />
            </div>
          )}
          {error && (
            <p className="inline-error" role="alert" data-testid="dialog-error">
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-foot">
          <JobBar />
          <div className="spacer" />
          <button className="btn" onClick={close} disabled={busy}>
            Close
          </button>
          {inspection ? (
            <button className="btn btn-primary" data-testid="import" disabled={busy || inputs.length === 0} onClick={() => void importNow()}>
              Import
            </button>
          ) : (
            <button className="btn btn-primary" data-testid="inspect" disabled={busy || inputs.length === 0} onClick={() => void inspect()}>
              Inspect
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}
