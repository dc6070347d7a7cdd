import { useWorkbench } from '../store/workbench';

/** What the last toggle explained, in one or two lines. */
export function DeltaLine() {
  const delta = useWorkbench((s) => s.delta);
  if (!delta) return null;
  return (
    <div className="delta-line" role="status" data-testid="delta-line">
      {delta.lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
    </div>
  );
}
