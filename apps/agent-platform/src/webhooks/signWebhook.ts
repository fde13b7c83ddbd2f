import { createHmac } from 'node:crypto';
import { sameSecret } from '../domain/sameSecret.js';

/** `sha256=<hex>` of HMAC-SHA256 over `<timestamp>.<body>`: the timestamp is signed to stop replays. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Receiver side: constant-time check, and a tolerance on the timestamp's age. */
export function verifyWebhook(
  secret: string,
  timestamp: number,
  body: string,
  signature: string,
  options: { now?: number; toleranceMs?: number } = {},
): boolean {
  const now = options.now ?? Date.now();
  if (Math.abs(now - timestamp) > (options.toleranceMs ?? 5 * 60_000)) return false;
  return sameSecret(signWebhook(secret, timestamp, body), signature);
}
