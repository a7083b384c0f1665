/** Shareable links (src/core/scenario/link.ts) and localStorage persistence (src/state/persist.ts). */
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/core/profiles/types';
import { defaultScenario } from '../../src/core/scenario/defaults';
import {
  decodeScenarioLink,
  encodeScenarioLink,
  formatLinkHash,
  linkFitness,
  linkFromLocation,
  MAX_LINK_CHARS,
  omittedFromScenario,
  stripForLink,
  toBase64Url,
} from '../../src/core/scenario/link';
import { parseScenario, serialiseScenario } from '../../src/core/scenario/parse';
import type { GroupSpec, PlacementSpec, Scenario } from '../../src/core/scenario/types';
import {
  LAST_SCENARIO_KEY,
  loadLastScenario,
  loadUploadedProfiles,
  saveLastScenario,
  saveUploadedProfiles,
  UPLOADED_PROFILES_KEY,
} from '../../src/state/persist';

/** A payload made of raw bytes: `v1.` + base64url(deflate-raw(bytes)). */
function payloadOf(bytes: Uint8Array): string {
  return `v1.${toBase64Url(deflateSync(bytes))}`;
}

function failure(payload: string): string {
  const r = decodeScenarioLink(payload);
  expect(r.ok).toBe(false);
  return r.ok ? '' : r.message;
}

// ---------------------------------------------------------------------------------------------
// Round trip

/** Ways to place four BERT-6.7B (12.48 GB at (1,1,1)) on four 13 GB GPUs, over model names in order. */
const LAYOUTS: ((m: string[]) => GroupSpec[])[] = [
  (m) => [{ dp: 1, op: 1, pp: 4, models: m }],
  (m) => m.map((x) => ({ dp: 1, op: 1, pp: 1, models: [x] })),
  (m) => [
    { dp: 1, op: 1, pp: 2, models: m.slice(0, 2) },
    { dp: 1, op: 1, pp: 2, models: m.slice(2) },
  ],
  (m) => [{ dp: 1, op: 2, pp: 2, models: m }],
  (m) => [{ dp: 1, op: 4, pp: 1, models: m }],
  (m) => [{ dp: 1, op: 1, pp: 2, models: [m[3], m[1]] }],
];

const names = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }), { minLength: 4, maxLength: 4 });
const layout = fc.tuple(fc.integer({ min: 0, max: LAYOUTS.length - 1 }), fc.array(fc.nat(), { minLength: 4, maxLength: 4 }));
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const scenarios: fc.Arbitrary<Scenario> = fc
  .record({
    name: fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }), { nil: undefined }),
    names,
    rates: fc.array(finite(0, 1000), { minLength: 4, maxLength: 4 }),
    cvs: fc.array(finite(0.01, 10), { minLength: 4, maxLength: 4 }),
    slos: fc.array(fc.oneof(fc.record({ sloScale: finite(0.1, 50) }), fc.record({ slo: finite(0.01, 10) })), {
      minLength: 4,
      maxLength: 4,
    }),
    seed: fc.integer({ min: 0, max: 0xffffffff - 3 }),
    duration: finite(1, 3600),
    kind: fc.constantFrom('gamma' as const, 'poisson' as const),
    start: fc.option(finite(-100, 100), { nil: undefined }),
    explicit: fc.option(fc.array(fc.tuple(finite(0, 100), fc.nat(3)), { maxLength: 40 }), { nil: undefined }),
    segments: fc.option(fc.array(fc.tuple(finite(0, 50), layout), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    single: layout,
    warmup: fc.option(finite(0, 5), { nil: undefined }),
    batching: fc.option(fc.boolean(), { nil: undefined }),
    ui: fc.option(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), { nil: undefined }),
    meta: fc.option(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), { nil: undefined }),
  })
  .map((r) => {
    const s = defaultScenario();
    const place = ([which, order]: [number, number[]]): GroupSpec[] => {
      const pool = [...r.names];
      const picked = order.map((k) => pool.splice(k % pool.length, 1)[0]);
      return LAYOUTS[which](picked);
    };
    s.name = r.name;
    s.models = s.models.map((m, i) => ({ name: r.names[i], profile: m.profile, rate: r.rates[i], cv: r.cvs[i], ...r.slos[i] }));
    s.workload = r.explicit
      ? { kind: 'explicit', requests: r.explicit.map(([t, k]) => [t, r.names[k]]) }
      : { kind: r.kind, duration: r.duration, seed: r.seed, ...(r.start === undefined ? {} : { start: r.start }) };
    let placement: PlacementSpec = { groups: place(r.single) };
    if (r.segments) {
      const starts = r.segments.map(([t]) => t).sort((a, b) => a - b);
      placement = { segments: r.segments.map(([, l], i) => ({ start: starts[i], groups: place(l) })) };
    }
    s.placement = placement;
    s.simulation = { warmup: r.warmup, batching: r.batching };
    if (r.ui) s.ui = r.ui as Record<string, unknown>;
    if (r.meta) s.meta = r.meta as Record<string, unknown>;
    return s;
  });

describe('scenario links: round trip', () => {
  it('decode(encode(s)) equals parseScenario(serialiseScenario(s))', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const expected = parseScenario(serialiseScenario(s));
        expect(expected.ok).toBe(true); // the generator makes valid scenarios
        const payload = encodeScenarioLink(s);
        expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
        expect(decodeScenarioLink(payload)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('round trips the default scenario exactly', () => {
    const s = defaultScenario();
    expect(decodeScenarioLink(encodeScenarioLink(s))).toEqual({ ok: true, scenario: s });
  });

  it('base64url: every byte length and value round trips', () => {
    // A JSON string scenario name carries arbitrary UTF-8; the byte level is covered by lengths 0..20.
    for (let n = 0; n <= 20; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 255);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text.length).toBe(Math.ceil((n * 4) / 3));
    }
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });
});

// ---------------------------------------------------------------------------------------------
// Failures: one test per message

describe('scenario links: failures', () => {
  it('an empty link', () => {
    expect(failure('')).toBe('this link carries no scenario (there is nothing after the #)');
  });

  it('not a planner link', () => {
    const m = 'this link is not a planner scenario (it should start with #v1.)';
    expect(failure('hello')).toBe(m);
    expect(failure('v0.abc')).toBe(m);
    expect(failure('v1')).toBe(m);
    expect(failure('V1.abc')).toBe(m);
  });

  it('a newer link format', () => {
    expect(failure('v2.AAAA')).toBe('this link was made by a newer version of the planner (link format v2; this one reads v1)');
    expect(failure('v13.')).toBe('this link was made by a newer version of the planner (link format v13; this one reads v1)');
  });

  it('no data after the prefix', () => {
    expect(failure('v1.')).toBe('the link is corrupt or truncated: there is no data after #v1.');
  });

  it('a character that base64url does not use', () => {
    expect(failure('v1.abc+def')).toBe('the link is corrupt: "+" cannot appear in a planner link (invalid character at position 7)');
    expect(failure('v1.abc=')).toBe('the link is corrupt: "=" cannot appear in a planner link (invalid character at position 7)');
    expect(failure('v1.ab😀c')).toBe('the link is corrupt: "😀" cannot appear in a planner link (invalid character at position 6)');
  });

  it('an impossible base64url length', () => {
    expect(failure('v1.AAAAA')).toBe('the link is corrupt or truncated: its data has an impossible length (5 characters after v1.)');
  });

  it('truncated compressed data', () => {
    const payload = encodeScenarioLink(defaultScenario());
    // cut at a multiple of 4 characters so the base64url itself is well formed
    const cut = 3 + Math.floor((payload.length - 3) / 8) * 4;
    expect(failure(payload.slice(0, cut))).toBe('the link is corrupt or truncated: the compressed data ends early');
  });

  it('compressed data that is garbage', () => {
    // first byte 0b111: a final block of type 3, which deflate does not have
    expect(failure(`v1.${toBase64Url(Uint8Array.from([7, 0, 0]))}`)).toBe(
      'the link is corrupt: its compressed data is invalid (invalid block type)',
    );
  });

  it('content that is not UTF-8', () => {
    expect(failure(payloadOf(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d])))).toBe('the link is corrupt: its content is not UTF-8 text');
  });

  it('content that is not JSON', () => {
    expect(failure(payloadOf(new TextEncoder().encode('{"version": 1,')))).toBe('the link is corrupt: its content is not JSON');
  });

  it('JSON that is not a valid scenario', () => {
    const s = defaultScenario();
    s.models[3].sloScale = 0;
    expect(failure(encodeScenarioLink(s))).toBe("the link's scenario is invalid: models[3].sloScale: must be > 0");
    s.models[0].rate = -1;
    s.models[1].cv = 0;
    s.models[2].sloScale = -2;
    expect(failure(encodeScenarioLink(s))).toBe(
      "the link's scenario is invalid: models[0].rate: must be >= 0; models[1].cv: must be > 0; " +
        'models[2].sloScale: must be > 0; and 1 more problem',
    );
    expect(failure(payloadOf(new TextEncoder().encode('[1, 2]')))).toBe("the link's scenario is invalid: a scenario must be a JSON object");
  });

  it('a deflate bomb', () => {
    const bomb = deflateSync(new Uint8Array(65 * 2 ** 20));
    expect(failure(`v1.${toBase64Url(bomb)}`)).toBe('the link is too large to open: its scenario expands to more than 64 MiB');
  });

  it('a truncated link never throws and is always refused', () => {
    const big = defaultScenario();
    big.workload = { kind: 'explicit', requests: Array.from({ length: 300 }, (_, i) => [i * 0.731, big.models[i % 4].name]) };
    for (const s of [defaultScenario(), big]) {
      const payload = encodeScenarioLink(s);
      for (let k = 0; k < payload.length; k++) {
        const r = decodeScenarioLink(payload.slice(0, k));
        expect(r.ok, `cut at ${k} of ${payload.length}`).toBe(false);
        if (!r.ok) expect(r.message).toMatch(/^(this|the) link/);
      }
    }
  });

  it('random junk never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') }), (junk) => {
        const r = decodeScenarioLink(`v1.${junk}`);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeScenarioLink(`v1.${toBase64Url(bytes)}`).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Hash layout

describe('linkFromLocation / formatLinkHash', () => {
  it('splits the payload from its params', () => {
    expect(linkFromLocation('#v1.abc')).toEqual({ payload: 'v1.abc', params: {} });
    expect(linkFromLocation('v1.abc')).toEqual({ payload: 'v1.abc', params: {} });
    expect(linkFromLocation('#v1.abc&hide=editor,charts&embed')).toEqual({
      payload: 'v1.abc',
      params: { hide: 'editor,charts', embed: '' },
    });
    expect(linkFromLocation('#s=v1.abc&hide=editor%2Ccharts')).toEqual({ payload: 'v1.abc', params: { hide: 'editor,charts' } });
    expect(linkFromLocation('#hide=x&s=v1.abc')).toEqual({ payload: 'v1.abc', params: { hide: 'x' } });
    expect(linkFromLocation('#hide=x')).toEqual({ payload: '', params: { hide: 'x' } });
    expect(linkFromLocation('')).toEqual({ payload: '', params: {} });
    expect(linkFromLocation('#')).toEqual({ payload: '', params: {} });
    expect(linkFromLocation('#v1.abc&bad=%E0%A4%A')).toEqual({ payload: 'v1.abc', params: { bad: '%E0%A4%A' } });
  });

  it('formatLinkHash is its inverse', () => {
    const hash = formatLinkHash('v1.abc', { hide: 'editor,charts', title: 'a b&c', embed: '' });
    expect(hash).toBe('#v1.abc&hide=editor,charts&title=a%20b%26c&embed');
    expect(linkFromLocation(hash)).toEqual({ payload: 'v1.abc', params: { hide: 'editor,charts', title: 'a b&c', embed: '' } });
  });
});

// ---------------------------------------------------------------------------------------------
// Size

function bigProfile(stages: number): Profile {
  const configs = [];
  for (const op of [1, 2, 4, 8]) {
    for (let pp = 1; pp <= stages; pp++) {
      const latency: Record<string, number[]> = {};
      for (let b = 1; b <= 40; b++) latency[String(b)] = Array.from({ length: pp }, (_, k) => 0.01 * b + k * 1e-5 + pp * 1.234567e-7 / op);
      configs.push({ dp: 1, op, pp, latency, weightGB: Array.from({ length: pp }, () => 1 / pp / op) });
    }
  }
  return { provenance: { source: 'imported' }, configs };
}

describe('link size', () => {
  it(`the default scenario fits (359 characters of ${MAX_LINK_CHARS})`, () => {
    const f = linkFitness(defaultScenario());
    expect(f.payload).toBe(encodeScenarioLink(defaultScenario()));
    expect(f.chars).toBe(f.payload.length);
    expect(f.chars).toBeLessThan(1000);
    expect(f.fits).toBe(true);
  });

  it('a large request log does not fit', () => {
    const s = defaultScenario();
    s.workload = {
      kind: 'explicit',
      requests: Array.from({ length: 5000 }, (_, i) => [Math.round(i * 0.1234567 * 1e6) / 1e6, s.models[(i * 7) % 4].name]),
    };
    expect(linkFitness(s).fits).toBe(false);
    const stripped = stripForLink(s).scenario;
    expect(linkFitness(stripped).fits).toBe(true);
  });
});

describe('stripForLink', () => {
  it('leaves a small scenario alone', () => {
    const s = defaultScenario();
    const r = stripForLink(s);
    expect(r).toEqual({ scenario: s, omitted: [] });
    expect(r.scenario).not.toBe(s);
  });

  it('keeps an explicit workload of up to 2000 requests', () => {
    const s = defaultScenario();
    s.workload = { kind: 'explicit', requests: Array.from({ length: 2000 }, (_, i) => [i, 'bert-a']) };
    expect(stripForLink(s)).toEqual({ scenario: s, omitted: [] });
  });

  it('replaces a larger request log by Gamma traffic over its span, and says so', () => {
    const s = defaultScenario();
    s.ui = { hidden: ['charts'] };
    s.workload = { kind: 'explicit', requests: Array.from({ length: 2001 }, (_, i) => [i * 0.5, s.models[i % 4].name]) };
    const before = structuredClone(s);
    const r = stripForLink(s);
    const sentence =
      'the uploaded request log (2001 requests) is not in the link (it uses Gamma traffic over the same 1000 s instead); ' +
      'upload it again or share the scenario file';
    expect(r.omitted).toEqual([sentence]);
    expect(r.scenario.workload).toEqual({ kind: 'gamma', duration: 1000, seed: 0 });
    expect(r.scenario.ui).toEqual({ hidden: ['charts'], omitted: [sentence] });
    expect(omittedFromScenario(r.scenario)).toEqual([sentence]);
    expect(s).toEqual(before); // the input is untouched
    // what the receiver gets says what is missing
    const got = decodeScenarioLink(encodeScenarioLink(r.scenario));
    expect(got.ok && omittedFromScenario(got.scenario)).toEqual([sentence]);
    // stripping again adds nothing new
    expect(stripForLink(r.scenario)).toEqual({ scenario: r.scenario, omitted: [] });
  });

  it('keeps the start of a log that does not begin at 0', () => {
    const s = defaultScenario();
    s.workload = { kind: 'explicit', requests: Array.from({ length: 3000 }, (_, i) => [100 + ((i * 37) % 3000) * 0.125, 'bert-b']) };
    const r = stripForLink(s);
    expect(r.scenario.workload).toEqual({ kind: 'gamma', duration: 374.875, seed: 0, start: 100 });
    expect(r.omitted[0]).toContain('(3000 requests)');
    expect(r.omitted[0]).toContain('over the same 374.875 s');
  });

  it('replaces a large explicit training log of a policy too', () => {
    const s = defaultScenario();
    delete s.placement;
    s.policy = { name: 'mp-search' };
    s.train = { kind: 'explicit', requests: Array.from({ length: 2500 }, (_, i) => [i * 0.25, 'bert-c']) };
    const r = stripForLink(s);
    expect(r.scenario.train).toEqual({ kind: 'gamma', duration: 624.75, seed: 0 });
    expect(r.omitted).toEqual([
      "the policy's training request log (2500 requests) is not in the link (it uses Gamma traffic over the same 624.75 s instead); " +
        'upload it again or share the scenario file',
    ]);
    expect(parseScenario(r.scenario).ok).toBe(true);
  });

  it('drops a large unused profile, keeps a large used one and small ones', () => {
    const s = defaultScenario();
    const big = bigProfile(4);
    const size = JSON.stringify(big).length;
    expect(size).toBeGreaterThan(20000);
    const small = bigProfile(1);
    s.profiles = { 'big-unused': big, 'big-used': structuredClone(big), small };
    s.models[0] = { ...s.models[0], profile: 'big-used' };
    expect(parseScenario(s).ok).toBe(true);
    const r = stripForLink(s);
    expect(Object.keys(r.scenario.profiles ?? {})).toEqual(['big-used', 'small']);
    expect(r.omitted).toEqual([
      `the unused profile "big-unused" (${size} characters) is not in the link; share the scenario file to pass it on`,
    ]);
    expect(r.scenario.ui).toEqual({ omitted: r.omitted });
    // the used profile is kept, so the link stays too long and the caller offers a file
    expect(linkFitness(r.scenario).fits).toBe(false);
    expect(parseScenario(r.scenario).ok).toBe(true);
  });

  it('removes the profiles block when nothing is left', () => {
    const s = defaultScenario();
    s.profiles = { unused: bigProfile(4) };
    const r = stripForLink(s);
    expect('profiles' in r.scenario).toBe(false);
    expect(r.omitted).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Persistence

class MemoryStorage {
  readonly data = new Map<string, string>();
  quota = Infinity;
  getItem(k: string): string | null {
    return this.data.has(k) ? (this.data.get(k) as string) : null;
  }
  setItem(k: string, v: string): void {
    let used = v.length;
    for (const [key, value] of this.data) if (key !== k) used += value.length;
    if (used > this.quota) {
      const e = new Error("Failed to execute 'setItem' on 'Storage': exceeded the quota.");
      e.name = 'QuotaExceededError';
      throw e;
    }
    this.data.set(k, String(v));
  }
  removeItem(k: string): void {
    this.data.delete(k);
  }
}

describe('persist (localStorage)', () => {
  let store: MemoryStorage;
  const g = globalThis as { localStorage?: unknown };
  const had = Object.prototype.hasOwnProperty.call(g, 'localStorage');
  const previous = g.localStorage;
  beforeEach(() => {
    store = new MemoryStorage();
    g.localStorage = store;
  });
  afterEach(() => {
    if (had) g.localStorage = previous;
    else delete g.localStorage;
  });

  it('saves and loads the last scenario', () => {
    expect(loadLastScenario()).toBeNull();
    const s = defaultScenario();
    s.ui = { hidden: ['charts'] };
    expect(saveLastScenario(s)).toBe(true);
    expect(LAST_SCENARIO_KEY).toBe('alpaserve-planner:last-scenario');
    expect(store.data.has(LAST_SCENARIO_KEY)).toBe(true);
    expect(loadLastScenario()).toEqual(s);
  });

  it('ignores and removes a corrupt stored scenario', () => {
    store.data.set(LAST_SCENARIO_KEY, '{"version": 1, "clu');
    expect(loadLastScenario()).toBeNull();
    expect(store.data.has(LAST_SCENARIO_KEY)).toBe(false);
    const s = defaultScenario() as unknown as Record<string, unknown>;
    s.cluster = { devices: 0, memoryGB: 13 };
    store.data.set(LAST_SCENARIO_KEY, JSON.stringify(s));
    expect(loadLastScenario()).toBeNull();
    expect(store.data.has(LAST_SCENARIO_KEY)).toBe(false);
  });

  it('returns false when the quota is exceeded', () => {
    store.quota = 100;
    expect(saveLastScenario(defaultScenario())).toBe(false);
    expect(saveUploadedProfiles({ p: bigProfile(2) })).toBe(false);
    expect(store.data.size).toBe(0);
  });

  it('saves and loads uploaded profiles', () => {
    expect(loadUploadedProfiles()).toEqual({});
    const map = { 'my-model': bigProfile(2), other: bigProfile(1) };
    expect(saveUploadedProfiles(map)).toBe(true);
    expect(UPLOADED_PROFILES_KEY).toBe('alpaserve-planner:uploaded-profiles');
    expect(loadUploadedProfiles()).toEqual(map);
  });

  it('drops invalid stored profiles and removes a corrupt value', () => {
    const good = bigProfile(1);
    const bad = bigProfile(2);
    bad.configs[1].weightGB = [1]; // pp 2 needs two entries
    store.data.set(UPLOADED_PROFILES_KEY, JSON.stringify({ good, bad, junk: 3 }));
    expect(loadUploadedProfiles()).toEqual({ good });
    expect(JSON.parse(store.data.get(UPLOADED_PROFILES_KEY) as string)).toEqual({ good });
    store.data.set(UPLOADED_PROFILES_KEY, 'not json');
    expect(loadUploadedProfiles()).toEqual({});
    expect(store.data.has(UPLOADED_PROFILES_KEY)).toBe(false);
    store.data.set(UPLOADED_PROFILES_KEY, '[1,2]');
    expect(loadUploadedProfiles()).toEqual({});
    expect(store.data.has(UPLOADED_PROFILES_KEY)).toBe(false);
  });

  it('works without localStorage (Node)', () => {
    delete g.localStorage;
    expect(saveLastScenario(defaultScenario())).toBe(false);
    expect(loadLastScenario()).toBeNull();
    expect(saveUploadedProfiles({})).toBe(false);
    expect(loadUploadedProfiles()).toEqual({});
  });

  it('survives a localStorage that throws on access', () => {
    Object.defineProperty(g, 'localStorage', {
      configurable: true,
      get() {
        throw new Error('SecurityError');
      },
    });
    try {
      expect(saveLastScenario(defaultScenario())).toBe(false);
      expect(loadLastScenario()).toBeNull();
    } finally {
      Object.defineProperty(g, 'localStorage', { configurable: true, writable: true, value: store });
    }
  });
});
