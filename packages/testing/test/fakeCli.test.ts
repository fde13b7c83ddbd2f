/**
 * The fake CLI, driven by the SDK through the real subprocess transport.
 * Run alone with: ./scripts/pnpm --filter @agentsdk/testing exec vitest run test/fakeCli.test.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAgentSDKError, query, type CanUseTool, type ProcessError } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import {
  collect,
  createModelServer,
  fakeCliPath,
  FixtureError,
  readFixture,
  replayTransport,
  writeFixture,
} from '../src/index.js';
import { syntheticFixture } from './support/syntheticFixture.js';
import { tempDir } from './support/tempDir.js';

function fixtureFile(fixture = syntheticFixture({ assistantMessages: 2 })): string {
  const file = join(tempDir(), 'session.jsonl');
  writeFixture(file, fixture);
  return file;
}

const fake = (file: string, env: Record<string, string> = {}) => ({
  cliPath: fakeCliPath,
  env: { AGENTSDK_FIXTURE: file, ...env },
});

describe('fake CLI', () => {
  it('drives query() through the real subprocess transport', async () => {
    const file = fixtureFile();
    const overFake = await collect(query({ prompt: 'Say hello', options: fake(file) }));
    const inProcess = await collect(
      query({ prompt: 'Say hello', transport: replayTransport(file) }),
    );
    expect(overFake).toEqual(inProcess);
    expect(overFake.map((m) => m.type)).toEqual([
      'system',
      'system',
      'assistant',
      'assistant',
      'result',
      'system',
    ]);
  });

  it('sends one model request per user message when AGENTSDK_FAKE_MODEL_REQUESTS=1', async () => {
    await using server = await createModelServer({
      script: [{ content: [{ type: 'text', text: 'unused' }] }],
    });
    const messages = await collect(
      query({
        prompt: 'Say hello',
        options: fake(fixtureFile(), {
          AGENTSDK_FAKE_MODEL_REQUESTS: '1',
          ANTHROPIC_BASE_URL: server.url,
          ANTHROPIC_API_KEY: 'sk-test-fake',
        }),
      }),
    );
    expect(messages.at(-2)?.type).toBe('result');
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers['x-api-key']).toBe('sk-test-fake');
    expect(JSON.stringify(server.requests[0]?.body?.messages)).toContain('Say hello');
  });

  it("answers --version with the recording's CLI version", () => {
    const out = execFileSync(process.execPath, [fakeCliPath, '--version'], {
      env: { ...process.env, AGENTSDK_FIXTURE: fixtureFile() },
      encoding: 'utf8',
    });
    expect(out).toBe('2.1.331 (agentsdk fake CLI)\n');
  });

  it('delivers permission asks to canUseTool over stdio', async () => {
    const file = fixtureFile(
      syntheticFixture({
        middle: (add) => {
          add({
            dir: 'cli->sdk',
            msg: {
              type: 'control_request',
              request_id: 'perm-1',
              request: {
                subtype: 'can_use_tool',
                tool_name: 'Bash',
                input: { command: 'ls' },
                tool_use_id: 'toolu_1',
              },
            },
          });
          add({
            dir: 'sdk->cli',
            msg: {
              type: 'control_response',
              response: {
                subtype: 'success',
                request_id: 'perm-1',
                response: {
                  behavior: 'allow',
                  updatedInput: { command: 'ls' },
                  toolUseID: 'toolu_1',
                },
              },
            },
          });
        },
      }),
    );
    const asked: string[] = [];
    const canUseTool: CanUseTool = (tool) => {
      asked.push(tool);
      return { behavior: 'allow' };
    };
    const messages = await collect(
      query({ prompt: 'Say hello', options: { ...fake(file), canUseTool } }),
    );
    expect(asked).toEqual(['Bash']);
    expect(messages.at(-2)).toMatchObject({ type: 'result', subtype: 'success' });
  });

  it('strict: a divergence ends the process (exit 3) with the diff on stderr', async () => {
    const file = fixtureFile();
    const stderr: string[] = [];
    const error = await collect(
      query({
        prompt: 'Say goodbye',
        options: { ...fake(file), stderr: (line) => stderr.push(line) },
      }),
    ).catch((e: unknown) => e);
    expect(isAgentSDKError(error, 'PROCESS_ERROR')).toBe(true);
    expect((error as ProcessError).exitCode).toBe(3);
    expect(stderr.join('\n')).toContain(
      'The user message "Say hello" does not match the recording',
    );
    expect(stderr.join('\n')).toContain('expected: "Say hello"\n    actual:   "Say goodbye"');
  });

  it('lenient: plays on and prints the divergences on stderr', async () => {
    const file = fixtureFile();
    const stderr: string[] = [];
    const messages = await collect(
      query({
        prompt: 'Say goodbye',
        options: {
          ...fake(file, { AGENTSDK_REPLAY_MODE: 'lenient' }),
          stderr: (line) => stderr.push(line),
        },
      }),
    );
    expect(messages.at(-2)).toMatchObject({ type: 'result' });
    expect(stderr.join('\n')).toContain('does not match the recording');
  });
});

describe("replayTransport mode 'update'", () => {
  it('re-records the fixture from a live run when AGENTSDK_UPDATE_FIXTURES=1 (here: the fake CLI as the live CLI)', async () => {
    const source = fixtureFile();
    const target = join(tempDir(), 'updated.jsonl');
    const transport = replayTransport(target, {
      mode: 'update',
      live: fake(source),
      env: { AGENTSDK_UPDATE_FIXTURES: '1' },
    });
    expect(transport.mode).toBe('recording');
    const live = await collect(query({ prompt: 'Say hello', transport }));
    await transport.finished();
    expect(existsSync(target)).toBe(true);
    expect(readFixture(target).header.argv).toEqual(
      expect.arrayContaining(['--output-format', 'stream-json']),
    );
    // The new fixture replays to the same messages.
    expect(
      await collect(query({ prompt: 'Say hello', transport: replayTransport(target) })),
    ).toEqual(live);
  });

  it('replays strictly when the flag is off, or in CI', () => {
    const file = fixtureFile();
    expect(replayTransport(file, { mode: 'update', env: {} }).mode).toBe('strict');
    expect(
      replayTransport(file, { mode: 'update', env: { AGENTSDK_UPDATE_FIXTURES: '1', CI: 'true' } })
        .mode,
    ).toBe('strict');
    expect(readFileSync(file, 'utf8')).toContain('agentsdk-fixture');
  });

  it('says what is missing when it cannot update', () => {
    let error: unknown;
    try {
      replayTransport(fixtureFile(), { mode: 'update', env: { AGENTSDK_UPDATE_FIXTURES: '1' } });
    } catch (e) {
      error = e;
    }
    expect(FixtureError.is(error) && error.code).toBe('UPDATE_NOT_POSSIBLE');
    expect(String(error)).toContain('has no `live` options');
  });
});
