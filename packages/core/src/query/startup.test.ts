import { describe, expect, it } from 'vitest';
import { echoCli, FakeTransport } from '../../test/FakeTransport.js';
import { ControlTimeoutError } from '../errors/ControlTimeoutError.js';
import { InvalidArgumentError } from '../errors/InvalidArgumentError.js';
import { InvalidOptionsError } from '../errors/InvalidOptionsError.js';
import { ProcessError } from '../errors/ProcessError.js';
import type { SDKMessage } from '../messages/SDKMessage.js';
import { startup } from './startup.js';

async function collect(iterable: AsyncIterable<SDKMessage>): Promise<SDKMessage[]> {
  const out: SDKMessage[] = [];
  for await (const m of iterable) out.push(m);
  return out;
}

describe('startup()', () => {
  it('initializes before any prompt exists, then sends the prompt on the same process', async () => {
    const fake = new FakeTransport(echoCli);
    const warm = await startup({ transport: fake });
    expect(fake.written.map((m) => m.type)).toEqual(['control_request']);
    expect(fake.written[0]).toMatchObject({ request: { subtype: 'initialize' } });
    const messages = await collect(warm.query('hi'));
    expect(messages.find((m) => m.type === 'result')).toMatchObject({ result: 'echo: hi' });
    expect(fake.written.filter((m) => m.type === 'control_request')).toHaveLength(1);
    expect(() => warm.query('again')).toThrow(InvalidArgumentError);
  });

  it('closes the process when no prompt is wanted, and refuses one after that', async () => {
    const fake = new FakeTransport(echoCli);
    await using warm = await startup({ transport: fake });
    await warm.close();
    await warm.close();
    expect(fake.closed).toBe(true);
    expect(() => warm.query('late')).toThrow(/was closed; call startup\(\) again/);
  });

  it('rejects with a ControlTimeoutError and stops the CLI when initialize is not answered', async () => {
    const fake = new FakeTransport(() => {});
    const error = await startup({ transport: fake, initializeTimeoutMs: 30 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ControlTimeoutError);
    expect(fake.closed).toBe(true);
  });

  it('reports a CLI that died while waiting as a ProcessError from the query', async () => {
    const fake = new FakeTransport(echoCli);
    const warm = await startup({ transport: fake });
    fake.exit({ exitCode: 3, signal: null, stderrTail: 'boom' });
    await expect(collect(warm.query('hi'))).rejects.toThrow(ProcessError);
  });

  it('checks options and its own arguments at the call', async () => {
    await expect(startup({ options: { maxTurns: -1 } })).rejects.toThrow(InvalidOptionsError);
    await expect(startup({ initializeTimeoutMs: 0 })).rejects.toThrow(InvalidArgumentError);
  });
});
