/**
 * Auditor mode in the workbench: a pack opened read-only beside (not inside) the workspace. While a pack
 * is open the workbench shows only what the pack holds; closing it returns to the workspace untouched.
 */
import { create } from 'zustand';
import type { AuditOverview } from '../../shared/audit';
import { useWorkbench } from './workbench';

interface AuditState {
  /** choosing: the open-a-pack form; open: a pack is on screen. */
  mode: 'closed' | 'choosing' | 'open';
  overview: AuditOverview | null;
  choose(): void;
  /** Back to the workspace; an open pack stays open for the next visit. */
  leave(): void;
  /** Verifies and opens the pack (a long job with progress and cancel); throws the one sentence on refusal. */
  open(path: string): Promise<void>;
  close(): Promise<void>;
  /** The pack the app was launched with (`--pack FILE`), opened once the engine is ready. */
  openLaunchPack(): void;
}

let launchPackTried = false;

export const useAudit = create<AuditState>((set, get) => ({
  mode: 'closed',
  overview: null,
  choose: () => set({ mode: get().overview ? 'open' : 'choosing' }),
  leave: () => set({ mode: 'closed' }),
  async open(path) {
    // The engine closes whatever pack was open before it tries this one.
    set({ overview: null });
    const overview = await useWorkbench.getState().runJob('Verifying and opening the pack', 'audit.open', { path }, { quiet: true });
    if (overview) set({ mode: 'open', overview });
  },
  openLaunchPack() {
    const pack = new URLSearchParams(window.location.search).get('pack');
    if (!pack || launchPackTried) return;
    launchPackTried = true;
    set({ mode: 'choosing' });
    get()
      .open(pack)
      .catch((e) => useWorkbench.getState().showError(e));
  },
  async close() {
    if (get().overview) await useWorkbench.getState().runJob('Closing the pack', 'audit.close', {});
    set({ mode: 'closed', overview: null });
  },
}));
