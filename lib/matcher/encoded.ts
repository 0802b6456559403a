/**
 * A compiled matcher as plain JSON-safe data, for extension messaging (which serialises messages
 * as JSON in Chrome, so typed arrays travel as base64). The background compiles the dictionary
 * once per dataset version; every tab decodes it in well under a millisecond instead of compiling.
 */
import type { DictionaryTerm } from '../dataset/types';
import { deserializeMatcher, serializeMatcher, type Matcher, type SerializedMatcher } from './matcher';

/** The tables of a compiled matcher, each typed array as base64 of its bytes (little-endian). */
export interface EncodedMatcher {
  format: 1;
  childStart: string;
  edgeChar: string;
  edgeTarget: string;
  acceptStart: string;
  acceptTerm: string;
  terms: DictionaryTerm[];
  /** The candidate expression's source (see SerializedMatcher.starts); recomputed when absent. */
  starts?: string;
}

type WithBase64 = { toBase64?: () => string };
type FromBase64 = { fromBase64?: (s: string) => Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & WithBase64).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('Malformed encoded matcher');
  const native = (Uint8Array as unknown as FromBase64).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const bytesOf = (a: Int32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Copies `bytes` into a new aligned typed array of the given kind; throws when the length does not fit. */
function typed<T extends Int32Array | Uint16Array>(bytes: Uint8Array, Kind: { new (n: number): T; BYTES_PER_ELEMENT: number }): T {
  if (bytes.length % Kind.BYTES_PER_ELEMENT !== 0) throw new TypeError('Malformed encoded matcher');
  const out = new Kind(bytes.length / Kind.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** The JSON-safe form of a compiled matcher. */
export function encodeMatcher(matcher: Matcher): EncodedMatcher {
  const s = serializeMatcher(matcher);
  return {
    format: 1,
    childStart: toBase64(bytesOf(s.childStart)),
    edgeChar: toBase64(bytesOf(s.edgeChar)),
    edgeTarget: toBase64(bytesOf(s.edgeTarget)),
    acceptStart: toBase64(bytesOf(s.acceptStart)),
    acceptTerm: toBase64(bytesOf(s.acceptTerm)),
    terms: s.terms,
    starts: s.starts,
  };
}

/** Rebuilds a matcher from its JSON-safe form without compiling. Throws on a malformed form. */
export function decodeMatcher(e: EncodedMatcher): Matcher {
  if (!e || typeof e !== 'object' || e.format !== 1) throw new TypeError('Malformed encoded matcher');
  const s: SerializedMatcher = {
    format: 1,
    childStart: typed(fromBase64(e.childStart), Int32Array),
    edgeChar: typed(fromBase64(e.edgeChar), Uint16Array),
    edgeTarget: typed(fromBase64(e.edgeTarget), Int32Array),
    acceptStart: typed(fromBase64(e.acceptStart), Int32Array),
    acceptTerm: typed(fromBase64(e.acceptTerm), Int32Array),
    terms: e.terms,
    starts: e.starts,
  };
  return deserializeMatcher(s);
}
