import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { echoCli, FakeTransport } from '../../test/FakeTransport.js';
import { query } from '../query/query.js';
import type { TraceEntry, TraceHeader } from './traceTransport.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the trace option', () => {
  it('writes a header and every message of both directions to the file, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentsdk-trace-'));
    dirs.push(dir);
    const file = join(dir, 'session.trace.jsonl');
    for await (const _ of query({
      prompt: 'hi',
      options: { trace: file },
      transport: new FakeTransport(echoCli),
    }));
    const lines = readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as TraceHeader & TraceEntry);
    expect(lines[0]).toMatchObject({ format: 'agentsdk-trace', version: 1 });
    const entries = lines.slice(1);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    const flow = entries.map((e) =>
      'msg' in e
        ? `${e.dir} ${(e.msg as { type: string }).type}`
        : `${e.dir} ${'event' in e ? e.event : ''}`,
    );
    expect(flow[0]).toBe('sdk->cli control_request');
    expect(flow).toContain('sdk->cli user');
    expect(flow).toContain('cli->sdk assistant');
    expect(flow).toContain('cli->sdk result');
    expect(flow.at(-1)).toBe('meta exit');
  });

  it('hands each record to a sink function; a throwing sink does not break the session', async () => {
    const seen: string[] = [];
    const messages = [];
    for await (const m of query({
      prompt: 'hi',
      options: {
        trace: (record) => {
          seen.push('format' in record ? 'header' : record.dir);
          throw new Error('sink failure');
        },
      },
      transport: new FakeTransport(echoCli),
    }))
      messages.push(m);
    expect(messages.some((m) => m.type === 'result')).toBe(true);
    expect(seen[0]).toBe('header');
    expect(seen).toContain('cli->sdk');
    expect(seen).toContain('sdk->cli');
  });
});
