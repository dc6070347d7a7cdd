/** Exact decimal text from an unscaled integer and a scale: money never passes through a float. */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** Reads a little-endian two's-complement integer from 32-bit words (Arrow's Decimal128 layout). */
export function bigintFromWords(words: Uint32Array, offset: number, count: number): bigint {
  let value = 0n;
  for (let i = count - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[offset + i]);
  const bits = BigInt(count * 32);
  if (value >> (bits - 1n)) value -= 1n << bits;
  return value;
}

/** An exact decimal: value = unscaled × 10^-scale. */
export interface Exact {
  unscaled: bigint;
  scale: number;
}

/** Reads plain decimal text ("-12.50"); null for anything else (exponents, NaN). */
export function parseExact(text: string | null): Exact | null {
  if (text === null) return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  const unscaled = BigInt(m[2] + frac) * (m[1] ? -1n : 1n);
  return { unscaled, scale: frac.length };
}

function align(a: Exact, b: Exact): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.unscaled * 10n ** BigInt(scale - a.scale), b.unscaled * 10n ** BigInt(scale - b.scale), scale];
}

export function subtractExact(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return { unscaled: x - y, scale };
}

export function addExact(a: Exact, b: Exact): Exact {
  const [x, y, scale] = align(a, b);
  return { unscaled: x + y, scale };
}

export function multiplyExact(a: Exact, b: Exact): Exact {
  return { unscaled: a.unscaled * b.unscaled, scale: a.scale + b.scale };
}

export function absExact(a: Exact): Exact {
  return { unscaled: a.unscaled < 0n ? -a.unscaled : a.unscaled, scale: a.scale };
}

export function compareExact(a: Exact, b: Exact): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** a / n, rounded half away from zero to `scale` decimals. */
export function divideExact(a: Exact, n: bigint, scale: number): Exact {
  const shift = scale - a.scale;
  const num = shift >= 0 ? a.unscaled * 10n ** BigInt(shift) : a.unscaled / 10n ** BigInt(-shift);
  const q = num / n;
  const r = num % n;
  const up = 2n * (r < 0n ? -r : r) >= (n < 0n ? -n : n);
  return { unscaled: up ? q + (num < 0n !== n < 0n ? -1n : 1n) : q, scale };
}

export function exactText(a: Exact): string {
  return formatDecimal(a.unscaled, a.scale);
}

export function exactToNumber(a: Exact): number {
  return Number(exactText(a));
}
