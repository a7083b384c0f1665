/**
 * The byte-level fast paths of the MAF2 upload (decimalBytes.ts, byteNames.ts,
 * Maf2Builder.addLineBytes): each must give exactly what the text path gives,
 * or decline so that the text path decides.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteNames } from '../../src/core/workload/byteNames';
import { parseDecimalBytes } from '../../src/core/workload/decimalBytes';
import { NamedEvents } from '../../src/core/workload/namedEvents';
import { parseMaf2 } from '../../src/core/workload/trace';
import { compactTrace } from '../../src/core/workload/trace/compact';
import { createUploadApi } from '../../src/workers/uploadApi';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (s: string): number => parseDecimalBytes(bytes(s), 0, bytes(s).length);

describe('parseDecimalBytes', () => {
  it('equals Number(text) bit for bit on plain decimals (the fast path is exact)', () => {
    const plain = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{1,16}$/), fc.option(fc.stringMatching(/^[0-9]{0,22}$/)))
      .map(([sign, int, frac]) => `${sign}${int}${frac === null ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(plain, (s) => {
        const v = parse(s);
        if (Number.isNaN(v)) return; // declined (too many digits): the text path parses it
        expect(Object.is(v, Number(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 9 }), (x, d) => {
        const v = parse(x.toFixed(d));
        // declined only when the digits pass 2^53; a trace's "1234567.123456" (13 digits) is always taken
        if (Number.isNaN(v)) expect(x.toFixed(d).replace('.', '').length).toBeGreaterThanOrEqual(16);
        else expect(v).toBe(Number(x.toFixed(d)));
      }),
    );
  });

  it('takes the common trace forms and declines everything else', () => {
    expect(parse('1234.567891')).toBe(1234.567891);
    expect(parse('.5')).toBe(0.5);
    expect(parse('7.')).toBe(7);
    expect(Object.is(parse('-0.0'), -0)).toBe(true);
    expect(parse('0.1')).toBe(0.1);
    expect(parse('9007199254740991')).toBe(9007199254740991);
    for (const s of ['', '-', '.', '1e5', ' 1', '1 ', '1.2.3', 'nan', 'inf', '0x10', '9007199254740993', '1.' + '1'.repeat(23), '1,5']) {
      expect(parse(s), s).toBeNaN();
    }
  });
});

describe('ByteNames', () => {
  it('numbers names as NamedEvents.idOf does, whichever path saw a name first', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.stringMatching(/^[a-c0-9]{0,3}$/), fc.boolean()), { maxLength: 300 }), (seq) => {
        const events = new NamedEvents(4);
        const names = new ByteNames((n) => events.idOf(n));
        const reference = new NamedEvents(4);
        for (const [name, viaBytes] of seq) {
          const b = bytes(`,${name},`); // the name inside a larger buffer
          const id = viaBytes ? names.idOf(b, 1, b.length - 1) : events.idOf(name);
          expect(id).toBe(reference.idOf(name));
        }
        expect(events.names).toEqual(reference.names);
      }),
    );
  });

  it('keeps thousands of names apart (table growth, hash collisions resolved by the bytes)', () => {
    const events = new NamedEvents(4);
    const names = new ByteNames((n) => events.idOf(n));
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) {
        const b = bytes(`func-${i.toString(36)}-${'x'.repeat(i % 70)}`);
        expect(names.idOf(b, 0, b.length)).toBe(i);
      }
    }
    expect(events.names.length).toBe(5000);
  });
});

describe('MAF2 rows from bytes', () => {
  // The whole-text parse (parseMaf2, the CLI's) reads CSV quotes; the upload refuses quoted rows (the format never
  // quotes), so the comparison text has none, and the quoted rows are checked on their own below.
  it('an upload mixing plain and unusual rows equals the whole-text parse, malformed rows and line numbers included', async () => {
    const text =
      '\ufeffapp,func,end_timestamp,duration\r\n' +
      'a,f,10.5,0.25\r\n' +
      'a, f ,11,0.5\n' + // spaces around func: trimmed by the text path
      'a,fé,12.125,0.125\n' + // non-ASCII name
      'a,f,1e1,0\n' + // exponent: not a plain decimal
      'a,g,13.000000000000000000000001,0\n' + // more digits than the fast path takes
      '\n' +
      '   \n' +
      'a,g,x,0\n' +
      'a,,16,0\n' +
      'a,g\n' + // too few fields
      'a,h,17,-0.5\n' +
      'a,f,18.75,+0.75';
    const want = parseMaf2(text, { source: 'mixed.txt' });
    const r = await createUploadApi().parseTrace([new File([text], 'mixed.txt')], () => {}, { chunkSize: 1024 });
    if (!r.ok) throw new Error(r.message);
    expect(r.trace).toEqual(compactTrace(want));
    expect(r.malformed).toEqual(want.malformed);
    expect(want.malformed.count).toBe(3);
    expect(want.functions).toEqual(['f', 'fé', 'g', 'h']);
  });

  it('a quote anywhere in a row makes it malformed, also after the fields the builder reads', async () => {
    const text = 'app,func,end_timestamp,duration\na,g,1,0\na,"g",14,0\na,g,15,0,extra,"x"\na,g,16,0\n';
    const r = await createUploadApi().parseTrace([new File([text], 'q.txt')], () => {});
    if (!r.ok) throw new Error(r.message);
    expect(r.info.invocations).toBe(2);
    expect(r.malformed.examples.map((e) => e.line)).toEqual([3, 4]);
  });
});
