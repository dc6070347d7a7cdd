/** DuckDB's errors, translated into one sentence for a person; anything unexpected stays generic. */
import { ParityError } from '../../../shared/errors.js';

const INTERRUPTED = /INTERRUPT Error|Interrupted/i;
const LOCKED = /Could not set lock on file|Conflicting lock/i;

export function cancelledError(): ParityError {
  return new ParityError('cancelled', 'Cancelled; nothing was changed.');
}

/** Work asked of a database or lane after it was closed (the window closing, the workspace switched). */
export function closedError(): ParityError {
  return new ParityError('cancelled', 'The workspace was closed before this could run.');
}

export function toParityError(error: unknown): ParityError {
  if (error instanceof ParityError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (INTERRUPTED.test(message)) return cancelledError();
  if (LOCKED.test(message)) {
    return new ParityError('workspace_locked', 'This workspace is open in another Parity window or process.');
  }
  // DuckDB prefixes its messages with the error class ("Binder Error: ..."); keep the first line only.
  const firstLine = message.split('\n')[0].replace(/^[A-Za-z ]+ Error:\s*/, '').trim();
  const sentence = firstLine.length > 300 ? `${firstLine.slice(0, 297)}...` : firstLine;
  return new ParityError('engine', sentence || 'The engine could not complete the request.', message !== firstLine ? message : undefined);
}
