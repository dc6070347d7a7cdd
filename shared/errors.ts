/** Error codes the UI and the CLI can act on; the message is always one sentence for a person. */
export type ErrorCode =
  | 'invalid_args'
  | 'not_found'
  | 'empty'
  | 'unsupported_format'
  | 'mixed_formats'
  | 'unknown_column'
  | 'no_common_columns'
  | 'invalid_contract'
  | 'no_run'
  | 'no_source'
  | 'bad_csv'
  | 'workspace_locked'
  | 'cancelled'
  | 'engine_crashed'
  | 'engine'
  | 'no_profile'
  | 'too_many'
  | 'frozen'
  | 'invalid_pack'
  | 'no_pack'
  | 'not_explained'
  | 'unrecorded'
  | 'internal';

export interface ParityErrorInfo {
  code: ErrorCode;
  message: string;
  /** What a person may want one click away: the engine's full wording. */
  detail?: string;
}

export class ParityError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, message: string, detail?: string) {
    super(message);
    this.code = code;
    this.detail = detail;
    this.name = 'ParityError';
  }
  toInfo(): ParityErrorInfo {
    return this.detail ? { code: this.code, message: this.message, detail: this.detail } : { code: this.code, message: this.message };
  }
}

export function isParityErrorInfo(value: unknown): value is ParityErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ParityErrorInfo).code === 'string' &&
    typeof (value as ParityErrorInfo).message === 'string'
  );
}
