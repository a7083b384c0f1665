/**
 * Shareable links (docs/sharing.md): a scenario in the URL hash.
 *
 *   #v1.<base64url(deflate-raw(UTF-8 JSON of the scenario))>[&key=value...]
 *
 * Pure: no DOM, no Node APIs (fflate, TextEncoder/TextDecoder only). Decoding
 * never throws: every failure is a sentence for the page to show.
 */
import { deflateSync, inflateSync } from 'fflate';
import { formatIssue } from './errors';
import { parseScenario, serialiseScenario } from './parse';
import type { GammaWorkload, Scenario } from './types';

/** The link format this planner writes and reads (the `v1.` prefix). */
export const LINK_VERSION = 1;
/** Longest payload (the hash without `#`) that linkFitness calls fit: a practical URL length. */
export const MAX_LINK_CHARS = 8000;
/** stripForLink replaces an explicit workload with more requests than this. */
export const MAX_LINK_REQUESTS = 2000;
/** stripForLink drops an unused profile whose JSON is longer than this. */
export const MAX_LINK_PROFILE_CHARS = 20000;
/** decodeScenarioLink refuses a link whose scenario JSON would be larger than this (a deflate bomb). */
export const MAX_DECODED_BYTES = 64 * 2 ** 20;

export type LinkDecodeResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

const PREFIX = `v${LINK_VERSION}.`;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE_TABLE: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) t[ALPHABET.charCodeAt(i)] = i;
  return t;
})();

/** base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63] + ALPHABET[v & 63];
  }
  if (n - i === 1) {
    const v = bytes[i] << 16;
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63];
  } else if (n - i === 2) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[v >> 18] + ALPHABET[(v >> 12) & 63] + ALPHABET[(v >> 6) & 63];
  }
  return out;
}

/**
 * Inverse of toBase64Url. `offset` is added to reported positions (so they count
 * from the start of the whole payload); positions are 1-based.
 */
function fromBase64Url(text: string, offset: number): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || DECODE_TABLE[c] < 0) {
      const ch = String.fromCodePoint(text.codePointAt(i) ?? c);
      return {
        ok: false,
        message: `the link is corrupt: ${JSON.stringify(ch)} cannot appear in a planner link (invalid character at position ${offset + i + 1})`,
      };
    }
  }
  if (text.length % 4 === 1) {
    return {
      ok: false,
      message: `the link is corrupt or truncated: its data has an impossible length (${text.length} characters after ${PREFIX})`,
    };
  }
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    acc = ((acc << 6) | DECODE_TABLE[text.charCodeAt(i)]) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out };
}

/** The hash payload of a scenario: `v1.` + base64url(deflate-raw(UTF-8 compact JSON)). No `#`. */
export function encodeScenarioLink(s: Scenario): string {
  const json = serialiseScenario(s, 0);
  const packed = deflateSync(new TextEncoder().encode(json), { level: 9 });
  return PREFIX + toBase64Url(packed);
}

const INFLATE_MESSAGES: Record<string, string> = {
  'invalid block type': 'invalid block type',
  'invalid length/literal': 'invalid length/literal code',
  'invalid distance': 'invalid back-reference distance',
};

function inflate(bytes: Uint8Array): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  // Deflate expands at most about 1032:1; a fixed output buffer keeps a crafted link from
  // growing memory without bound (fflate writes past its end are dropped, and we refuse).
  const cap = Math.min(MAX_DECODED_BYTES, bytes.length * 1032 + 1024);
  try {
    const out = inflateSync(bytes, { out: new Uint8Array(cap + 1) });
    if (out.length > cap) {
      return {
        ok: false,
        message: `the link is too large to open: its scenario expands to more than ${MAX_DECODED_BYTES / 2 ** 20} MiB`,
      };
    }
    return { ok: true, bytes: out };
  } catch (e) {
    const err = e as { code?: unknown; message?: unknown };
    if (err.code === 0) return { ok: false, message: 'the link is corrupt or truncated: the compressed data ends early' };
    const what = typeof err.message === 'string' ? (INFLATE_MESSAGES[err.message] ?? err.message) : 'unreadable';
    return { ok: false, message: `the link is corrupt: its compressed data is invalid (${what})` };
  }
}

const MAX_ISSUES_SHOWN = 3;

/** Decode a hash payload (without `#` and params; see linkFromLocation). Never throws. */
export function decodeScenarioLink(payload: string): LinkDecodeResult {
  try {
    return decode(payload);
  } catch (e) {
    // Not expected: every known failure is handled above; keep the promise of no throw.
    return { ok: false, message: `the link could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function decode(payload: string): LinkDecodeResult {
  if (typeof payload !== 'string' || payload === '') {
    return { ok: false, message: 'this link carries no scenario (there is nothing after the #)' };
  }
  const m = /^v([1-9][0-9]*)\./.exec(payload);
  if (!m) return { ok: false, message: `this link is not a planner scenario (it should start with #${PREFIX})` };
  const version = Number(m[1]);
  if (version !== LINK_VERSION) {
    return {
      ok: false,
      message: `this link was made by a newer version of the planner (link format v${m[1]}; this one reads v${LINK_VERSION})`,
    };
  }
  const data = payload.slice(m[0].length);
  if (data === '') return { ok: false, message: `the link is corrupt or truncated: there is no data after #${PREFIX}` };

  const raw = fromBase64Url(data, m[0].length);
  if (!raw.ok) return raw;
  const inflated = inflate(raw.bytes);
  if (!inflated.ok) return inflated;

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return { ok: false, message: 'the link is corrupt: its content is not UTF-8 text' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the link is corrupt: its content is not JSON' };
  }
  const parsed = parseScenario(value);
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, MAX_ISSUES_SHOWN).map(formatIssue);
    const more = parsed.issues.length - shown.length;
    if (more > 0) shown.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
    return { ok: false, message: `the link's scenario is invalid: ${shown.join('; ')}` };
  }
  return { ok: true, scenario: parsed.scenario };
}

export interface LocationLink {
  /** The scenario payload (`v1....`), '' when the hash has none. */
  payload: string;
  /** The other `key=value` parts, e.g. `{ hide: 'editor,charts' }` (values URI-decoded; a bare key gets ''). */
  params: Record<string, string>;
}

function uriDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Split `location.hash` (with or without its `#`) into the payload and params.
 * Layout: `#<payload>[&key=value...]`; the payload may also be given as `s=<payload>`.
 * The payload is the `s=` value, or else the first part without `=`.
 */
export function linkFromLocation(hash: string): LocationLink {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let payload: string | undefined;
  let bare: string | undefined;
  for (const part of body.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (bare === undefined) bare = part;
      else params[uriDecode(part)] = '';
      continue;
    }
    const key = uriDecode(part.slice(0, eq));
    const value = part.slice(eq + 1);
    if (key === 's' && payload === undefined) payload = value;
    else params[key] = uriDecode(value);
  }
  if (payload === undefined) payload = bare ?? '';
  else if (bare !== undefined) params[uriDecode(bare)] = '';
  return { payload, params: { ...params } };
}

/** The hash for a payload and params: `#v1....&hide=editor,charts` (inverse of linkFromLocation). */
export function formatLinkHash(payload: string, params: Record<string, string> = {}): string {
  let out = `#${payload}`;
  for (const [k, v] of Object.entries(params)) {
    const key = encodeURIComponent(k);
    out += v === '' ? `&${key}` : `&${key}=${encodeURIComponent(v).replace(/%2C/g, ',')}`;
  }
  return out;
}

export interface LinkFitness {
  payload: string;
  /** Length of the payload (the hash without `#` and params). */
  chars: number;
  /** chars <= MAX_LINK_CHARS. */
  fits: boolean;
}

/** Encode a scenario as it is and say whether the link is short enough to share. */
export function linkFitness(s: Scenario): LinkFitness {
  const payload = encodeScenarioLink(s);
  return { payload, chars: payload.length, fits: payload.length <= MAX_LINK_CHARS };
}

function fmtSeconds(x: number): string {
  return `${Number(x.toPrecision(6))} s`;
}

/** A Gamma workload over the span of an explicit one's arrivals (seed 0; `start` kept when not 0). */
function gammaOverSpan(requests: readonly [number, string][]): GammaWorkload {
  let first = Infinity;
  let last = -Infinity;
  for (const [t] of requests) {
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const span = last - first;
  const w: GammaWorkload = { kind: 'gamma', duration: span > 0 && Number.isFinite(span) ? span : 1, seed: 0 };
  if (first !== 0 && Number.isFinite(first)) w.start = first;
  return w;
}

/**
 * What is too large for a link, replaced: an explicit workload (or explicit training
 * workload) with more than MAX_LINK_REQUESTS requests becomes Gamma traffic over the same
 * span, and an unused profile whose JSON exceeds MAX_LINK_PROFILE_CHARS is dropped (a used
 * one is kept; linkFitness then tells the caller to offer a file instead). Each replacement
 * is a sentence in `omitted` and is appended to the scenario's `ui.omitted` (a string list),
 * so that the receiving page can say what is missing. The input is not modified.
 */
export function stripForLink(s: Scenario): { scenario: Scenario; omitted: string[] } {
  const out = structuredClone(s);
  const omitted: string[] = [];

  if (out.workload.kind === 'explicit' && out.workload.requests.length > MAX_LINK_REQUESTS) {
    const n = out.workload.requests.length;
    const w = gammaOverSpan(out.workload.requests);
    out.workload = w;
    omitted.push(
      `the uploaded request log (${n} requests) is not in the link (it uses Gamma traffic over the same ` +
        `${fmtSeconds(w.duration)} instead); upload it again or share the scenario file`,
    );
  }
  if (out.train !== undefined && out.train !== 'test' && out.train.kind === 'explicit' && out.train.requests.length > MAX_LINK_REQUESTS) {
    const n = out.train.requests.length;
    const w = gammaOverSpan(out.train.requests);
    out.train = w;
    omitted.push(
      `the policy's training request log (${n} requests) is not in the link (it uses Gamma traffic over the same ` +
        `${fmtSeconds(w.duration)} instead); upload it again or share the scenario file`,
    );
  }

  if (out.profiles) {
    const used = new Set(out.models.map((m) => m.profile));
    for (const [id, p] of Object.entries(out.profiles)) {
      const size = JSON.stringify(p).length;
      if (size > MAX_LINK_PROFILE_CHARS && !used.has(id)) {
        delete out.profiles[id];
        omitted.push(`the unused profile "${id}" (${size} characters) is not in the link; share the scenario file to pass it on`);
      }
    }
    if (Object.keys(out.profiles).length === 0) delete out.profiles;
  }

  if (omitted.length > 0) {
    const ui = out.ui ?? {};
    const before = omittedFromScenario(out);
    ui.omitted = [...before, ...omitted.filter((x) => !before.includes(x))];
    out.ui = ui;
  }
  return { scenario: out, omitted };
}

/** The sentences a link's scenario carries in `ui.omitted` (what its sender could not include). */
export function omittedFromScenario(s: Scenario): string[] {
  const v = s.ui?.omitted;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
