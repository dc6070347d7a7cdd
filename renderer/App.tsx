import { useWorkbench, type Tab } from './store/workbench';
import { DataView } from './components/DataView';
import { EngineBanner } from './components/EngineBanner';
import { ErrorToast } from './components/ErrorToast';
import { JobBar } from './components/JobBar';
import { KeysView } from './components/KeysView';
import { RejectsView } from './components/RejectsView';
import { SourceCard } from './components/SourceCard';
import { SourceDialog } from './components/SourceDialog';
import { TechnicalView } from './components/TechnicalView';

const TABS: [Tab, string][] = [
  ['technical', 'Technical parity'],
  ['keys', 'Keys'],
  ['data', 'Data'],
  ['rejects', 'Rejected lines'],
];

export function App() {
  const ws = useWorkbench((s) => s.workspace);
  const tab = useWorkbench((s) => s.tab);
  const setTab = useWorkbench((s) => s.setTab);
  const dialog = useWorkbench((s) => s.sourceDialog);
  const engine = useWorkbench((s) => s.engine);
  const dialogOpen = dialog !== null;
  const rejected = (ws?.left?.rejectedLines ?? 0) + (ws?.right?.rejectedLines ?? 0);
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
        <div className={`engine-state engine-${engine.state}`} title={ws?.path}>
          <span className="dot" /> engine {engine.state}
        </div>
      </header>
      <EngineBanner />
      {!dialogOpen && <JobBar />}
      <main>
        <div className="sources">
          <SourceCard side="left" source={ws?.left ?? null} />
          <div className="versus" aria-hidden>
            vs
          </div>
          <SourceCard side="right" source={ws?.right ?? null} />
        </div>
        <nav className="tabs" role="tablist">
          {TABS.map(([id, label]) => (
            <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'on' : ''} onClick={() => setTab(id)} data-testid={`tab-${id}`}>
              {label}
              {id === 'rejects' && rejected > 0 && <span className="count-badge">{rejected}</span>}
            </button>
          ))}
        </nav>
        <div className="tab-body">
          {!ws ? (
            <p className="empty">Connecting to the engine…</p>
          ) : tab === 'technical' ? (
            <TechnicalView ws={ws} />
          ) : tab === 'keys' ? (
            <KeysView ws={ws} />
          ) : tab === 'data' ? (
            <DataView ws={ws} />
          ) : (
            <RejectsView ws={ws} />
          )}
        </div>
      </main>
      <ErrorToast />
      {dialog && <SourceDialog side={dialog} />}
    </div>
  );
}
