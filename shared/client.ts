/** The typed client: `call(method, args)` over whichever transport the renderer (or a test) was given. */
import type { ArgsOf, MethodName, ResultOf } from './api.js';
import { ParityError } from './errors.js';
import type { EngineState, ServerMessage, Transport } from './protocol.js';
import type { Progress } from './types.js';

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (progress: Progress) => void;
}

export interface ParityClient {
  call<M extends MethodName>(method: M, args: ArgsOf<M>, options?: CallOptions): Promise<ResultOf<M>>;
  restartEngine(): void;
  onEngineState(listener: (state: EngineState, message: string | null) => void): () => void;
  close(): void;
}

export function createClient(transport: Transport): ParityClient {
  const pending = new Map<string, Pending>();
  const engineListeners = new Set<(state: EngineState, message: string | null) => void>();
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 8);

  const unsubscribe = transport.onMessage((message: ServerMessage) => {
    switch (message.kind) {
      case 'response': {
        const p = pending.get(message.id);
        if (!p) return;
        pending.delete(message.id);
        if (message.ok) p.resolve(message.result);
        else p.reject(new ParityError(message.error.code, message.error.message, message.error.detail));
        return;
      }
      case 'progress':
        pending.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'engine':
        if (message.state === 'crashed') {
          for (const [id, p] of pending) {
            pending.delete(id);
            p.reject(new ParityError('engine_crashed', message.message ?? 'The engine stopped unexpectedly.'));
          }
        }
        for (const l of engineListeners) l(message.state, message.message);
        return;
    }
  });

  return {
    call(method, args, options = {}) {
      const id = `${prefix}-${++counter}`;
      return new Promise((resolve, reject) => {
        if (options.signal?.aborted) {
          reject(new ParityError('cancelled', 'Cancelled before it started.'));
          return;
        }
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress });
        options.signal?.addEventListener('abort', () => transport.send({ kind: 'cancel', id }), { once: true });
        transport.send({ kind: 'request', id, method, args });
      });
    },
    restartEngine() {
      transport.send({ kind: 'control', action: 'restartEngine' });
    },
    onEngineState(listener) {
      engineListeners.add(listener);
      return () => engineListeners.delete(listener);
    },
    close() {
      unsubscribe();
      for (const p of pending.values()) p.reject(new ParityError('cancelled', 'The connection was closed.'));
      pending.clear();
    },
  };
}
