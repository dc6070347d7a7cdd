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
  if (window.parity) return timed(createClient(window.parity));
  const token = launchToken();
  if (!token) throw new Error('This page was opened without its launch token; open the address Parity printed when it started.');
  return timed(createClient(webSocketTransport(token)));
}

/** Each call leaves a User Timing measure ("api compare.drill"), so a profile or the UI bench can see where waits went. */
function timed(client: ParityClient): ParityClient {
  let kept = 0;
  return {
    ...client,
    call(method, args, options) {
      const start = performance.now();
      const done = () => {
        if (++kept > 2000) {
          performance.clearMeasures();
          kept = 0;
        }
        performance.measure(`api ${method}`, { start });
      };
      const result = client.call(method, args, options);
      result.then(done, done);
      return result;
    },
  };
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
