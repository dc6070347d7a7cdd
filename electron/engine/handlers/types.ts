import type { MethodName, ParsedArgsOf, ResultOf } from '../../../shared/api.js';
import type { JobContext } from '../jobs.js';

export type Handler<M extends MethodName> = (args: ParsedArgsOf<M>, job: JobContext) => Promise<ResultOf<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K> };
