import { useEffect } from 'react';
import { useWorkbench } from './store/workbench';
import { EngineBanner } from './components/EngineBanner';
import { ErrorToast } from './components/ErrorToast';
import { JobBar } from './components/JobBar';
import { PageBoundary } from './components/PageBoundary';
import { RowDetailPanel } from './components/RowDetail';
import { Sidebar } from './components/Sidebar';
import { SourceDialog } from './components/SourceDialog';
import { ContractPage } from './pages/ContractPage';
import { DrillPage } from './pages/DrillPage';
import { ResultsPage } from './pages/ResultsPage';
import { SourcesPage } from './pages/SourcesPage';
import { useNotes } from './store/notes';
import { ProfileDialog } from './notes/ProfileDialog';
import { AnnotateDialog } from './notes/AnnotateDialog';
import { PromoteDialog } from './notes/PromoteDialog';
import { AuditPage } from './audit/AuditPage';
import { OpenPack } from './audit/OpenPack';
import { useAudit } from './store/audit';
import { useDrillAhead } from './pages/drill-ahead';

export function App() {
  const ws = useWorkbench((s) => s.workspace);
  const page = useWorkbench((s) => s.view.page);
  const theme = useWorkbench((s) => s.view.theme);
  const setTheme = useWorkbench((s) => s.setTheme);
  const dialog = useWorkbench((s) => s.sourceDialog);
  const engine = useWorkbench((s) => s.engine);
  const rowKey = useWorkbench((s) => s.rowKey);
  const profile = useNotes((s) => s.profile);
  const editingProfile = useNotes((s) => s.editingProfile);
  const annotate = useNotes((s) => s.annotate);
  const promote = useNotes((s) => s.promote);
  const audit = useAudit((s) => s.mode);
  const pack = useAudit((s) => s.overview);
  // Only once a comparison has run in this window: the engine then holds the run, and the level costs
  // milliseconds. A workspace just opened would have its whole comparison run again behind the analyst's back.
  const ranHere = useWorkbench((s) => s.resultsVersion > 0);
  const drillAhead = useDrillAhead(page, Boolean(ws?.summary) && ranHere && audit === 'closed');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    if (engine.state !== 'ready') return;
    useNotes.getState().loadProfile().catch((e) => useWorkbench.getState().showError(e));
    useAudit.getState().openLaunchPack();
  }, [engine.state]);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span>Parity</span>
        </div>
        <div className="workspace-name" data-testid="workspace-name">
          {ws?.name ?? 'Opening workspace…'}
          {ws?.isDemo && <span className="badge badge-demo">demo data</span>}
        </div>
        <div className="spacer" />
        {profile && (
          <button className="profile-btn" onClick={() => useNotes.getState().editProfile(true)} title="Change your name or role" data-testid="profile">
            {profile.name} · {profile.role}
          </button>
        )}
        <button className="theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label="Switch light or dark theme" data-testid="theme-toggle">
          {theme === 'dark' ? '☀ Light' : '☾ Dark'}
        </button>
        <div className={`engine-state engine-${engine.state}`} title={ws?.path}>
          <span className="dot" /> engine {engine.state}
        </div>
      </header>
      <EngineBanner />
      {!dialog && <JobBar floating />}
      <div className="body">
        <Sidebar />
        <main>
          <PageBoundary resetKey={`${page}-${audit}`}>
            {audit === 'open' && pack ? (
              <AuditPage overview={pack} key={pack.pack} />
            ) : audit === 'choosing' ? (
              <OpenPack />
            ) : !ws ? (
              <p className="empty">Connecting to the engine…</p>
            ) : page === 'sources' ? (
              <SourcesPage ws={ws} />
            ) : page === 'contract' ? (
              <ContractPage ws={ws} key={JSON.stringify(ws.contract)} />
            ) : (
              <>
                {page === 'results' && <ResultsPage ws={ws} />}
                {(page === 'drill' || drillAhead) && <DrillPage ws={ws} active={page === 'drill'} />}
              </>
            )}
          </PageBoundary>
        </main>
      </div>
      <PageBoundary resetKey={JSON.stringify(rowKey)}>
        <RowDetailPanel />
      </PageBoundary>
      <ErrorToast />
      {dialog && <SourceDialog side={dialog} />}
      {annotate && <AnnotateDialog request={annotate} key={JSON.stringify(annotate.target)} />}
      {promote && ws?.contract && <PromoteDialog request={promote} contract={ws.contract} />}
      {editingProfile && <ProfileDialog />}
    </div>
  );
}
