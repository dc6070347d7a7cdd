/** Auditor mode: one pack open at a time, read-only; opening one closes the one before, even if it fails. */
import { ParityError } from '../../../shared/errors.js';
import { AuditSession } from '../audit/session.js';
import type { HandlerGroup } from './types.js';

export function auditHandlers(home: string): HandlerGroup<'audit.open' | 'audit.drill' | 'audit.exceptions' | 'audit.counts' | 'audit.notes' | 'audit.close'> {
  let open: AuditSession | null = null;
  const current = () => {
    if (!open) throw new ParityError('no_pack', 'Open a pack first.');
    return open;
  };
  return {
    'audit.open': async (args, job) => {
      // The pack before is closed first: opening the same pack again unpacks it over its own folder.
      await open?.close();
      open = null;
      open = await AuditSession.open(args.path, home, job);
      return open.overview;
    },
    'audit.drill': async (args) => current().drill(args.dimension, args.filters),
    'audit.exceptions': async (args) => current().exceptions(args),
    'audit.counts': async (args) => current().counts(args.filters ?? [], args.by?.dimension ?? null),
    'audit.notes': async () => current().notes(),
    'audit.close': async () => {
      await open?.close();
      open = null;
      return null;
    },
  };
}
