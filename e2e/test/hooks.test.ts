import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e } from './harness.js';
import { callTool, collect, denyTool, results, say, textSeen, toolResultsIn } from './wire.js';

describe('hooks against the real CLI', () => {
  it('PreToolUse with a matcher denies Bash and is not called for Read', async () => {
    const t = await e2e([
      callTool('Read', { file_path: 'notes.txt' }, 'toolu_read'),
      callTool('Bash', { command: 'echo hi', description: 'say hi' }, 'toolu_bash'),
      say('done'),
    ]);
    writeFileSync(join(t.cwd, 'notes.txt'), 'some notes\n');
    const seen: string[] = [];
    const [result] = results(
      await collect(
        query({
          prompt: 'read then run',
          options: t.options({
            hooks: denyTool('Bash', 'No shell in this test.', seen),
          }),
        }),
      ),
    );
    expect(seen).toEqual(['Bash']);
    const bash = toolResultsIn(t.server.lastMainRequest()).find(
      (r) => r.tool_use_id === 'toolu_bash',
    );
    expect(bash?.is_error).toBe(true);
    expect(JSON.stringify(bash?.content)).toContain('No shell in this test.');
    expect(result?.permission_denials.map((d) => d.tool_use_id)).toEqual(['toolu_bash']);
  });

  it('PostToolUse additionalContext and UserPromptSubmit context reach the model', async () => {
    const t = await e2e([callTool('Read', { file_path: 'a.txt' }), say('done')]);
    writeFileSync(join(t.cwd, 'a.txt'), 'alpha\n');
    const prompts: string[] = [];
    await collect(
      query({
        prompt: 'read a.txt please',
        options: t.options({
          hooks: {
            UserPromptSubmit: [
              {
                hooks: [
                  (input) => {
                    prompts.push(input.prompt);
                    return {
                      hookSpecificOutput: {
                        hookEventName: 'UserPromptSubmit',
                        additionalContext: 'CTX-PROMPT-7',
                      },
                    };
                  },
                ],
              },
            ],
            PostToolUse: [
              {
                hooks: [
                  (input) => ({
                    hookSpecificOutput: {
                      hookEventName: 'PostToolUse',
                      additionalContext: `CTX-AFTER-${input.tool_name}`,
                    },
                  }),
                ],
              },
            ],
          },
        }),
      }),
    );
    expect(prompts).toEqual(['read a.txt please']);
    const [first, second] = t.server.mainRequests();
    expect(textSeen(first)).toContain('CTX-PROMPT-7');
    expect(textSeen(second)).toContain('CTX-AFTER-Read');
  });

  it('a hook that throws is reported and the session goes on', async () => {
    const t = await e2e([callTool('Read', { file_path: 'b.txt' }), say('still alive')]);
    writeFileSync(join(t.cwd, 'b.txt'), 'beta\n');
    const warnings: string[] = [];
    const [result] = results(
      await collect(
        query({
          prompt: 'read b.txt',
          options: t.options({
            onWarning: (w) => warnings.push(w.message),
            hooks: {
              PreToolUse: [
                {
                  hooks: [
                    () => {
                      throw new Error('audit log is down');
                    },
                  ],
                },
              ],
            },
          }),
        }),
      ),
    );
    expect(result).toMatchObject({ subtype: 'success', result: 'still alive' });
    expect(warnings.join('\n')).toContain('audit log is down');
  });
});
