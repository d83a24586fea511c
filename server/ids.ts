import { createHash, randomBytes } from 'node:crypto';

/** Prefixes make an id say what it names in logs and URLs; the rest is opaque. */
export type IdPrefix =
  | 'q'
  | 'h'
  | 'i'
  | 'src'
  | 'cit'
  | 'exp'
  | 'as'
  | 'imp'
  | 'ev'
  | 'obs'
  | 'set'
  | 'res'
  | 'u'
  | 'ses'
  | 'tok';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const BODY_BYTES = 10; // 80 bits: 16 base32 characters

function base32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** A fresh random id, e.g. `q_k3v9…` (16 base32 characters after the prefix). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${base32(randomBytes(BODY_BYTES))}`;
}

/**
 * A stable id derived from a natural key, so the same scenario definition gets the same id in
 * every database (links and exports stay valid across installations).
 *
 * @example keyedId('q', 'post-caliphate') === keyedId('q', 'post-caliphate')
 */
export function keyedId(prefix: IdPrefix, key: string): string {
  const digest = createHash('sha256').update(`${prefix}:${key}`).digest();
  return `${prefix}_${base32(digest.subarray(0, BODY_BYTES))}`;
}

/** The shape every id has; anything else in a path is malformed (400), not unknown (404). */
export const ID_PATTERN = /^[a-z]{1,4}_[a-z2-7]{16}$/;
