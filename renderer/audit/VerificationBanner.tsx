/** What the auditor must see first: intact and signed by whom, or exactly what failed. */
import type { AuditOverview } from '../../shared/audit';
import { isoMinute } from '../lib/format';

export function VerificationBanner({ overview }: { overview: AuditOverview }) {
  const { check, signer, createdAt } = overview;
  if (check.ok) {
    return (
      <div className="verify verify-ok" role="status" data-testid="verification">
        <strong>Intact.</strong> Every file matches the manifest, and the manifest's signature holds: signed by {check.signer?.name} ({check.signer?.role}) on {isoMinute(createdAt)} UTC, key{' '}
        <code data-testid="fingerprint">{check.signer?.fingerprint}</code>
      </div>
    );
  }
  return (
    <div className="verify verify-bad" role="alert" data-testid="verification">
      <strong>NOT intact: this pack was changed after it was signed{signer ? ` (it names ${signer.name}, key ${signer.fingerprint})` : ''}.</strong> What is shown below is what the pack holds now, not what was signed.
      <ul data-testid="verification-problems">
        {check.problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
