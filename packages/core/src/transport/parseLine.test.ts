import { describe, expect, it } from 'vitest';
import { CLIJSONDecodeError } from '../errors/CLIJSONDecodeError.js';
import { parseLine } from './parseLine.js';
import type { TransportSink } from './Transport.js';

function recorder(): {
  sink: TransportSink;
  messages: unknown[];
  noise: string[];
  errors: Error[];
} {
  const messages: unknown[] = [];
  const noise: string[] = [];
  const errors: Error[] = [];
  const sink: TransportSink = {
    message: (m) => messages.push(m),
    noise: (l) => noise.push(l),
    error: (e) => errors.push(e),
    exit: () => {},
  };
  return { sink, messages, noise, errors };
}

describe('parseLine', () => {
  it('parses objects, with or without leading whitespace', () => {
    const r = recorder();
    parseLine('{"type":"result"}', r.sink);
    parseLine('  {"type":"user"}', r.sink);
    expect(r.messages).toEqual([{ type: 'result' }, { type: 'user' }]);
  });

  it('reports non-JSON lines as noise and skips blank ones', () => {
    const r = recorder();
    parseLine('Debugger listening on ws://…', r.sink);
    parseLine('   ', r.sink);
    parseLine('[1,2]', r.sink);
    expect(r.noise).toEqual(['Debugger listening on ws://…', '[1,2]']);
    expect(r.messages).toEqual([]);
  });

  it('turns a malformed JSON object line into CLIJSONDecodeError', () => {
    const r = recorder();
    parseLine('{"type": broken', r.sink);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toBeInstanceOf(CLIJSONDecodeError);
    expect((r.errors[0] as CLIJSONDecodeError).code).toBe('CLI_JSON_DECODE');
    expect((r.errors[0] as CLIJSONDecodeError).line).toBe('{"type": broken');
  });
});
