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
