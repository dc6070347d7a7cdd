/**
 * The workbench's state: the engine's health, the workspace as the engine last reported it, running
 * jobs with their progress, and the one error sentence currently shown.
 */
import { create } from 'zustand';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api';
import { ParityError } from '../../shared/errors';
import type { EngineState } from '../../shared/protocol';
import type { ManualPair, Progress, Side, WorkspaceState } from '../../shared/types';
import { api } from '../api/client';

export type Tab = 'technical' | 'keys' | 'data' | 'rejects';

export interface Job {
  id: number;
  label: string;
  progress: Progress | null;
  cancel: () => void;
}

interface WorkbenchState {
  engine: { state: EngineState; message: string | null };
  workspace: WorkspaceState | null;
  jobs: Job[];
  error: string | null;
  tab: Tab;
  dataSide: Side;
  sourceDialog: Side | null;
  setTab(tab: Tab): void;
  setDataSide(side: Side): void;
  openSourceDialog(side: Side | null): void;
  dismissError(): void;
  /**
   * Runs a long method as a visible, cancellable job. Resolves undefined when cancelled; a failure is
   * shown as the error sentence, or thrown to the caller with `quiet` (dialogs show it inline).
   */
  runJob<M extends MethodName>(label: string, method: M, args: ArgsOf<M>, options?: { quiet?: boolean }): Promise<ResultOf<M> | undefined>;
  refresh(): Promise<void>;
  start(): Promise<void>;
  runTechnical(change?: { key?: string[]; mapping?: ManualPair[] }): Promise<void>;
  sourceImported(): Promise<void>;
}

let jobCounter = 0;

export function errorSentence(error: unknown): string {
  if (error instanceof ParityError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export const useWorkbench = create<WorkbenchState>((set, get) => ({
  engine: { state: 'starting', message: null },
  workspace: null,
  jobs: [],
  error: null,
  tab: 'technical',
  dataSide: 'left',
  sourceDialog: null,
  setTab: (tab) => set({ tab }),
  setDataSide: (dataSide) => set({ dataSide }),
  openSourceDialog: (sourceDialog) => set({ sourceDialog }),
  dismissError: () => set({ error: null }),

  async runJob(label, method, args, options = {}) {
    const controller = new AbortController();
    const id = ++jobCounter;
    const job: Job = { id, label, progress: null, cancel: () => controller.abort() };
    set((s) => ({ jobs: [...s.jobs, job] }));
    const update = (progress: Progress) =>
      set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, progress } : j)) }));
    try {
      return await api().call(method, args, { onProgress: update, signal: controller.signal });
    } catch (error) {
      if (error instanceof ParityError && error.code === 'cancelled') return undefined;
      if (options.quiet) throw error;
      set({ error: errorSentence(error) });
      return undefined;
    } finally {
      set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));
    }
  },

  async refresh() {
    try {
      set({ workspace: await api().call('workspace.state', {}) });
    } catch (error) {
      set({ error: errorSentence(error) });
    }
  },

  async start() {
    await get().refresh();
    const ws = get().workspace;
    if (!ws) return;
    if (ws.isDemo && (!ws.left || !ws.right || !ws.report)) {
      const state = await get().runJob('Preparing the demo workspace', 'demo.prepare', {});
      if (state) set({ workspace: state });
    } else if (ws.left && ws.right && !ws.report) {
      await get().runTechnical();
    }
  },

  async runTechnical(change = {}) {
    const report = await get().runJob('Technical parity', 'technical.run', change);
    if (report) await get().refresh();
  },

  async sourceImported() {
    await get().refresh();
    const ws = get().workspace;
    if (ws?.left && ws.right) await get().runTechnical();
  },
}));

/** Wires engine state changes into the store; starts (or restarts) the workbench when the engine is ready. */
export function watchEngine(): () => void {
  return api().onEngineState((state, message) => {
    useWorkbench.setState({ engine: { state, message } });
    if (state === 'ready') void useWorkbench.getState().start();
  });
}
