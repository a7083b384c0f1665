/**
 * Fast exact parsing of plain decimal numbers straight from bytes (ASCII), for
 * trace files with tens of millions of numbers: `[+-]digits[.digits]` (or
 * `.digits`) whose digits, read as one integer, stay below 2^53 and with at
 * most 22 digits after the point. Then the integer and 10^k are exact doubles
 * and one IEEE division rounds correctly (Clinger's fast path), so the result
 * equals Number(text) bit for bit. Anything else (an exponent, spaces, more
 * digits) gives NaN and the caller parses the text the ordinary way.
 */
const POW10: number[] = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact for k <= 22
const LIMIT = 2 ** 53;

export function parseDecimalBytes(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  let negative = false;
  if (i < to && (buf[i] === 0x2d || buf[i] === 0x2b)) {
    negative = buf[i] === 0x2d;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1; // digits after the point; -1: no point yet
  for (; i < to; i++) {
    const c = buf[i];
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || mantissa >= LIMIT || fraction > 22) return NaN;
  const v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
  return negative ? -v : v;
}
