import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { ToolDefinitionError } from './errors/ToolDefinitionError.js';
import { jsonSchema } from './schema/jsonSchema.js';
import { isToolDefinition, tool } from './tool.js';
import type { LoggingLevel, ToolProgress } from './ToolDefinition.js';

const text = (result: { content: unknown[] }) =>
  (result.content as { type: string; text?: string }[]).map((c) => c.text).join('\n');

describe('input validation: readable isError results, handler not run', () => {
  const shape = {
    city: z.string().min(2).describe('City name'),
    days: z.number().int().min(1).max(7),
    units: z.enum(['metric', 'imperial']).default('metric'),
    coords: z.object({ lat: z.number(), lon: z.number() }).optional(),
  };
  let ran = 0;
  const forecast = tool('forecast', 'Weather forecast', shape, (args) => {
    ran++;
    return JSON.stringify(args);
  });

  test('Zod 4: every bad field named with what is wrong', async () => {
    const result = await forecast.call({
      city: 'X',
      days: 9.5,
      units: 'kelvin',
      coords: { lat: 'n' },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatchInlineSnapshot(`
      "Invalid arguments for tool "forecast":
      - city: Too small: expected string to have >=2 characters
      - days: Invalid input: expected int, received number
      - units: Invalid option: expected one of "metric"|"imperial"
      - coords.lat: Invalid input: expected number, received string
      - coords.lon: Invalid input: expected number, received undefined"
    `);
    expect(ran).toBe(0);
  });

  test('Zod 4: valid input gets defaults applied before the handler', async () => {
    const result = await forecast.call({ city: 'Oslo', days: 2 });
    expect(result.isError).toBeUndefined();
    expect(JSON.parse(text(result))).toEqual({ city: 'Oslo', days: 2, units: 'metric' });
  });

  test('missing arguments are validated as {}', async () => {
    const result = await forecast.call(undefined);
    expect(text(result)).toContain('- city: Invalid input: expected string, received undefined');
  });

  test('Zod 3', async () => {
    const t = tool('t3', 'd', { n: z3.number(), tags: z3.array(z3.string()) }, () => 'ok');
    const result = await t.call({ n: '1', tags: ['a', 2] });
    expect(text(result)).toMatchInlineSnapshot(`
      "Invalid arguments for tool "t3":
      - n: Expected number, received string
      - tags[1]: Expected string, received number"
    `);
  });

  test('Zod 3 defaults apply', async () => {
    const t = tool('t3', 'd', { n: z3.number().default(4) }, ({ n }) => `${n * 2}`);
    expect(text(await t.call({}))).toBe('8');
  });

  test('JSON Schema (Ajv)', async () => {
    const t = tool(
      'js',
      'd',
      jsonSchema<{ name: string; tags?: string[] }>({
        type: 'object',
        properties: {
          name: { type: 'string' },
          tags: { type: 'array', items: { type: 'string' } },
        },
        required: ['name'],
        additionalProperties: false,
      }),
      ({ name }) => `hello ${name}`,
    );
    expect(text(await t.call({ name: 'Ada' }))).toBe('hello Ada');
    const result = await t.call({ tags: ['a', 1], extra: true });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatchInlineSnapshot(`
      "Invalid arguments for tool "js":
      - (root): must have required property 'name'
      - (root): must NOT have additional properties
      - tags[1]: must be string"
    `);
  });

  test('async refinements work', async () => {
    const t = tool(
      'r',
      'd',
      { id: z.string().refine(async (v) => v.startsWith('u_'), 'must start with u_') },
      ({ id }) => id,
    );
    expect(text(await t.call({ id: 'u_1' }))).toBe('u_1');
    expect(text(await t.call({ id: 'x' }))).toContain('- id: must start with u_');
  });
});

describe('results', () => {
  test('a string becomes one text block', async () => {
    const t = tool('s', 'd', {}, () => 'hello');
    expect(await t.call({})).toEqual({ content: [{ type: 'text', text: 'hello' }] });
  });

  test('content arrays: text, image, resource_link', async () => {
    const blocks = [
      { type: 'text', text: 'see image' },
      { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
      {
        type: 'resource_link',
        uri: 'file:///tmp/report.csv',
        name: 'report.csv',
        mimeType: 'text/csv',
      },
    ] as const;
    const t = tool('c', 'd', {}, async () => [...blocks]);
    expect(await t.call({})).toEqual({ content: blocks });
  });

  test('a full result passes through, isError included', async () => {
    const t = tool('f', 'd', {}, () => ({
      content: [{ type: 'text', text: 'Error: Division by zero' }],
      isError: true,
    }));
    expect(await t.call({})).toEqual({
      content: [{ type: 'text', text: 'Error: Division by zero' }],
      isError: true,
    });
  });

  test('a thrown error becomes an isError result naming the tool', async () => {
    const t = tool('boom', 'd', {}, () => {
      throw new Error('disk full');
    });
    expect(await t.call({})).toEqual({
      content: [{ type: 'text', text: 'Tool "boom" failed: disk full' }],
      isError: true,
    });
    const rejects = tool('rej', 'd', {}, () => Promise.reject('plain string'));
    expect(text(await rejects.call({}))).toBe('Tool "rej" failed: plain string');
  });

  test('a result that cannot be rendered fails like a throwing handler, sync or async', async () => {
    const reported: unknown[] = [];
    const onError = (error: unknown) => void reported.push(error);
    const sync = tool('big', 'd', {}, () => ({ n: 1n }) as never);
    expect(text(await sync.call({}, { onError }))).toMatch(/^Tool "big" failed: .*BigInt/);
    const later = tool('bigLater', 'd', {}, async () => ({ n: 1n }) as never);
    expect(text(await later.call({}, { onError }))).toMatch(/^Tool "bigLater" failed: .*BigInt/);
    expect(reported).toHaveLength(2);
  });

  test('an invalid content block becomes an isError result', async () => {
    const t = tool('bad', 'd', {}, () => [{ type: 'image' }] as never);
    const result = await t.call({});
    expect(result.isError).toBe(true);
    expect(text(result)).toMatch(/^Tool "bad" returned an invalid result: /);
  });
});

describe('output schema', () => {
  const stats = tool(
    'stats',
    'd',
    { values: z.array(z.number()) },
    ({ values }) =>
      values[0] === -1
        ? ({ count: 'many' } as never)
        : { count: values.length, max: Math.max(...values) },
    { outputSchema: { count: z.number().int(), max: z.number() } },
  );

  test('typed output → validated structuredContent + JSON text', async () => {
    expect(await stats.call({ values: [1, 5] })).toEqual({
      content: [{ type: 'text', text: '{"count":2,"max":5}' }],
      structuredContent: { count: 2, max: 5 },
    });
  });

  test('output that breaks the schema is an isError result', async () => {
    const result = await stats.call({ values: [-1] });
    expect(result.isError).toBe(true);
    expect(text(result)).toMatchInlineSnapshot(`
      "Tool "stats" returned output that does not match its outputSchema:
      - count: Invalid input: expected number, received string
      - max: Invalid input: expected number, received undefined"
    `);
  });

  test('a full result with structuredContent keeps its own content', async () => {
    const t = tool(
      'full',
      'd',
      {},
      () => ({ content: [{ type: 'text', text: 'two' }], structuredContent: { n: 2 } }),
      { outputSchema: z.object({ n: z.number() }) },
    );
    expect(await t.call({})).toEqual({
      content: [{ type: 'text', text: 'two' }],
      structuredContent: { n: 2 },
    });
  });

  test('no structured output although declared is an isError result', async () => {
    const t = tool('none', 'd', {}, () => 'just text' as never, {
      outputSchema: z.object({ n: z.number() }),
    });
    expect(text(await t.call({}))).toMatch(
      /declares an outputSchema but returned no structured output/,
    );
  });

  test('isError results skip output validation', async () => {
    const t = tool(
      'e',
      'd',
      {},
      () => ({ content: [{ type: 'text', text: 'nope' }], isError: true }),
      {
        outputSchema: z.object({ n: z.number() }),
      },
    );
    expect(await t.call({})).toEqual({ content: [{ type: 'text', text: 'nope' }], isError: true });
  });

  test('Zod 3 and JSON Schema output schemas', async () => {
    const v3 = tool('v3', 'd', {}, () => ({ ok: 'yes' as unknown as boolean }), {
      outputSchema: z3.object({ ok: z3.boolean() }),
    });
    expect(text(await v3.call({}))).toContain('- ok: Expected boolean, received string');
    const js = tool('js', 'd', {}, () => ({ ok: true }), {
      outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
    });
    expect(await js.call({})).toEqual({
      content: [{ type: 'text', text: '{"ok":true}' }],
      structuredContent: { ok: true },
    });
  });
});

describe('handler context', () => {
  test('signal, toolUseId, meta, progress and log', async () => {
    const progress: ToolProgress[] = [];
    const logs: [LoggingLevel, unknown][] = [];
    const controller = new AbortController();
    const t = tool('ctx', 'd', {}, async (_args, context) => {
      await context.reportProgress({ progress: 1, total: 2, message: 'half' });
      await context.log('info', { step: 1 });
      expect(context.signal).toBe(controller.signal);
      return `${context.toolName} ${context.toolUseId} ${String(context.meta['progressToken'])}`;
    });
    const result = await t.call(
      {},
      {
        signal: controller.signal,
        meta: { 'claudecode/toolUseId': 'toolu_1', progressToken: 7 },
        onProgress: (p) => void progress.push(p),
        onLog: (level, data) => void logs.push([level, data]),
      },
    );
    expect(text(result)).toBe('ctx toolu_1 7');
    expect(progress).toEqual([{ progress: 1, total: 2, message: 'half' }]);
    expect(logs).toEqual([['info', { step: 1 }]]);
  });

  test('progress and log never throw, even when the sink does', async () => {
    const t = tool('quiet', 'd', {}, async (_a, context) => {
      await context.reportProgress({ progress: 1 });
      await context.log('error', 'x');
      return 'fine';
    });
    const failing = () => {
      throw new Error('closed');
    };
    expect(text(await t.call({}, { onProgress: failing, onLog: failing }))).toBe('fine');
    expect(text(await t.call({}))).toBe('fine');
  });

  test('a handler that throws after its signal aborted reports a cancellation', async () => {
    const controller = new AbortController();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const t = tool('slow', 'd', {}, (_a, { signal }) => {
      started();
      return new Promise<string>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    });
    const pending = t.call({}, { signal: controller.signal });
    await running;
    controller.abort();
    const cancelled = {
      content: [{ type: 'text', text: 'Tool "slow" was cancelled.' }],
      isError: true,
    };
    expect(await pending).toEqual(cancelled);
    // Already aborted: the handler does not start.
    let ran = false;
    const never = tool('never', 'd', {}, () => {
      ran = true;
      return 'x';
    });
    expect(await never.call({}, { signal: controller.signal })).toEqual({
      ...cancelled,
      content: [{ type: 'text', text: 'Tool "never" was cancelled.' }],
    });
    expect(ran).toBe(false);
  });
});

describe('definition-time errors', () => {
  const expectError = (define: () => unknown, code: string, message: RegExp) => {
    let error: unknown;
    try {
      define();
    } catch (e) {
      error = e;
    }
    expect(ToolDefinitionError.is(error)).toBe(true);
    expect(error).toBeInstanceOf(ToolDefinitionError);
    expect((error as ToolDefinitionError).code).toBe(code);
    expect((error as Error).message).toMatch(message);
  };

  test.each(['', 'has space', 'dot.name', 'x'.repeat(65), 'ünï'])('invalid name %j', (name) => {
    expectError(() => tool(name, 'd', {}, () => 'x'), 'INVALID_TOOL_NAME', /Invalid tool name/);
  });

  test('valid names', () => {
    for (const name of ['add', 'get_user', 'web-search', 'A1', 'x'.repeat(64)]) {
      expect(isToolDefinition(tool(name, 'd', {}, () => 'x'))).toBe(true);
    }
  });

  test('missing handler, bad description, bad extras', () => {
    expectError(() => tool('a', 'd', {}, undefined as never), 'INVALID_TOOL_DEFINITION', /handler/);
    expectError(
      () => tool('a', 5 as never, {}, () => 'x'),
      'INVALID_TOOL_DEFINITION',
      /description/,
    );
    expectError(
      () => tool('a', 'd', {}, () => 'x', { maxResultSizeChars: -1 }),
      'INVALID_TOOL_DEFINITION',
      /maxResultSizeChars must be a positive finite number/,
    );
    expectError(
      () => tool('a', 'd', {}, () => 'x', { alwaysLoad: 'yes' as never }),
      'INVALID_TOOL_DEFINITION',
      /alwaysLoad must be a boolean/,
    );
  });

  test('definitions are frozen', () => {
    const t = tool('a', 'd', {}, () => 'x');
    expect(Object.isFrozen(t)).toBe(true);
  });
});
