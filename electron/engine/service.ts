/**
 * The engine service: checks each request against the shared schema, runs its handler as a job that can
 * report progress and be cancelled, and answers with a result or a one-sentence error.
 */
import { api, isMethodName, type ArgsOf, type MethodName, type ResultOf } from '../../shared/api.js';
import { ParityError } from '../../shared/errors.js';
import type { ClientMessage, ServerMessage } from '../../shared/protocol.js';
import type { Progress } from '../../shared/types.js';
import { toParityError } from './db/errors.js';
import { throttledProgress, type JobContext } from './jobs.js';
import type { Handlers } from './handlers/types.js';
import { workspaceHandlers } from './handlers/workspace.js';
import { sourceHandlers } from './handlers/sources.js';
import { technicalHandlers } from './handlers/technical.js';
import { compareHandlers } from './handlers/compare.js';
import { annotationHandlers } from './handlers/annotations.js';
import { packHandlers } from './handlers/pack.js';
import { auditHandlers } from './handlers/audit.js';
import { ProfileStore } from './profile.js';
import { parityHome } from '../process/paths.js';
import { CompareSession } from './compare/session.js';
import { Workspace, type WorkspaceOptions } from './workspace.js';

export interface CallOptions {
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
}

function argsError(method: string, error: { issues: { path: PropertyKey[]; message: string }[] }): ParityError {
  const issue = error.issues[0];
  const where = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'the arguments';
  return new ParityError('invalid_args', `${method}: ${where} is not valid (${issue.message.toLowerCase()}).`);
}

/** PARITY_PROFILE=1 logs every call's time on stderr, to see what the engine was doing when. */
const PROFILE_CALLS = Boolean(process.env.PARITY_PROFILE);

export class EngineService {
  private readonly handlers: Handlers;
  private readonly running = new Map<string, AbortController>();
  readonly compare: CompareSession;

  private constructor(
    readonly workspace: Workspace,
    home: string,
  ) {
    this.compare = new CompareSession(workspace);
    const profiles = new ProfileStore(home);
    this.handlers = {
      ...workspaceHandlers(workspace, this.compare),
      ...sourceHandlers(workspace),
      ...technicalHandlers(workspace),
      ...compareHandlers(workspace, this.compare),
      ...annotationHandlers(workspace, this.compare, profiles),
      ...packHandlers(workspace, this.compare, profiles, home),
      ...auditHandlers(home),
    };
  }

  static async open(path: string, options: WorkspaceOptions = {}): Promise<EngineService> {
    return new EngineService(await Workspace.open(path, options), options.home ?? parityHome());
  }

  /** Validates and runs one method; the same path serves the transports, the CLI and the tests. */
  async call<M extends MethodName>(method: M, args: ArgsOf<M>, options: CallOptions = {}): Promise<ResultOf<M>> {
    const def = api[method];
    const parsed = def.args.safeParse(args);
    if (!parsed.success) throw argsError(method, parsed.error);
    const job: JobContext = {
      signal: options.signal ?? new AbortController().signal,
      progress: options.onProgress ? throttledProgress(options.onProgress) : () => undefined,
    };
    const handler = this.handlers[method] as (a: unknown, j: JobContext) => Promise<ResultOf<M>>;
    const started = Date.now();
    try {
      return await handler(parsed.data, job);
    } catch (error) {
      throw toParityError(error);
    } finally {
      if (PROFILE_CALLS) process.stderr.write(`  [call] ${method} ${Date.now() - started} ms (from ${started % 100000})\n`);
    }
  }

  /** Handles one envelope from a transport. Never throws: every failure becomes a response. */
  async handle(message: ClientMessage, send: (message: ServerMessage) => void): Promise<void> {
    if (message.kind === 'cancel') {
      this.running.get(message.id)?.abort();
      return;
    }
    if (message.kind !== 'request') return;
    const { id, method } = message;
    if (!isMethodName(method)) {
      send({ kind: 'response', id, ok: false, error: { code: 'invalid_args', message: `There is no method "${method}".` } });
      return;
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    try {
      const result = await this.call(method, message.args as ArgsOf<typeof method>, {
        signal: controller.signal,
        onProgress: api[method].long ? (progress) => send({ kind: 'progress', id, progress }) : undefined,
      });
      send({ kind: 'response', id, ok: true, result });
    } catch (error) {
      const e = error instanceof ParityError ? error : toParityError(error);
      send({ kind: 'response', id, ok: false, error: e.toInfo() });
    } finally {
      this.running.delete(id);
    }
  }

  async close(): Promise<void> {
    for (const c of this.running.values()) c.abort();
    await this.compare.stop();
    await this.workspace.close();
  }
}
