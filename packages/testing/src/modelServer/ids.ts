import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id in the Anthropic style, e.g. `msg_01Hq…` (prefix `msg`, `toolu`, `req`). */
export function randomId(prefix: 'msg' | 'toolu' | 'req'): string {
  const bytes = randomBytes(22);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_01${out}`;
}
