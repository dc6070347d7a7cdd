/** Display helpers for counts, sizes and ratios; exact values stay strings elsewhere. */
const nf = new Intl.NumberFormat('en-US');

export function count(n: number): string {
  return nf.format(n);
}

export function signed(n: number): string {
  return n > 0 ? `+${nf.format(n)}` : nf.format(n);
}

export function percent(x: number, digits = 2): string {
  if (x > 0 && x < 10 ** -(digits + 2)) return `<${(10 ** -digits).toFixed(digits)}%`;
  return `${(x * 100).toFixed(digits)}%`;
}

export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export function when(iso: string): string {
  const d = new Date(iso);
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** DuckDB's long type names in the short form analysts type (TIMESTAMPTZ). */
export function shortType(type: string | null): string | null {
  return type === null ? null : type.replace('TIMESTAMP WITH TIME ZONE', 'TIMESTAMPTZ').replace('TIME WITH TIME ZONE', 'TIMETZ');
}

/** An ISO timestamp to the minute as written ("2026-12-01 23:20"), for evidence read beside its UTC source. */
export function isoMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}
