import { timingSafeEqual } from 'node:crypto';

/** Whether two secrets (tokens, keys, signatures) are equal, in a time that does not tell where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
