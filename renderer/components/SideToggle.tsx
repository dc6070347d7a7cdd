import type { Side } from '../../shared/types';

export function SideToggle({ side, onChange }: { side: Side; onChange: (side: Side) => void }) {
  return (
    <div className="segmented" role="tablist">
      {(['left', 'right'] as const).map((s) => (
        <button key={s} role="tab" aria-selected={side === s} className={side === s ? 'on' : ''} onClick={() => onChange(s)}>
          <span className={`side-dot side-${s}`} />
          {s === 'left' ? 'Legacy' : 'New'}
        </button>
      ))}
    </div>
  );
}
