/**
 * Keeps one engine process alive for a shell (Electron main or the web server): relays messages, tells
 * clients when the engine is starting, ready or crashed, and restarts it on request. Answers pending
 * requests with an error when the engine dies, so no window waits forever.
 */
import type { ClientMessage, EngineState, ServerMessage } from '../../shared/protocol.js';

/** What the supervisor needs from a child process; utilityProcess and child_process both fit. */
export interface EngineProcess {
  postMessage(message: ClientMessage): void;
  onMessage(listener: (message: ServerMessage) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Asks the process to end (SIGTERM-like); `force` ends it at once. */
  kill(force?: boolean): void;
  readonly pid: number | undefined;
}

export type SpawnEngine = () => EngineProcess;

export class EngineSupervisor {
  private child: EngineProcess | null = null;
  private state: EngineState = 'starting';
  private lastMessage: string | null = null;
  private readonly pending = new Map<string, (message: ServerMessage) => void>();
  private readonly listeners = new Set<(message: ServerMessage) => void>();
  private stopping = false;

  constructor(private readonly spawn: SpawnEngine) {}

  start(): void {
    this.stopping = false;
    this.setState('starting', null);
    const child = this.spawn();
    this.child = child;
    child.onMessage((message) => {
      if (message.kind === 'engine') {
        this.setState(message.state, message.message);
        return;
      }
      if (message.kind === 'response') {
        const reply = this.pending.get(message.id);
        this.pending.delete(message.id);
        reply?.(message);
        return;
      }
      if (message.kind === 'progress') this.pending.get(message.id)?.(message);
    });
    child.onExit((code) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.stopping) return;
      const reason = this.state === 'crashed' && this.lastMessage ? this.lastMessage : `The engine stopped unexpectedly (exit code ${code ?? 'unknown'}).`;
      for (const [id, reply] of this.pending) {
        reply({ kind: 'response', id, ok: false, error: { code: 'engine_crashed', message: reason } });
      }
      this.pending.clear();
      this.setState('crashed', reason);
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get currentState(): { state: EngineState; message: string | null } {
    return { state: this.state, message: this.lastMessage };
  }

  /** Engine state changes, for every connected window. */
  onBroadcast(listener: (message: ServerMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a client's message; replies (and progress) go back to `reply` only. */
  send(message: ClientMessage, reply: (message: ServerMessage) => void): void {
    if (message.kind === 'control') {
      if (message.action === 'restartEngine') void this.restart();
      return;
    }
    if (message.kind === 'request') {
      if (!this.child || this.state === 'crashed') {
        reply({ kind: 'response', id: message.id, ok: false, error: { code: 'engine_crashed', message: this.lastMessage ?? 'The engine is not running; restart it.' } });
        return;
      }
      this.pending.set(message.id, reply);
    }
    this.child?.postMessage(message);
  }

  /** The old process must be gone before the new one opens the workspace: DuckDB locks the file. */
  async restart(): Promise<void> {
    await this.stop();
    this.start();
  }

  stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    this.child = null;
    for (const [id, reply] of this.pending) {
      reply({ kind: 'response', id, ok: false, error: { code: 'cancelled', message: 'The engine was restarted.' } });
    }
    this.pending.clear();
    if (!child || this.state === 'crashed') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill(true), graceMs);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      child.kill();
    });
  }

  private setState(state: EngineState, message: string | null): void {
    this.state = state;
    this.lastMessage = message;
    for (const l of this.listeners) l({ kind: 'engine', state, message });
  }
}
