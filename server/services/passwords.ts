import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt, the memory-hard function built into Node's crypto (OpenSSL):
 * maintained with the runtime, nothing native to install. Parameters are OWASP's minimum for
 * scrypt (N = 2^17, r = 8, p = 1: 128 MiB and about a third of a second per hash here) and are
 * stored with each hash, PHC style, so they can be raised without invalidating stored ones.
 */
const CURRENT = { ln: 17, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, ln: number, r: number, p: number) {
  const N = 2 ** ln;
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { N, r, p, maxmem: 256 * N * r },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const { ln, r, p } = CURRENT;
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, ln, r, p);
  return `$scrypt$ln=${ln},r=${r},p=${p}$${b64(salt)}$${b64(key)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = FORMAT.exec(stored);
  if (!parts) return false;
  const [, ln, r, p, salt, expected] = parts as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const want = Buffer.from(expected, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(ln), Number(r), Number(p));
  return key.length === want.length && timingSafeEqual(key, want);
}

/**
 * A hash no password matches, checked when a username is unknown so that the answer takes as
 * long as for a known one and does not tell which usernames exist.
 */
export const DECOY_HASH = await hashPassword(randomBytes(24).toString('base64'));

/** The rules a new password must meet, as problems (empty when it is acceptable). */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if ([...password].length < 12) problems.push('must be at least 12 characters');
  if ([...password].length > 256) problems.push('must be at most 256 characters');
  if (password.toLowerCase().includes(username.toLowerCase()))
    problems.push('must not contain the username');
  return problems;
}

/** A random password for a new or reset account: 20 characters, about 120 bits. */
export function temporaryPassword(): string {
  return randomBytes(15).toString('base64url');
}
