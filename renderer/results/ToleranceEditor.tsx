/** A numeric column's tolerance: presets (exact, cents, 0.1 %) or any absolute and relative value. */
import { useState } from 'react';

export interface Tolerance {
  absTol?: string;
  relTol?: string;
}

const PRESETS: [string, Tolerance][] = [
  ['Exact', {}],
  ['Cents', { absTol: '0.01' }],
  ['0.1%', { relTol: '0.001' }],
];

const DECIMAL = /^\d+(\.\d+)?$/;
/** Typed and not a plain decimal (a comma, letters): shown as wrong, never applied. */
const isWrong = (x: string) => x !== '' && !DECIMAL.test(x);

export function ToleranceEditor({ name, value, onApply, disabled }: { name: string; value: Tolerance; onApply: (t: Tolerance, label: string) => void; disabled: boolean }) {
  const [abs, setAbs] = useState(value.absTol ?? '');
  const [rel, setRel] = useState(value.relTol ?? '');
  const apply = () => {
    if (isWrong(abs) || isWrong(rel)) return;
    onApply({ absTol: abs || undefined, relTol: rel || undefined }, `A tolerance of ${[abs && `±${abs}`, rel && `±${Number(rel) * 100}%`].filter(Boolean).join(' + ') || 'zero'} on ${name}`);
  };
  const wrong = [abs, rel].find(isWrong);
  // "0.00" is no tolerance at all: Exact.
  const norm = (x: string | undefined) => (x && Number(x) !== 0 ? x : '');
  const same = (t: Tolerance) => norm(t.absTol) === norm(value.absTol) && norm(t.relTol) === norm(value.relTol);
  return (
    <div className="tolerance" data-testid={`tolerance-${name}`}>
      {PRESETS.map(([label, t]) => (
        <button
          key={label}
          className={`chip-btn ${same(t) ? 'on' : ''}`}
          disabled={disabled}
          onClick={() => {
            setAbs(t.absTol ?? '');
            setRel(t.relTol ?? '');
            // Both keys always: undefined removes a tolerance the column had.
            onApply({ absTol: t.absTol, relTol: t.relTol }, label === 'Exact' ? `Exact comparison of ${name}` : `A ${label} tolerance on ${name}`);
          }}
        >
          {label}
        </button>
      ))}
      <input aria-label={`Absolute tolerance of ${name}`} className={`tol-input ${isWrong(abs) ? 'invalid' : ''}`} placeholder="± abs" value={abs} disabled={disabled} onChange={(e) => setAbs(e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && apply()} onBlur={() => (abs !== (value.absTol ?? '') ? apply() : undefined)} />
      <input aria-label={`Relative tolerance of ${name}`} title="A fraction of the legacy value: 0.001 is 0.1%" className={`tol-input ${isWrong(rel) ? 'invalid' : ''}`} placeholder="± rel" value={rel} disabled={disabled} onChange={(e) => setRel(e.target.value.trim())} onKeyDown={(e) => e.key === 'Enter' && apply()} onBlur={() => (rel !== (value.relTol ?? '') ? apply() : undefined)} />
      {wrong && (
        <span className="tol-error" role="alert" data-testid={`tolerance-error-${name}`}>
          &quot;{wrong}&quot; is not a number: use a dot, as in 0.01. Nothing changed.
        </span>
      )}
    </div>
  );
}
