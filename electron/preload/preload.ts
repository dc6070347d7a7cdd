/**
 * The bridge: `window.parity` can send protocol messages and listen for replies, and nothing else.
 * No ipcRenderer, no Node. Runs sandboxed, so it is bundled to one CommonJS file.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ClientMessage, ServerMessage } from '../../shared/protocol.js';

const listeners = new Set<(message: ServerMessage) => void>();
ipcRenderer.on('parity:message', (_event, message: ServerMessage) => {
  for (const l of listeners) l(message);
});

contextBridge.exposeInMainWorld('parity', {
  kind: 'electron',
  send: (message: ClientMessage) => ipcRenderer.send('parity:send', message),
  onMessage: (listener: (message: ServerMessage) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The path of a file the user picked or dropped (Electron only; browsers do not reveal paths). */
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
