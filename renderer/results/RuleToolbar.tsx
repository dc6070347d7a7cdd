/** The time-zone toggles: how each side's naive timestamps are read, and the zone dates are bucketed in. */
import { useState } from 'react';
import type { Contract, TimeZoneRule } from '../../shared/contract';
import type { Side } from '../../shared/types';
import { describeRule, withZoneRule } from '../lib/contract-edit';
import { useWorkbench } from '../store/workbench';

const COMMON_ZONES = ['UTC', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Singapore', 'Australia/Sydney'];

function RuleSelect({ side, contract }: { side: Side; contract: Contract }) {
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const runCompare = useWorkbench((s) => s.runCompare);
  const rule = contract[side].timezone;
  const stored = useWorkbench((s) => s.view.perRowRules[side]);
  const perRow = rule.kind === 'perRow' ? rule : stored;
  const [zone, setZone] = useState(rule.kind === 'local' ? rule.zone : 'UTC');
  const value = rule.kind === 'perRow' ? 'perRow' : rule.kind === 'local' ? 'local' : 'instant';
  const apply = (next: TimeZoneRule) => void runCompare(withZoneRule(contract, side, next), { change: `${side === 'left' ? 'Legacy' : 'New'}: ${describeRule(next)}` });
  return (
    <div className="rule" data-testid={`rule-${side}`}>
      <span className={`side-tag side-tag-${side}`}>{side === 'left' ? 'Legacy' : 'New'}</span>
      <select
        aria-label={`How ${side === 'left' ? 'legacy' : 'new'} timestamps are read`}
        value={value}
        disabled={busy}
        onChange={(e) => {
          const v = e.target.value;
          if (v === 'instant') apply({ kind: 'instant' });
          else if (v === 'local') apply({ kind: 'local', zone });
          else if (perRow) apply(perRow);
        }}
      >
        <option value="instant">As written (instants, UTC)</option>
        <option value="local">Local time in one zone</option>
        {perRow && perRow.kind === 'perRow' && <option value="perRow">Local time per row by {perRow.column}</option>}
      </select>
      {value === 'local' && (
        <input
          className="zone-input"
          list="parity-zones"
          value={zone}
          aria-label={`Zone of the ${side === 'left' ? 'legacy' : 'new'} side`}
          disabled={busy}
          onChange={(e) => setZone(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && apply({ kind: 'local', zone })}
          onBlur={() => rule.kind === 'local' && rule.zone !== zone && apply({ kind: 'local', zone })}
        />
      )}
    </div>
  );
}

export function RuleToolbar({ contract }: { contract: Contract }) {
  const busy = useWorkbench((s) => s.jobs.length > 0);
  const runCompare = useWorkbench((s) => s.runCompare);
  const [reporting, setReporting] = useState(contract.reportingZone);
  const applyReporting = () =>
    reporting !== contract.reportingZone && void runCompare({ ...contract, reportingZone: reporting }, { change: `Reporting in ${reporting}` });
  return (
    <div className="toolbar" data-testid="rule-toolbar">
      <strong className="toolbar-title">Time zones</strong>
      <RuleSelect side="left" contract={contract} />
      <RuleSelect side="right" contract={contract} />
      <label className="rule">
        Dates bucketed in
        <input className="zone-input" list="parity-zones" value={reporting} disabled={busy} aria-label="Reporting zone" onChange={(e) => setReporting(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && applyReporting()} onBlur={applyReporting} />
      </label>
      <datalist id="parity-zones">
        {COMMON_ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </div>
  );
}
