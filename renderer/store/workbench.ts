/**
 * The workbench's state: the engine's health, the workspace as the engine last reported it, running
 * jobs, where the analyst is (saved in the workspace), the last toggle's delta, and the one error shown.
 */
import { create } from 'zustand';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/api';
import type { CompareSummary, DrillFilter } from '../../shared/compare';
import type { Contract, ContractInput } from '../../shared/contract';
import { ParityError } from '../../shared/errors';
import type { EngineState } from '../../shared/protocol';
import type { ManualPair, Progress, Side, WorkspaceState } from '../../shared/types';
import { api } from '../api/client';
import { describeDelta, type Delta } from '../lib/delta';
import { DEFAULT_VIEW, readView, withPerRowRules, type DrillView, type Page, type SourcesTab, type Theme, type UiView } from '../lib/view';

export interface Job {
  id: number;
  label: string;
  progress: Progress | null;
  cancel: () => void;
}

export interface ShownError {
  message: string;
  detail: string | null;
}

interface WorkbenchState {
  engine: { state: EngineState; message: string | null };
  workspace: WorkspaceState | null;
  jobs: Job[];
  error: ShownError | null;
  view: UiView;
  dataSide: Side;
  sourceDialog: Side | null;
  /** The key of the row open in the detail panel, and its exception identity when it came from the exception list. */
  rowKey: (string | null)[] | null;
  rowId: string | null;
  delta: Delta | null;
  /** Bumped when the exception list changes, so grids start afresh. */
  resultsVersion: number;
  go(page: Page): void;
  setSourcesTab(tab: SourcesTab): void;
  setDataSide(side: Side): void;
  setTheme(theme: Theme): void;
  setDrill(drill: Partial<DrillView>): void;
  openSourceDialog(side: Side | null): void;
  openRow(key: (string | null)[] | null, exceptionId?: string | null): void;
  showError(error: unknown): void;
  dismissError(): void;
  /**
   * Runs a long method as a visible, cancellable job. Resolves undefined when cancelled; a failure is
   * shown as the error sentence, or thrown to the caller with `quiet` (dialogs show it inline).
   */
  runJob<M extends MethodName>(label: string, method: M, args: ArgsOf<M>, options?: { quiet?: boolean }): Promise<ResultOf<M> | undefined>;
  refresh(): Promise<void>;
  start(): Promise<void>;
  runTechnical(change?: { key?: string[]; mapping?: ManualPair[] }): Promise<void>;
  /** Runs the contract; `change` names a toggle, so the delta line can say what it explained. */
  runCompare(contract: Contract | ContractInput, options?: { change?: string; label?: string; rebuild?: boolean }): Promise<CompareSummary | undefined>;
  sourceImported(): Promise<void>;
}

let jobCounter = 0;
let saveTimer: ReturnType<typeof setTimeout> | null = null;

export function errorSentence(error: unknown): string {
  if (error instanceof ParityError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

let unsaved: UiView | null = null;

function flushView(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  const view = unsaved;
  unsaved = null;
  if (view) void api().call('workspace.saveView', { view }).catch(() => undefined);
}

/**
 * The view is saved in the workspace once the analyst has stayed on it for a second, not on every
 * click: a write in the middle of the next drill step would compete with it for the engine. Leaving
 * the window saves at once.
 */
function saveView(view: UiView): void {
  if (saveTimer) clearTimeout(saveTimer);
  unsaved = view;
  saveTimer = setTimeout(flushView, 1_000);
}
if (typeof window !== 'undefined') window.addEventListener('pagehide', flushView);

/** After a toggle the counts on screen are a what-if, not a recorded run: no sign-off or pack is made on them. */
export const showsWhatIf = (s: WorkbenchState) => s.workspace?.summary?.recorded === false;

export const useWorkbench = create<WorkbenchState>((set, get) => {
  /** Whether the saved view has been read: until then the view in hand is the default, not to be saved. */
  let viewRead = false;
  /** Keeps the per-row rules a contract holds in the view, saved once the saved view has been read. */
  const rememberPerRowRules = (contract: WorkspaceState['contract']) => {
    const known = get().view.perRowRules;
    const perRowRules = withPerRowRules(known, contract);
    if (JSON.stringify(perRowRules) === JSON.stringify(known)) return;
    const view = { ...get().view, perRowRules };
    set({ view });
    if (viewRead) saveView(view);
  };
  const setWorkspace = (workspace: WorkspaceState) => {
    set({ workspace });
    rememberPerRowRules(workspace.contract);
  };
  const setView = (patch: Partial<UiView>) => {
    const view = { ...get().view, ...patch };
    set({ view });
    saveView(view);
  };
  return {
    engine: { state: 'starting', message: null },
    workspace: null,
    jobs: [],
    error: null,
    view: DEFAULT_VIEW,
    dataSide: 'left',
    sourceDialog: null,
    rowKey: null,
    rowId: null,
    delta: null,
    resultsVersion: 0,
    go: (page) => setView({ page }),
    setSourcesTab: (sourcesTab) => setView({ sourcesTab }),
    setDataSide: (dataSide) => set({ dataSide }),
    setTheme: (theme) => setView({ theme }),
    setDrill: (drill) => setView({ drill: { ...get().view.drill, ...drill } }),
    openSourceDialog: (sourceDialog) => set({ sourceDialog }),
    openRow: (rowKey, rowId = null) => set({ rowKey, rowId }),
    showError: (error) => {
      // A cancel is what the analyst asked for (a read waiting on a cancelled run ends the same way), never an error.
      if (error instanceof ParityError && error.code === 'cancelled') return;
      set({ error: { message: errorSentence(error), detail: error instanceof ParityError ? (error.detail ?? null) : null } });
    },
    dismissError: () => set({ error: null }),

    async runJob(label, method, args, options = {}) {
      const controller = new AbortController();
      const id = ++jobCounter;
      const job: Job = { id, label, progress: null, cancel: () => controller.abort() };
      set((s) => ({ jobs: [...s.jobs, job] }));
      const update = (progress: Progress) => set((s) => ({ jobs: s.jobs.map((j) => (j.id === id ? { ...j, progress } : j)) }));
      try {
        return await api().call(method, args, { onProgress: update, signal: controller.signal });
      } catch (error) {
        if (error instanceof ParityError && error.code === 'cancelled') return undefined;
        if (options.quiet) throw error;
        get().showError(error);
        return undefined;
      } finally {
        set((s) => ({ jobs: s.jobs.filter((j) => j.id !== id) }));
      }
    },

    async refresh() {
      try {
        setWorkspace(await api().call('workspace.state', {}));
      } catch (error) {
        get().showError(error);
      }
    },

    async start() {
      await get().refresh();
      const ws = get().workspace;
      if (!ws) return;
      set({ view: readView(ws.view) });
      viewRead = true;
      rememberPerRowRules(ws.contract);
      if (ws.isDemo && (!ws.left || !ws.right || !ws.report || !ws.summary)) {
        const state = await get().runJob('Preparing the demo workspace', 'demo.prepare', {});
        if (state) setWorkspace(state);
      } else if (ws.left && ws.right && !ws.report) {
        await get().runTechnical();
      }
      if (!get().workspace?.summary && get().view.page !== 'sources' && get().view.page !== 'contract') setView({ page: 'sources' });
    },

    async runTechnical(change = {}) {
      const report = await get().runJob('Technical parity', 'technical.run', change);
      if (report) await get().refresh();
    },

    async runCompare(contract, options = {}) {
      const before = get().workspace?.summary ?? null;
      const quick = Boolean(options.change) && before !== null;
      const summary = await get().runJob(options.label ?? (quick ? 'Re-classifying' : 'Running the comparison'), 'compare.run', { contract, quick, rebuild: options.rebuild });
      if (!summary) return undefined;
      await get().refresh();
      set((s) => ({
        resultsVersion: s.resultsVersion + 1,
        delta: options.change && before ? describeDelta(options.change, before, summary) : null,
      }));
      return summary;
    },

    async sourceImported() {
      await get().refresh();
      const ws = get().workspace;
      if (ws?.left && ws.right) await get().runTechnical();
    },
  };
});

/** Wires engine state changes into the store; starts (or restarts) the workbench when the engine is ready. */
export function watchEngine(): () => void {
  return api().onEngineState((state, message) => {
    useWorkbench.setState({ engine: { state, message } });
    if (state === 'ready') void useWorkbench.getState().start();
  });
}

export type { DrillFilter };
