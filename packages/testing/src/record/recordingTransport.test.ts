import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { query } from '@agentsdk/core';
import { afterEach, describe, expect, it } from 'vitest';
import { syntheticFixture } from '../../test/support/syntheticFixture.js';
import { collect } from '../assertions/collect.js';
import { FixtureError } from '../fixture/FixtureError.js';
import { readFixture } from '../fixture/readFixture.js';
import { replayTransport } from '../replay/replayTransport.js';
import { recordingTransport } from './recordingTransport.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'recorder-'));
  dirs.push(dir);
  return join(dir, name);
}

/** A fixture whose CLI side leaks a key in the answer text. */
function leaky(secret: string) {
  const fixture = syntheticFixture();
  for (const record of fixture.records) {
    if (record.dir === 'cli->sdk' && record.msg.type === 'assistant') {
      const message = record.msg.message as { content: { text: string }[] };
      (message.content[0] as { text: string }).text = `Your key is ${secret}.`;
    }
  }
  return fixture;
}

describe('recordingTransport', () => {
  it('records both directions, EOF and exit; a replay of the recording matches', async () => {
    const path = tempFile('session.jsonl');
    const original = syntheticFixture({ assistantMessages: 3 });
    const recorder = recordingTransport({
      path,
      inner: replayTransport(original),
      options: { model: 'claude-opus-5-5', canUseTool: () => ({ behavior: 'allow' }) },
      name: 'round-trip',
    });
    const live = await collect(query({ prompt: 'Say hello', transport: recorder }));
    const written = await recorder.recorded();
    expect(readFixture(path)).toEqual({ ...written, source: path });
    expect(written.header).toMatchObject({
      format: 'agentsdk-fixture',
      version: 1,
      cli_version: '2.1.331',
      name: 'round-trip',
      options: { model: 'claude-opus-5-5', canUseTool: '[function]' },
      argv: expect.arrayContaining(['--model=claude-opus-5-5', '--permission-prompt-tool=stdio']),
    });
    const shape = (f: typeof original) =>
      f.records.map((r) => r.dir + ('event' in r ? `:${r.event}` : ''));
    expect(shape(written)).toEqual(shape(original));
    // The recording replays to the same messages.
    const replayed = await collect(
      query({ prompt: 'Say hello', transport: replayTransport(path) }),
    );
    expect(replayed).toEqual(live);
  });

  it('redacts a planted API key on write', async () => {
    const path = tempFile('leaky.jsonl');
    const recorder = recordingTransport({
      path,
      inner: replayTransport(leaky('sk-ant-api03-PLANTED0123456789abcdefXYZ')),
    });
    const messages = await collect(query({ prompt: 'Say hello', transport: recorder }));
    // The live session saw the real text; the file has the placeholder.
    expect(JSON.stringify(messages)).toContain('sk-ant-api03-PLANTED');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain('PLANTED');
    expect(text).toContain('Your key is <redacted:api-key>.');
  });

  it('redacts ANTHROPIC_* values of the environment and, when asked, the home directory', async () => {
    const path = tempFile('env.jsonl');
    const fixture = leaky('a token tok_9f8e7d6c5b4a in /home/alice/project');
    const recorder = recordingTransport({
      path,
      inner: replayTransport(fixture),
      redact: {
        env: { ANTHROPIC_AUTH_TOKEN: 'tok_9f8e7d6c5b4a', HOME: '/home/alice' },
        home: true,
      },
    });
    await collect(query({ prompt: 'Say hello', transport: recorder }));
    expect(readFileSync(path, 'utf8')).toContain(
      'Your key is a token <redacted:ANTHROPIC_AUTH_TOKEN> in <redacted:home>/project.',
    );
  });

  it('refuses to write a recording that still holds a secret, and says so', async () => {
    const path = tempFile('refused.jsonl');
    const recorder = recordingTransport({
      path,
      inner: replayTransport(leaky('sk-ant-api03-PLANTED0123456789abcdefXYZ')),
      redact: false,
    });
    const error = await collect(query({ prompt: 'Say hello', transport: recorder })).catch(
      (e: unknown) => e,
    );
    expect(FixtureError.is(error) && error.code).toBe('SECRET_IN_FIXTURE');
    expect(String(error)).toMatch(
      /Refusing to write fixture .*refused\.jsonl: it still holds 1 secret\(s\) \(line \d+: api-key sk-ant… \(39 chars\)\)\. Redaction was turned off/,
    );
    await expect(recorder.recorded()).rejects.toThrow(/Refusing to write fixture/);
    expect(existsSync(path)).toBe(false);
  });

  it('gives the finished lines to onLine', async () => {
    const lines: string[] = [];
    const recorder = recordingTransport({
      onLine: (line) => lines.push(line),
      inner: replayTransport(syntheticFixture()),
    });
    await collect(query({ prompt: 'Say hello', transport: recorder }));
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'agentsdk-fixture' });
    expect(lines.length).toBe(syntheticFixture().records.length + 1);
  });
});
