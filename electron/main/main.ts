/**
 * The Electron shell: one hardened window, the engine in a utility process, and a relay between them
 * that only accepts well-formed messages from our own window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { isClientMessage, type ServerMessage } from '../../shared/protocol.js';
import { hostArgs } from '../engine/host-args.js';
import { EngineSupervisor } from '../process/supervisor.js';
import { utilityEngine } from './engine-process.js';
import { hardenApp, secureWebPreferences } from './security.js';
import { buildMenu } from './menu.js';

const rendererIndex = path.join(__dirname, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).toString();
const isOwnUrl = (url: string) => url.split('#')[0].split('?')[0] === rendererUrl;

function workspaceFromArgs(): { workspace: string; demo: boolean; home: string } {
  const home = process.env.PARITY_HOME ?? app.getPath('userData');
  fs.mkdirSync(home, { recursive: true });
  const i = process.argv.indexOf('--workspace');
  if (i >= 0 && process.argv[i + 1]) return { workspace: path.resolve(process.argv[i + 1]), demo: false, home };
  return { workspace: path.join(home, 'demo.parity'), demo: true, home };
}

hardenApp(isOwnUrl);

app.whenReady().then(() => {
  const { workspace, demo, home } = workspaceFromArgs();
  const engineScript = path.join(__dirname, '../node/engine-host.cjs');
  const supervisor = new EngineSupervisor(() => utilityEngine(engineScript, hostArgs({ workspace, demo, home })));

  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Parity',
    backgroundColor: '#f6f7f9',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  Menu.setApplicationMenu(buildMenu(() => void supervisor.restart()));

  const send = (message: ServerMessage) => {
    if (!win.isDestroyed()) win.webContents.send('parity:message', message);
  };
  supervisor.onBroadcast(send);
  ipcMain.on('parity:send', (event, message: unknown) => {
    // Only our window's own page may talk to the engine, and only in the shared protocol.
    if (event.sender !== win.webContents || !isOwnUrl(event.senderFrame?.url ?? '')) return;
    if (!isClientMessage(message)) return;
    supervisor.send(message, send);
  });
  win.webContents.on('did-finish-load', () => {
    const { state, message } = supervisor.currentState;
    send({ kind: 'engine', state, message });
  });
  win.once('ready-to-show', () => win.show());
  supervisor.start();
  // --pack FILE opens the window in auditor mode on that pack.
  const pack = process.argv.indexOf('--pack');
  void win.loadFile(rendererIndex, pack >= 0 && process.argv[pack + 1] ? { query: { pack: path.resolve(process.argv[pack + 1]) } } : undefined);

  app.on('before-quit', () => void supervisor.stop());
});

app.on('window-all-closed', () => app.quit());
