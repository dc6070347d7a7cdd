/** Each side's time-zone rule and filter. */
import type { Side } from '../../shared/types';
import { mapToText, textToMap, type Draft } from './draft';

type Rule = { kind: 'instant' } | { kind: 'local'; zone: string } | { kind: 'perRow'; column: string; zones?: Record<string, string>; zonesFile?: string; fallback?: string };

/** "name = expression" lines; the first " = " splits, so an expression may hold "=" itself. */
function derivedFromText(text: string): { name: string; expression: string }[] | undefined {
  const list = text
    .split('\n')
    .map((line) => /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1], expression: m[2] }));
  return list.length ? list : undefined;
}

export function SideEditor({ side, draft, columns, onChange }: { side: Side; draft: Draft; columns: string[]; onChange: (d: Draft) => void }) {
  const current = ((draft[side] as Record<string, unknown> | undefined) ?? {}) as { timezone?: Rule; filter?: string; label?: string; derived?: { name: string; expression: string }[] };
  const rule: Rule = current.timezone ?? { kind: 'instant' };
  const setSide = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...current, ...patch };
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '') delete next[k];
    onChange({ ...draft, [side]: next });
  };
  const label = side === 'left' ? 'Legacy' : 'New';
  return (
    <fieldset className="side-editor" data-testid={`side-editor-${side}`}>
      <legend>
        <span className={`side-tag side-tag-${side}`}>{label}</span>
      </legend>
      <label>
        Label
        <input value={current.label ?? ''} onChange={(e) => setSide({ label: e.target.value })} placeholder={label} />
      </label>
      <label>
        Timestamps are
        <select
          value={rule.kind}
          aria-label={`${label} time-zone rule`}
          onChange={(e) => {
            const kind = e.target.value;
            setSide({ timezone: kind === 'instant' ? { kind } : kind === 'local' ? { kind, zone: 'UTC' } : { kind, column: columns[0] ?? '', zones: {} } });
          }}
        >
          <option value="instant">instants (TIMESTAMPTZ, or written in UTC)</option>
          <option value="local">local time in one zone</option>
          <option value="perRow">local time in a zone per row</option>
        </select>
      </label>
      {rule.kind === 'local' && (
        <label>
          Zone
          <input list="parity-zones" value={rule.zone} onChange={(e) => setSide({ timezone: { ...rule, zone: e.target.value } })} />
        </label>
      )}
      {rule.kind === 'perRow' && (
        <>
          <label>
            Zone from column
            <select value={rule.column} onChange={(e) => setSide({ timezone: { ...rule, column: e.target.value } })}>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            Value → zone (one per line, value=Zone/Name)
            <textarea rows={3} defaultValue={mapToText(rule.zones)} placeholder="AMER=America/New_York" onBlur={(e) => setSide({ timezone: { ...rule, zones: textToMap(e.target.value) ?? {} } })} />
          </label>
          <label>
            or a mapping file (CSV value,zone or JSON)
            <input value={rule.zonesFile ?? ''} placeholder="/path/to/airports.json" onChange={(e) => setSide({ timezone: { ...rule, zonesFile: e.target.value || undefined } })} />
          </label>
          <label>
            Fallback zone
            <input list="parity-zones" value={rule.fallback ?? ''} placeholder="none: count as unmapped" onChange={(e) => setSide({ timezone: { ...rule, fallback: e.target.value || undefined } })} />
          </label>
        </>
      )}
      <label>
        Filter (a DuckDB condition on this side's columns)
        <input value={current.filter ?? ''} placeholder={`e.g. ${columns[0] ?? 'STATUS'} IS NOT NULL`} onChange={(e) => setSide({ filter: e.target.value })} />
      </label>
      <label>
        Derived columns (one per line, name = expression)
        <textarea
          rows={2}
          aria-label={`${label} derived columns`}
          defaultValue={(current.derived ?? []).map((d) => `${d.name} = ${d.expression}`).join('\n')}
          placeholder={"status = CASE st WHEN 'C' THEN 'closed' ELSE 'open' END"}
          onBlur={(e) => setSide({ derived: derivedFromText(e.target.value) })}
        />
      </label>
    </fieldset>
  );
}
