/**
 * The one client the app uses. It runs over Electron's bridge when there is one, else over the
 * WebSocket; nothing else in the renderer knows which.
 */
import { createClient, type ParityClient } from '../../shared/client';
import type { ParityBridge } from '../../shared/protocol';
import { launchToken, webSocketTransport } from './ws-transport';

declare global {
  interface Window {
    parity?: ParityBridge;
  }
}

function connect(): ParityClient {
  if (window.parity) return createClient(window.parity);
  const token = launchToken();
  if (!token) throw new Error('This page was opened without its launch token; open the address Parity printed when it started.');
  return createClient(webSocketTransport(token));
}

function tryConnect(): { client: ParityClient; error: null } | { client: null; error: string } {
  try {
    return { client: connect(), error: null };
  } catch (error) {
    return { client: null, error: error instanceof Error ? error.message : String(error) };
  }
}

export const connection = tryConnect();

/** The client; only used once `connection.error` was checked at start-up. */
export function api(): ParityClient {
  if (!connection.client) throw new Error(connection.error);
  return connection.client;
}

/** A file's path where the platform reveals it (Electron); null in a browser. */
export function pathForFile(file: File): string | null {
  return window.parity ? window.parity.pathForFile(file) : null;
}
