/** Exception packs: export the current run as signed evidence, and verify a pack. */
import type { CompareSession } from '../compare/session.js';
import { exportPack } from '../pack/export.js';
import { verifyPack } from '../pack/verify.js';
import type { ProfileStore } from '../profile.js';
import type { Workspace } from '../workspace.js';
import type { HandlerGroup } from './types.js';
import fs from 'node:fs';
import path from 'node:path';
import { PACK_EXTENSION } from '../../../shared/pack.js';

function defaultPackPath(home: string, contract: string): string {
  const dir = path.join(home, 'packs');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return path.join(dir, `${contract.replace(/[^\w.-]+/g, '_').slice(0, 80)}-${stamp}${PACK_EXTENSION}`);
}

export function packHandlers(ws: Workspace, session: CompareSession, profiles: ProfileStore, home: string): HandlerGroup<'pack.export' | 'pack.verify'> {
  return {
    'pack.export': async (args, job) => exportPack(ws, session, home, profiles.require(), args.out ?? defaultPackPath(home, ws.contract?.name ?? 'parity'), job),
    'pack.verify': async (args) => {
      const check = verifyPack(args.path);
      // The manifest goes back without the embedded contract and summary: the check is what the caller wants.
      return { ...check, manifest: null };
    },
  };
}
