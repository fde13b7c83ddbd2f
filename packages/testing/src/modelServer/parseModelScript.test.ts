import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelScript } from './loadModelScript.js';
import { ModelServerError } from './ModelServerError.js';
import { parseModelScript, parseModelTurn } from './parseModelScript.js';

/** The fake-API scripts of the recorded traces in packages/core/test/fixtures/traces (docs/protocol.md). */
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/mock-scripts/', import.meta.url));

function invalid(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(ModelServerError.is(error)).toBe(true);
    expect((error as ModelServerError).code).toBe('INVALID_SCRIPT');
    return (error as Error).message;
  }
  throw new Error('expected INVALID_SCRIPT');
}

describe('parseModelScript', () => {
  it('accepts every turn and block kind and returns a copy', () => {
    const input = {
      turns: [
        {
          content: [
            { type: 'thinking', thinking: 'hmm', signature: 's' },
            { type: 'text', text: 'hi' },
            { type: 'tool_use', name: 'Bash', input: { command: 'echo hi' } },
            { type: 'redacted_thinking', data: 'x' },
          ],
          stop_reason: 'tool_use',
          usage: { input_tokens: 1, output_tokens: 2 },
          chunk_chars: 4,
          delay_ms: 0,
          model: 'claude-x',
          stall: true,
          stall_after_chars: 3,
        },
        {
          error: {
            status: 529,
            type: 'overloaded_error',
            message: 'busy',
            retry_after: 0,
            headers: { 'x-a': 'b' },
          },
        },
        { error: { status: 401 }, stall: true },
      ],
    };
    const script = parseModelScript(input);
    expect(script).toEqual(input);
    expect(script.turns[0]).not.toBe(input.turns[0]);
  });

  it('names the field, the value and the expectation in errors', () => {
    expect(
      invalid(() => parseModelScript({ turns: [{ content: [{ type: 'text', text: 1 }] }] })),
    ).toBe('Invalid model script: turns[0].content[0].text: expected a string, got number 1');
    expect(
      invalid(() => parseModelScript({ turns: [{ content: [{ type: 'tool_use', name: 'X' }] }] })),
    ).toContain('turns[0].content[0].input: expected an object, got nothing');
    expect(
      invalid(() => parseModelScript({ turns: [{ content: [{ type: 'image' }] }] })),
    ).toContain('unknown block type the string "image"');
    expect(
      invalid(() => parseModelScript({ turns: [{ content: [], stall_after_char: 3 }] })),
    ).toContain('turns[0]: unknown field "stall_after_char"');
    expect(invalid(() => parseModelScript({ turns: [{ error: { status: 200 } }] }))).toContain(
      'turns[0].error.status: expected an integer >= 400, got number 200',
    );
    expect(
      invalid(() => parseModelScript({ turns: [{ content: [], stop_reason: 'done' }] })),
    ).toContain('turns[0].stop_reason: expected one of end_turn');
    expect(invalid(() => parseModelScript({ turns: [{}] }))).toContain('either "content"');
    expect(invalid(() => parseModelScript({ steps: [] }))).toContain('unknown field "steps"');
    expect(invalid(() => parseModelScript([]))).toContain(
      'script: expected an object, got an array',
    );
    expect(invalid(() => parseModelTurn({ content: [], chunk_chars: 0 }))).toContain('chunk_chars');
  });
});

describe('loadModelScript', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('loads every trace script (*.mock.json)', async () => {
    const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.mock.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const script = await loadModelScript(join(FIXTURES, file));
      expect(script.turns.length, file).toBeGreaterThan(0);
    }
    const f1 = await loadModelScript(
      new URL(
        '../../test/fixtures/mock-scripts/f1-interrupt-mid-stream.mock.json',
        import.meta.url,
      ),
    );
    expect(f1.turns[0]).toMatchObject({ chunk_chars: 12, delay_ms: 40 });
  });

  it('names the file when it is missing, not JSON or invalid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'model-script-'));
    dirs.push(dir);
    await expect(loadModelScript(join(dir, 'missing.json'))).rejects.toThrow(
      /Cannot read model script .*missing\.json/,
    );
    await writeFile(join(dir, 'bad.json'), '{ nope');
    await expect(loadModelScript(join(dir, 'bad.json'))).rejects.toThrow(
      /bad\.json is not valid JSON/,
    );
    await writeFile(join(dir, 'wrong.json'), '{"turns":[{"content":"hi"}]}');
    await expect(loadModelScript(join(dir, 'wrong.json'))).rejects.toThrow(
      /Invalid model script .*wrong\.json: turns\[0\]\.content: expected an array of blocks/,
    );
  });
});
