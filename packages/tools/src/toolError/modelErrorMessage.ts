import { ClientRequestError } from '../errors/ClientRequestError.js';
import { messageOf } from '../messageOf.js';

const MAX_CHARS = 300;
// Ours are written for the model (the issues of a client's answer, one per line): kept whole.
const MAX_CHARS_OURS = 2000;
// Environment variables whose values must never reach the model, whatever the error message says.
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|COOKIE|SESSION/i;
const MIN_SECRET_CHARS = 8;
const URL_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi;

/**
 * The message the model gets for a thrown error: its first line (no stack, no multi-line dumps),
 * short, with secret environment values and URL credentials redacted. A `ClientRequestError` of
 * this package keeps all its lines: they tell the model what the client's answer got wrong.
 */
export function modelErrorMessage(
  toolName: string,
  error: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string {
  const ours = ClientRequestError.is(error);
  let text = messageOf(error).trim();
  if (!ours) text = text.split(/\r?\n/, 1)[0] ?? '';
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.length >= MIN_SECRET_CHARS && SECRET_NAME.test(name)) {
      text = text.replaceAll(value, '[redacted]');
    }
  }
  text = text.replace(URL_CREDENTIALS, '$1[redacted]@');
  const message = `Tool "${toolName}" failed: ${text || 'an error without a message'}`;
  const max = ours ? MAX_CHARS_OURS : MAX_CHARS;
  return message.length > max ? `${message.slice(0, max - 1)}…` : message;
}
