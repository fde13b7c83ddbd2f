/**
 * Record a session of the real Claude Code CLI (offline, against the scripted model server),
 * then replay it without the CLI.
 * Run alone with: ./scripts/pnpm --filter @agentsdk/testing exec vitest run test/roundTrip.cli.test.ts
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, type ClaudeAgentOptions } from '@agentsdk/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  collect,
  createModelServer,
  recordingTransport,
  ReplayDivergenceError,
  replayTransport,
  type ModelServer,
} from '../src/index.js';
import { calculator } from './support/calculator.js';
import { realCliPath } from './support/realCli.js';
import { tempDir } from './support/tempDir.js';

const CLAUDE = realCliPath ?? 'claude';
const HAVE_CLAUDE = realCliPath !== undefined;
const TIMEOUT = 60_000;

const servers: ModelServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Options that run the real CLI offline against `server`, in private dirs. */
function live(server: ModelServer, extra: ClaudeAgentOptions): ClaudeAgentOptions {
  const root = tempDir('round-trip-');
  const dirs = { home: join(root, 'home'), tmp: join(root, 'tmp'), cwd: join(root, 'project') };
  for (const dir of Object.values(dirs)) mkdirSync(dir);
  return {
    ...extra,
    cliPath: CLAUDE,
    cwd: dirs.cwd,
    env: {
      HOME: dirs.home,
      TMPDIR: dirs.tmp,
      ANTHROPIC_API_KEY: 'sk-test-offline',
      ANTHROPIC_BASE_URL: server.url,
      ANTHROPIC_AUTH_TOKEN: undefined,
      CLAUDE_CODE_MAX_RETRIES: '0',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
  };
}

describe.skipIf(!HAVE_CLAUDE)(
  `record and replay a real CLI session${HAVE_CLAUDE ? '' : ` (skipped: no CLI at ${CLAUDE})`}`,
  () => {
    it(
      'replay gives the same messages and the same tool handler calls; a changed tool answer fails strict mode',
      async () => {
        const server = await createModelServer({
          script: [
            {
              content: [
                { type: 'text', text: 'Let me multiply.' },
                {
                  type: 'tool_use',
                  id: 'toolu_mul',
                  name: 'mcp__calc__multiply',
                  input: { a: 6, b: 7 },
                },
              ],
            },
            { content: [{ type: 'text', text: '6 × 7 = 42' }] },
          ],
        });
        servers.push(server);
        const file = join(tempDir(), 'multiply.jsonl');
        const prompt = 'What is 6 times 7?';

        // 1. Record the real CLI.
        const recordedCalc = calculator();
        const options = live(server, {
          mcpServers: { calc: recordedCalc },
          allowedTools: ['mcp__calc__multiply'],
        });
        const recorder = recordingTransport({ path: file, options });
        const liveMessages = await collect(query({ prompt, options, transport: recorder }));
        await recorder.recorded();
        expect(recordedCalc.calls).toEqual([{ tool: 'multiply', args: { a: 6, b: 7 } }]);
        expect(liveMessages.at(-2)).toMatchObject({ type: 'result', result: '6 × 7 = 42' });
        // Nothing secret reached the file: the key and the server URL are redacted.
        const text = readFileSync(file, 'utf8');
        expect(text).not.toContain('sk-test-offline');
        expect(text).not.toContain(server.url);

        // 2. Replay it: no CLI, no model server; the same tool handler runs.
        const replayedCalc = calculator();
        const replay = replayTransport(file);
        const replayed = await collect(
          query({ prompt, options: { mcpServers: { calc: replayedCalc } }, transport: replay }),
        );
        expect(replayed).toEqual(liveMessages);
        expect(replayedCalc.calls).toEqual(recordedCalc.calls);
        expect((await replay.finished()).divergences).toEqual([]);

        // 3. The tool now answers differently: strict replay fails with a readable diff.
        const changed = calculator((_tool, a, b) => a * b + 1);
        const error = await collect(
          query({
            prompt,
            options: { mcpServers: { calc: changed } },
            transport: replayTransport(file),
          }),
        ).catch((e: unknown) => e);
        expect(ReplayDivergenceError.is(error)).toBe(true);
        const message = (error as Error).message;
        expect(message).toMatch(
          /The answer to mcp_message tools\/call "multiply" \(server calc\) does not match the recording \(.*multiply\.jsonl, seq \d+\):\n {2}response\.response\.mcp_response\.result\.content\[0\]\.text\n {4}expected: "42"\n {4}actual: {3}"43"/,
        );
        console.log(`[round trip] strict replay of a changed tool answer fails with:\n${message}`);
      },
      TIMEOUT,
    );
  },
);
