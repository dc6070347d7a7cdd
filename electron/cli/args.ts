/** A small, strict argument parser: unknown flags are errors, so a typo never runs the wrong comparison. */
import { ParityError } from '../../shared/errors.js';
import { nearestName } from '../../shared/names.js';

export interface FlagSpec {
  /** Flags that take a value. */
  values: readonly string[];
  /** Flags that are on or off. */
  switches: readonly string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const out: ParsedArgs = { positional: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = a.split(/=(.*)/s, 2);
    if (spec.switches.includes(name)) {
      out.switches.add(name);
    } else if (spec.values.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ParityError('invalid_args', `${name} needs a value.`);
      out.values.set(name, v);
    } else {
      const near = nearestName(name, [...spec.values, ...spec.switches]);
      throw new ParityError('invalid_args', `Unknown option ${name}${near ? `; did you mean ${near}?` : '.'}`);
    }
  }
  return out;
}

export function required(args: ParsedArgs, name: string): string {
  const v = args.values.get(name);
  if (v === undefined) throw new ParityError('invalid_args', `${name} is required.`);
  return v;
}

export function list(value: string | undefined): string[] {
  return value ? value.split(',').map((s) => s.trim()).filter(Boolean) : [];
}
