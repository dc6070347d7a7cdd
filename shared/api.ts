/**
 * The one API definition: method names, argument schemas (checked at the engine's boundary) and result
 * types. Both transports carry exactly these methods; the renderer's client is typed from this table.
 */
import { z } from 'zod';
import type { AnnotateResult, Annotation, ChainCheck, ExplanationCounts, HistoryEntry, Profile, RunRecord } from './annotations.js';
import { annotationFieldsSchema, annotationStatuses, explanations, profileSchema } from './annotations.js';
import type { CompareSummary, DrillResult, RowDetail } from './compare.js';
import type { PackCheck } from './pack.js';
import type { AuditNotes, AuditOverview } from './audit.js';
import type { Contract } from './contract.js';
import { grains } from './contract.js';
import { columnFiltersSchema } from './filters.js';
import type {
  ColumnInfo,
  EngineHello,
  Inspection,
  RejectsPage,
  SourceInfo,
  TablePage,
  TechnicalReport,
  WorkspaceState,
} from './types.js';

const side = z.enum(['left', 'right']);
const columnName = z.string().min(1).max(512);
const path = z.string().min(1).max(4096);

const column = z.strictObject({ name: columnName, type: z.string().min(1).max(200) });

export const csvOptionsSchema = z.strictObject({
  delimiter: z.string().min(1).max(4),
  quote: z.string().max(1),
  escape: z.string().max(1),
  header: z.boolean(),
  skip: z.number().int().min(0).max(1_000_000),
  decimalSeparator: z.enum(['.', ',']),
  encoding: z.enum(['utf-8', 'utf-16', 'latin-1']),
  dateFormat: z.string().max(100).nullable(),
  timestampFormat: z.string().max(100).nullable(),
  nullString: z.string().max(100).nullable(),
  columns: z.array(column).max(10_000),
});

const sort = z.array(z.strictObject({ column: columnName, direction: z.enum(['asc', 'desc']) })).max(8);
const pageWindow = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) };
/** A page of a grid the analyst can sort and filter; both happen in DuckDB. */
const gridWindow = { ...pageWindow, sort: sort.optional(), columnFilters: columnFiltersSchema.optional() };
const drillFilter = z.strictObject({ dimension: columnName, value: z.string().max(10_000).nullable(), grain: z.enum(grains).nullable().optional() });
/** A set of exceptions: a drill group, a class, a column that differs, a key search, header filters. */
const exceptionSet = {
  classes: z.array(z.enum(['left_only', 'right_only', 'mismatch', 'duplicate_key', 'null_key', 'timing', 'within_tolerance'])).max(8).optional(),
  filters: z.array(drillFilter).max(16).optional(),
  column: columnName.optional(),
  search: z.string().max(200).optional(),
  columnFilters: columnFiltersSchema.optional(),
  explanations: z.array(z.enum(explanations)).max(explanations.length).optional(),
  statuses: z.array(z.enum([...annotationStatuses, 'none'])).max(annotationStatuses.length + 1).optional(),
};
const exceptionId = z.string().regex(/^[0-9a-f]{32}$/, 'is not an exception id');
const manualMapping = z.array(z.strictObject({ left: columnName, right: columnName.nullable() })).max(10_000);

interface MethodDef<A extends z.ZodType, R> {
  args: A;
  /** Type-only marker for the result; never read at run time. */
  result: R;
  /** Long jobs report progress and can be cancelled. */
  long: boolean;
}

function method<R>() {
  return <A extends z.ZodType>(args: A, long = false): MethodDef<A, R> => ({ args, result: undefined as R, long });
}

export const api = {
  'engine.hello': method<EngineHello>()(z.strictObject({})),
  'workspace.state': method<WorkspaceState>()(z.strictObject({})),
  'workspace.saveView': method<null>()(z.strictObject({ view: z.unknown().refine((v) => JSON.stringify(v ?? null).length < 100_000, 'is too large') })),
  'demo.prepare': method<WorkspaceState>()(z.strictObject({ rows: z.number().int().min(1000).max(50_000_000).optional() }), true),
  'sources.inspect': method<Inspection>()(
    z.strictObject({ inputs: z.array(path).min(1).max(1000), csv: csvOptionsSchema.partial().optional() }),
    true,
  ),
  'sources.import': method<SourceInfo>()(
    z.strictObject({
      side,
      inputs: z.array(path).min(1).max(1000),
      label: z.string().max(200).optional(),
      csv: csvOptionsSchema.optional(),
    }),
    true,
  ),
  'sources.page': method<TablePage>()(z.strictObject({ side, ...gridWindow })),
  'sources.rejects': method<RejectsPage>()(z.strictObject({ side, ...pageWindow })),
  'technical.run': method<TechnicalReport>()(
    z.strictObject({ key: z.array(columnName).max(32).optional(), mapping: manualMapping.optional() }),
    true,
  ),
  'technical.keyValues': method<TablePage>()(
    z.strictObject({ side, kind: z.enum(['duplicate', 'null']), ...gridWindow }),
  ),
  'contract.check': method<Contract>()(z.strictObject({ contract: z.unknown() })),
  'compare.run': method<CompareSummary>()(
    z.strictObject({ contract: z.unknown().optional(), quick: z.boolean().optional(), rebuild: z.boolean().optional() }),
    true,
  ),
  'compare.summary': method<CompareSummary | null>()(z.strictObject({})),
  'compare.drill': method<DrillResult>()(
    z.strictObject({ dimension: columnName, grain: z.enum(grains).nullable().optional(), filters: z.array(drillFilter).max(16).default([]) }),
  ),
  'compare.exceptions': method<TablePage>()(z.strictObject({ ...exceptionSet, ...gridWindow })),
  /** The exception list's columns (they follow the contract, not the set), without reading a row. */
  'compare.exceptionColumns': method<ColumnInfo[]>()(z.strictObject({})),
  'compare.row': method<RowDetail>()(z.strictObject({ key: z.array(z.string().max(10_000).nullable()).min(1).max(32) })),
  'compare.dst': method<TablePage>()(
    z.strictObject({ side, column: columnName, edge: z.enum(['nonexistent', 'ambiguous', 'unmapped']), ...pageWindow }),
  ),
  'profile.get': method<Profile | null>()(z.strictObject({})),
  'profile.set': method<Profile>()(z.strictObject({ profile: profileSchema })),
  'annotations.set': method<AnnotateResult>()(
    z.strictObject({
      /** Some exceptions by identity (a row, a selection), or every exception of a set (a drill group). */
      target: z.union([z.strictObject({ ids: z.array(exceptionId).min(1).max(100_000) }), z.strictObject({ set: z.strictObject(exceptionSet) })]),
      fields: annotationFieldsSchema,
    }),
  ),
  'annotations.get': method<{ annotation: Annotation | null; history: HistoryEntry[] }>()(z.strictObject({ exceptionId })),
  'annotations.verify': method<ChainCheck>()(z.strictObject({})),
  'annotations.counts': method<ExplanationCounts | null>()(
    z.strictObject({
      ...exceptionSet,
      /** Only if the run is open in the engine (null otherwise): a page that merely shows counts does not start a run. */
      lazy: z.boolean().optional(),
      /** Also count each group of this dimension (a drill level), at this grain. */
      by: z.strictObject({ dimension: columnName, grain: z.enum(grains).nullable().optional() }).optional(),
    }),
  ),
  'runs.list': method<RunRecord[]>()(z.strictObject({})),
  'runs.signOff': method<RunRecord>()(z.strictObject({ statement: z.string().trim().min(1).max(5000), override: z.string().max(5000).optional() })),
  /** Without `out`, the pack goes to the Parity folder's packs/, named for the contract and the time. */
  'pack.export': method<{ path: string; bytes: number; exceptions: number; fingerprint: string }>()(z.strictObject({ out: path.optional() }), true),
  'pack.verify': method<PackCheck>()(z.strictObject({ path })),
  /** Auditor mode: verifies the pack and unpacks it read-only into its own folder. */
  'audit.open': method<AuditOverview>()(z.strictObject({ path }), true),
  'audit.drill': method<DrillResult>()(
    z.strictObject({ dimension: columnName, filters: z.array(drillFilter).max(16).default([]) }),
  ),
  'audit.exceptions': method<TablePage>()(
    z.strictObject({ filters: exceptionSet.filters, classes: exceptionSet.classes, explanations: exceptionSet.explanations, ...gridWindow }),
  ),
  'audit.counts': method<ExplanationCounts>()(
    z.strictObject({ filters: exceptionSet.filters, by: z.strictObject({ dimension: columnName }).optional() }),
  ),
  'audit.notes': method<AuditNotes>()(z.strictObject({})),
  'audit.close': method<null>()(z.strictObject({})),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
export type ArgsOf<M extends MethodName> = z.input<Api[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Api[M]['args']>;
export type ResultOf<M extends MethodName> = Api[M]['result'];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
