/** A select over a fixed list of codes shown by their labels, optionally with an empty "—" choice. */
interface Props<T extends string> {
  value: T | undefined;
  options: readonly T[];
  labels: Record<T, string>;
  onChange: (value: T | undefined) => void;
  ariaLabel?: string;
  /** Offer "—" for no value. */
  empty?: boolean;
}

export function LabelSelect<T extends string>({ value, options, labels, onChange, ariaLabel, empty }: Props<T>) {
  return (
    <select value={value ?? ''} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)} aria-label={ariaLabel}>
      {empty && <option value="">—</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
}
