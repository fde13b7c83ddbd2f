import { describe, expect, test } from 'vitest';
import { ClientRequestError } from '../errors/ClientRequestError.js';
import { modelErrorMessage } from './modelErrorMessage.js';

describe('modelErrorMessage: what the model reads when a handler throws', () => {
  test('the first line only, never the stack', () => {
    const error = new Error('row not found\nSELECT * FROM users WHERE id = 7');
    expect(modelErrorMessage('lookup', error, {})).toBe('Tool "lookup" failed: row not found');
  });

  test('the issue list of a ClientRequestError is for the model: kept whole', () => {
    const error = new ClientRequestError(
      'INVALID_CLIENT_RESPONSE',
      'The answer does not match the schema:\n- name: expected string',
    );
    expect(modelErrorMessage('ask', error, {})).toBe(
      'Tool "ask" failed: The answer does not match the schema:\n- name: expected string',
    );
  });

  test('values of secret-looking environment variables are redacted', () => {
    const env = {
      STRIPE_API_KEY: 'sk_live_abcdef123456',
      HOME: '/home/someone',
      SHORT_TOKEN: 'abc',
    };
    const error = new Error('401 for key sk_live_abcdef123456 in /home/someone (token abc)');
    expect(modelErrorMessage('pay', error, env)).toBe(
      'Tool "pay" failed: 401 for key [redacted] in /home/someone (token abc)',
    );
  });

  test('credentials in URLs are redacted', () => {
    const error = new Error('connect ECONNREFUSED postgres://app:hunter2@db.internal:5432/prod');
    expect(modelErrorMessage('query', error, {})).toBe(
      'Tool "query" failed: connect ECONNREFUSED postgres://[redacted]@db.internal:5432/prod',
    );
  });

  test('long messages are cut to 300 characters', () => {
    const message = modelErrorMessage('big', new Error('x'.repeat(1000)), {});
    expect(message).toHaveLength(300);
    expect(message.endsWith('x…')).toBe(true);
  });

  test('things that are not errors, and errors without a message', () => {
    expect(modelErrorMessage('t', 'plain string', {})).toBe('Tool "t" failed: plain string');
    expect(modelErrorMessage('t', { status: 503 }, {})).toBe('Tool "t" failed: {"status":503}');
    expect(modelErrorMessage('t', new TypeError(), {})).toBe('Tool "t" failed: TypeError');
    expect(modelErrorMessage('t', '', {})).toBe('Tool "t" failed: an error without a message');
  });
});
