/** Names of a run's working tables: in an in-memory database attached to the workspace, shared by all lanes. */
export const RUN_DB = 'parity_run';
export const RUN_ROWS = `${RUN_DB}.rows`;
export const RUN_EXCEPTIONS_NAME = 'exceptions';
export const RUN_EXCEPTIONS = `${RUN_DB}.${RUN_EXCEPTIONS_NAME}`;
/** The exceptions' statuses alone, while the exception list is made from them. */
export const RUN_EXCEPTION_STATUSES = `${RUN_DB}.exception_statuses`;
export const RUN_CUBE = `${RUN_DB}.cube`;
export const RUN_SVALS = `${RUN_DB}.static_values`;
export const RUN_ONESIDE = `${RUN_DB}.one_sided`;
export const RUN_SSTAT = `${RUN_DB}.static_status`;
export const dynamicStatusName = (column: number) => `dynamic_status_${column}`;
export const dynamicStatus = (column: number) => `${RUN_DB}.${dynamicStatusName(column)}`;
export const RUN_TIMING = `${RUN_DB}.timing`;
export const cubeSideName = (side: 'left' | 'right') => `cube_${side}`;
export const cubeSide = (side: 'left' | 'right') => `${RUN_DB}.${cubeSideName(side)}`;
/** An ENUM of a per-row zone column's values: its code is a small integer, found by one hash lookup per row. */
export const zoneKeysType = (side: 'left' | 'right', slot: string) => `${RUN_DB}.zone_keys_${side}_${slot}`;
/** One zone code per run row (same order as run.rows), read alongside it by position. */
export const zoneCodes = (side: 'left' | 'right') => `${RUN_DB}.zone_codes_${side}`;
export const ZONE_CODE = { left: '_zl', right: '_zr' } as const;

/** Row origin codes in run.rows. */
export const SRC = { keyed: 0, duplicate: 1, nullKey: 2, unkeyed: 5 } as const;
