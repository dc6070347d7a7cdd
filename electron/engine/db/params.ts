/** Collects bound values while a statement is assembled, handing back `$n` placeholders. */
import type { DuckDBType, DuckDBValue } from '@duckdb/node-api';

export class Params {
  readonly values: DuckDBValue[] = [];
  readonly types: (DuckDBType | undefined)[] = [];

  add(value: DuckDBValue, type?: DuckDBType): string {
    this.values.push(value);
    this.types.push(type);
    return `$${this.values.length}`;
  }

  /** The types array the binding wants, or undefined when every type can be inferred. */
  get typeList(): DuckDBType[] | undefined {
    return this.types.some((t) => t !== undefined) ? (this.types as DuckDBType[]) : undefined;
  }

  /** A copy holding the same values, for a second statement over the same relation (a count beside a page). */
  clone(): Params {
    const copy = new Params();
    this.values.forEach((v, i) => copy.add(v, this.types[i]));
    return copy;
  }
}
