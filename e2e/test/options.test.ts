import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query, type SDKMessage, type SDKSystemInitMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { e2e, type E2E } from './harness.js';
import { collect, results, say, textSeen } from './wire.js';

async function run(
  t: E2E,
  options: Parameters<E2E['options']>[0],
  prompt = 'hi',
): Promise<SDKMessage[]> {
  return collect(query({ prompt, options: t.options(options) }));
}

function init(messages: SDKMessage[]): SDKSystemInitMessage {
  const found = messages.find(
    (m): m is SDKSystemInitMessage => m.type === 'system' && m.subtype === 'init',
  );
  if (!found) throw new Error('no system/init message');
  return found;
}

const apiToolNames = (t: E2E): string[] =>
  ((t.server.lastMainRequest()?.body?.tools ?? []) as Array<{ name: string }>)
    .map((tool) => tool.name)
    .filter((name) => name !== 'DeferredToolPlaceholder'); // the CLI's stand-in for deferred tools

describe('options the CLI applies', () => {
  it('tools, allowedTools and disallowedTools shape the tool set', async () => {
    const t = await e2e([say('a'), say('b')]);
    const only = init(await run(t, { tools: ['Read', 'Bash'] }));
    expect(only.tools.sort()).toEqual(['Bash', 'Read']);
    expect(apiToolNames(t).sort()).toEqual(['Bash', 'Read']);
    const without = init(await run(t, { disallowedTools: ['Bash'] }));
    expect(without.tools).not.toContain('Bash');
    expect(without.tools).toContain('Read');
  });

  it('systemPrompt: a string replaces the prompt, the preset appends', async () => {
    const t = await e2e([say('a'), say('b')]);
    await run(t, { systemPrompt: 'You are a pirate. PIRATE-MARK' });
    expect(JSON.stringify(t.server.lastMainRequest()?.body?.system)).toContain('PIRATE-MARK');
    await run(t, {
      systemPrompt: { type: 'preset', preset: 'claude_code', append: 'APPEND-MARK' },
    });
    const system = JSON.stringify(t.server.lastMainRequest()?.body?.system);
    expect(system).toContain('Claude Code');
    expect(system).toContain('APPEND-MARK');
  });

  it('settingSources: none by default, project settings and CLAUDE.md when listed', async () => {
    const t = await e2e([say('a'), say('b')]);
    writeFileSync(join(t.cwd, 'CLAUDE.md'), 'Project memory: CLAUDE-MD-MARK\n');
    await run(t, {});
    expect(textSeen(t.server.lastMainRequest())).not.toContain('CLAUDE-MD-MARK');
    await run(t, { settingSources: ['project'] });
    expect(textSeen(t.server.lastMainRequest())).toContain('CLAUDE-MD-MARK');
  });

  it('addDirs, model, effort and partial messages', async () => {
    const t = await e2e([say('streamed answer'), say('second')]);
    const extra = join(t.home, 'extra-dir');
    mkdirSync(extra);
    const messages = await run(t, {
      addDirs: [extra],
      effort: 'low',
      includePartialMessages: true,
    });
    expect(init(messages).additional_directories).toContain(extra);
    expect(t.server.lastMainRequest()?.body?.output_config).toMatchObject({ effort: 'low' });
    const deltas = messages.filter(
      (m) => m.type === 'stream_event' && m.event.type === 'content_block_delta',
    );
    expect(deltas.length).toBeGreaterThan(0);
    const other = await run(t, { model: 'claude-sonnet-4-5' });
    expect(init(other).model).toBe('claude-sonnet-4-5');
    expect(t.server.lastMainRequest()?.model).toBe('claude-sonnet-4-5');
  });

  it('plugins load from a local folder', async () => {
    const t = await e2e([say('a')]);
    const plugin = join(t.home, 'hello-plugin');
    mkdirSync(join(plugin, '.claude-plugin'), { recursive: true });
    mkdirSync(join(plugin, 'commands'));
    writeFileSync(
      join(plugin, '.claude-plugin', 'plugin.json'),
      JSON.stringify({ name: 'hello-plugin', version: '1.0.0' }),
    );
    writeFileSync(
      join(plugin, 'commands', 'greet.md'),
      '---\ndescription: Greet someone\n---\nSay hello to $ARGUMENTS\n',
    );
    const info = init(await run(t, { plugins: [{ type: 'local', path: plugin }] }));
    expect(info.plugins).toContainEqual(expect.objectContaining({ name: 'hello-plugin' }));
    expect(info.slash_commands.join(' ')).toContain('greet');
  });

  it('maxBudgetUsd stops the session with error_max_budget_usd', async () => {
    const t = await e2e([
      {
        content: [{ type: 'tool_use', name: 'Read', input: { file_path: 'x.txt' } }],
        usage: { input_tokens: 1000, output_tokens: 1000 },
      },
      say('never'),
    ]);
    writeFileSync(join(t.cwd, 'x.txt'), 'x');
    const [result] = results(await run(t, { maxBudgetUsd: 0.001 }));
    expect(result).toMatchObject({ subtype: 'error_max_budget_usd', is_error: true });
  });

  it('persistSession: false writes no session transcript', async () => {
    const t = await e2e([say('a')]);
    await run(t, { persistSession: false });
    const projects = join(t.home, '.claude', 'projects');
    const transcripts = existsSync(projects)
      ? readdirSync(projects, { recursive: true }).filter((f) => String(f).endsWith('.jsonl'))
      : [];
    expect(transcripts).toEqual([]);
  });

  it('sandbox settings reach the CLI', async () => {
    const t = await e2e([say('a')]);
    const q = query({
      prompt: 'hi',
      options: t.options({ sandbox: { enabled: true, excludedCommands: ['git'] } }),
    });
    const settings = await q.getSettings();
    await collect(q);
    expect(JSON.stringify(settings)).toContain('excludedCommands');
  });
});
