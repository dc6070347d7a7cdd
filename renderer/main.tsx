import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connection } from './api/client';
import { watchEngine } from './store/workbench';
import { App } from './App';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
if (connection.error) {
  root.render(
    <div className="fatal">
      <h1>Parity</h1>
      <p>{connection.error}</p>
    </div>,
  );
} else {
  watchEngine();
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
