import { readdirSync as readdir, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ViewerError } from '../errors/ViewerError.js';
import type { Step, Timeline, ToolStep } from '../model/Timeline.js';
import { parseTimeline } from './parseTimeline.js';
import { readTimeline } from './readTimeline.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const transcriptFile = (): string => fixture('transcript');

function tools(steps: Step[]): ToolStep[] {
  return steps.flatMap((s) => (s.kind === 'tool' ? [s, ...tools(s.children)] : []));
}
const allTools = (t: Timeline): ToolStep[] => t.turns.flatMap((turn) => tools(turn.steps));
const tool = (t: Timeline, id: string): ToolStep => {
  const found = allTools(t).find((s) => s.id === id);
  if (!found) throw new Error(`no tool ${id}`);
  return found;
};

/** What every format of the recorded session must show the same way. */
function expectTheSession(t: Timeline): void {
  expect(t.turns).toHaveLength(2);
  expect(t.turns[0]?.steps[0]).toMatchObject({
    kind: 'user',
    text: expect.stringContaining('add 2 and 3'),
  });
  expect(t.turns[1]?.steps[0]).toMatchObject({
    kind: 'user',
    text: 'Thanks! What was the sum again?',
  });
  expect(t.turns[0]?.steps.find((s) => s.kind === 'thinking')).toMatchObject({
    text: expect.stringContaining('three things'),
  });
  expect(tool(t, 'toolu_ls')).toMatchObject({
    name: 'Bash',
    input: { command: 'ls' },
    isError: false,
  });
  expect(String(tool(t, 'toolu_ls').output)).toContain('notes.txt');
  expect(tool(t, 'toolu_add')).toMatchObject({ name: 'mcp__calc__add', output: '5' });
  expect(tool(t, 'toolu_rm')).toMatchObject({
    isError: true,
    output: 'Deleting files is not allowed in this project.',
  });
  // The subagent's Read call is folded under the Agent call, not in the turn.
  const agent = tool(t, 'toolu_review');
  expect(agent.name).toBe('Agent');
  expect(tools(agent.children).map((s) => s.name)).toEqual(['Read']);
  expect(t.turns[0]?.steps.some((s) => s.kind === 'tool' && s.name === 'Read')).toBe(false);
  expect(t.turns[1]?.steps.find((s) => s.kind === 'retry')).toMatchObject({
    status: 529,
    attempt: 1,
  });
  expect(t.totals.toolCalls).toBe(5);
  expect(t.totals.costUsd).toBeCloseTo(0.03774, 5);
  expect(t.totals.inputTokens).toBeGreaterThan(7000);
  for (const turn of t.turns)
    for (const s of turn.steps) if (s.t !== undefined) expect(s.t).toBeGreaterThanOrEqual(0);
}

describe('parseTimeline on recorded sessions', () => {
  it('reads an @agentsdk/testing fixture with control requests answered', () => {
    const t = readTimeline(fixture('session.jsonl'));
    expect(t.source).toMatchObject({ kind: 'fixture', name: 'session' });
    expect(t.session).toMatchObject({ model: 'claude-opus-5-5', cliVersion: '2.1.331' });
    expectTheSession(t);
    expect(t.warnings).toEqual([]);
    expect(tool(t, 'toolu_rm').control).toEqual([
      expect.objectContaining({
        kind: 'permission',
        tool: 'Bash',
        decision: 'deny',
        message: 'Deleting files is not allowed in this project.',
      }),
    ]);
    expect(tool(t, 'toolu_ls').control).toEqual([
      expect.objectContaining({
        kind: 'hook',
        event: 'PostToolUse',
        output: {
          hookSpecificOutput: expect.objectContaining({
            additionalContext: 'Bash ran inside the project folder.',
          }),
        },
      }),
    ]);
    expect(tool(t, 'toolu_add').control[0]).toMatchObject({
      kind: 'mcp',
      server: 'calc',
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 2, b: 3 } },
      result: { content: [{ type: 'text', text: '5' }] },
    });
    expect(tool(t, 'toolu_add').durationMs).toBeGreaterThan(0);
    expect(t.turns[0]?.steps.at(-1)).toMatchObject({
      kind: 'result',
      subtype: 'success',
      isError: false,
    });
    expect(t.turns[0]?.usage).toMatchObject({
      inputTokens: 7070,
      outputTokens: 300,
      cacheReadTokens: 900,
    });
  });

  it('reads the CLI transcript, with the subagent from its own file', () => {
    const dir = transcriptFile();
    const main = readdir(dir).find((f) => f.endsWith('.jsonl')) as string;
    const t = readTimeline(`${dir}/${main}`);
    expect(t.source.kind).toBe('transcript');
    expectTheSession(t);
    const agent = tool(t, 'toolu_review');
    expect(agent.children.filter((s) => s.kind === 'text').map((s) => s.text)).toEqual([
      'Reading the notes.',
      'The notes are a shopping list: apples, pears and a pineapple.',
    ]);
  });

  it('reads an agent-platform export ({"events":[…]}) and its NDJSON form', () => {
    const text = readFileSync(fixture('platform-export.json'), 'utf8');
    const t = parseTimeline(text, 'export.json');
    expect(t.source.kind).toBe('platform');
    expectTheSession(t);
    const events = (JSON.parse(text) as { events: unknown[] }).events;
    const ndjson = parseTimeline(events.map((e) => JSON.stringify(e)).join('\n'), 'events.jsonl');
    expect(ndjson.turns).toEqual(t.turns);
    const retried = parseTimeline(
      JSON.stringify({
        events: [
          {
            sessionId: 's',
            id: 1,
            createdAt: 1,
            payload: { kind: 'retry', attempt: 1, status: 529, delayMs: 500 },
          },
        ],
      }),
    );
    expect(retried.turns[0]?.steps[0]).toMatchObject({ kind: 'retry', status: 529, delayMs: 500 });
  });
});

describe('parseTimeline on bad input', () => {
  const header = JSON.stringify({
    format: 'agentsdk-fixture',
    version: 1,
    recorded_at: 'x',
    cli_version: null,
    sdk_version: '0',
    options: {},
  });
  const user = JSON.stringify({
    seq: 1,
    t_ms: 1,
    dir: 'sdk->cli',
    msg: { type: 'user', message: { role: 'user', content: 'hi' }, parent_tool_use_id: null },
  });

  it('says when the file is empty', () => {
    expect(() => parseTimeline('\n\n', 'empty.jsonl')).toThrow(/empty\.jsonl is empty/);
  });

  it('names the line that is not JSON', () => {
    let error: unknown;
    try {
      parseTimeline(`${header}\nthis is not json\n${user}\n`, 'bad.jsonl');
    } catch (e) {
      error = e;
    }
    expect(ViewerError.is(error)).toBe(true);
    expect((error as ViewerError).code).toBe('NOT_JSON');
    expect((error as ViewerError).message).toMatch(/^bad\.jsonl:2 is not JSON/);
  });

  it('shows a truncated file up to its last complete line, with a warning', () => {
    const t = parseTimeline(
      `${header}\n${user}\n{"seq":2,"t_ms":2,"dir":"cli->sdk","msg":{"type":"assis`,
      'cut.jsonl',
    );
    expect(t.turns[0]?.steps).toEqual([expect.objectContaining({ kind: 'user', text: 'hi' })]);
    expect(t.warnings[0]).toMatch(/cut\.jsonl ends in the middle of line 3: the file is truncated/);
  });

  it('keeps an unknown message kind as an unknown step and warns', () => {
    const odd = JSON.stringify({
      seq: 2,
      t_ms: 2,
      dir: 'cli->sdk',
      msg: { type: 'teleport', to: 'mars' },
    });
    const t = parseTimeline(`${header}\n${user}\n${odd}\n`, 'odd.jsonl');
    expect(t.turns[0]?.steps[1]).toMatchObject({
      kind: 'unknown',
      label: 'teleport',
      raw: { type: 'teleport', to: 'mars' },
    });
    expect(t.warnings).toEqual(['line 3: unknown message kind "teleport" (shown as is).']);
  });

  it('rejects JSON of no known format, naming what it saw', () => {
    expect(() => parseTimeline('{"hello":"world"}\n', 'x.jsonl')).toThrow(
      /x\.jsonl:1 is no format agentsdk view knows \(keys: hello\)/,
    );
    expect(() => parseTimeline('42\n', 'n.jsonl')).toThrow(/n\.jsonl:1 is not a JSON object: 42/);
  });

  it('reports a missing file', () => {
    expect(() => readTimeline('/nonexistent/session.jsonl')).toThrow(
      /Cannot read \/nonexistent\/session\.jsonl: no such file/,
    );
  });
});
