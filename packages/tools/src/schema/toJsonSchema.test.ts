import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { createSdkMcpServer } from '../createSdkMcpServer.js';
import { ToolDefinitionError } from '../errors/ToolDefinitionError.js';
import { tool } from '../tool.js';
import type { AnyToolDefinition } from '../ToolDefinition.js';

const ctx = { signal: new AbortController().signal };

/** The `tools/list` JSON a client receives for a server holding just this tool. */
async function listedTools(tools: AnyToolDefinition[]) {
  const server = createSdkMcpServer({ name: 'snap', tools });
  const response = await server.instance.handleMessage(
    { jsonrpc: '2.0', id: 1, method: 'tools/list' },
    ctx,
  );
  return (response?.result as { tools: unknown[] }).tools;
}

const zod4Search = z
  .object({
    query: z.string().min(1).describe('Full-text query'),
    limit: z.number().int().min(1).max(100).default(10).describe('Page size'),
    sort: z.enum(['asc', 'desc']).optional(),
    filters: z.object({
      tags: z.array(z.string()).describe('Match any of these tags'),
      owner: z.object({ id: z.string(), kind: z.enum(['user', 'team']) }).optional(),
    }),
    items: z.array(z.object({ id: z.string(), qty: z.number().nonnegative() })),
    mode: z.union([z.literal('fast'), z.literal('exact')]).nullable(),
  })
  .describe('Search the catalogue');

const zod3Search = z3
  .object({
    query: z3.string().min(1).describe('Full-text query'),
    limit: z3.number().int().min(1).max(100).default(10).describe('Page size'),
    sort: z3.enum(['asc', 'desc']).optional(),
    filters: z3.object({
      tags: z3.array(z3.string()).describe('Match any of these tags'),
      owner: z3.object({ id: z3.string(), kind: z3.enum(['user', 'team']) }).optional(),
    }),
    items: z3.array(z3.object({ id: z3.string(), qty: z3.number().nonnegative() })),
    mode: z3.union([z3.literal('fast'), z3.literal('exact')]).nullable(),
  })
  .describe('Search the catalogue');

const jsonSearch = {
  type: 'object',
  description: 'Search the catalogue',
  properties: {
    query: { type: 'string', minLength: 1, description: 'Full-text query' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 10, description: 'Page size' },
    sort: { type: 'string', enum: ['asc', 'desc'] },
    filters: {
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' }, description: 'Match any of these tags' },
        owner: {
          type: 'object',
          properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['user', 'team'] } },
          required: ['id', 'kind'],
        },
      },
      required: ['tags'],
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, qty: { type: 'number', minimum: 0 } },
        required: ['id', 'qty'],
      },
    },
    mode: { type: ['string', 'null'], enum: ['fast', 'exact', null] },
  },
  required: ['query', 'filters', 'items', 'mode'],
} as const;

describe('tools/list JSON for each schema flavour', () => {
  test('Zod 4 object schema', async () => {
    expect(await listedTools([tool('search', 'Search', zod4Search, () => 'ok')])).toMatchSnapshot();
  });

  test('Zod 4 raw shape with output schema and extras', async () => {
    const t = tool(
      'stats',
      'Summarise numbers',
      { values: z.array(z.number()).min(1).describe('Numbers to summarise') },
      ({ values }) => ({
        count: values.length,
        mean: values.reduce((a, b) => a + b, 0) / values.length,
      }),
      {
        outputSchema: { count: z.number().int(), mean: z.number() },
        title: 'Statistics',
        annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
        maxResultSizeChars: 50_000,
        searchHint: 'mean average count',
      },
    );
    expect(await listedTools([t])).toMatchSnapshot();
  });

  test('Zod 3 object schema', async () => {
    expect(await listedTools([tool('search', 'Search', zod3Search, () => 'ok')])).toMatchSnapshot();
  });

  test('Zod 3 raw shape', async () => {
    const t = tool(
      'greet',
      'Greet someone',
      { name: z3.string().describe('Who'), times: z3.number().int().default(1) },
      ({ name }) => `hi ${name}`,
    );
    expect(await listedTools([t])).toMatchSnapshot();
  });

  test('plain JSON Schema is sent intact ($schema, $defs, additionalProperties)', async () => {
    const t = tool('search', 'Search', jsonSearch, () => 'ok');
    const [entry] = (await listedTools([t])) as [{ inputSchema: unknown }];
    expect(entry.inputSchema).toEqual(jsonSearch);
    const draft2020 = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: { address: { type: 'object', properties: { city: { type: 'string' } } } },
      properties: { name: { type: 'string' }, address: { $ref: '#/$defs/address' } },
      additionalProperties: false,
    } as const;
    const intact = tool('intact', 'Intact', draft2020, (args) => JSON.stringify(args));
    const [listed] = (await listedTools([intact])) as [{ inputSchema: unknown }];
    expect(listed.inputSchema).toEqual(draft2020);
    expect((await intact.call({ address: { city: 1 } })).isError).toBe(true);
    expect(await intact.call({ address: { city: 'Oslo' } })).toEqual({
      content: [{ type: 'text', text: '{"address":{"city":"Oslo"}}' }],
    });
    expect(entry).toMatchSnapshot();
  });

  test('JSON Schema without "type" gets type object; empty raw shape is an empty object', async () => {
    const a = tool('a', 'A', { properties: { x: { type: 'string' } } }, () => 'ok');
    const b = tool('b', 'B', {}, () => 'ok');
    expect(a.inputSchema).toEqual({ type: 'object', properties: { x: { type: 'string' } } });
    expect(b.inputSchema).toEqual({ type: 'object', properties: {} });
  });

  test('recursive schemas (z.lazy) use $ref in Zod 4 and Zod 3, and validate deeply', async () => {
    type Node = { name: string; children: Node[] };
    const node4: z.ZodType<Node> = z.lazy(() =>
      z.object({ name: z.string(), children: z.array(node4) }),
    );
    const node3: z3.ZodType<Node> = z3.lazy(() =>
      z3.object({ name: z3.string(), children: z3.array(node3) }),
    );
    const v4 = tool('tree', 'd', { root: node4 }, ({ root }) => root.name);
    const v3 = tool('tree', 'd', { root: node3 }, ({ root }) => root.name);
    expect({ zod4: v4.inputSchema, zod3: v3.inputSchema }).toMatchSnapshot();
    const bad = {
      root: { name: 'a', children: [{ name: 'b', children: [{ name: 3, children: [] }] }] },
    };
    expect((await v4.call(bad)).content).toEqual([
      {
        type: 'text',
        text: 'Invalid arguments for tool "tree":\n- root.children[0].children[0].name: Invalid input: expected string, received number',
      },
    ]);
    expect((await v3.call(bad)).content).toEqual([
      {
        type: 'text',
        text: 'Invalid arguments for tool "tree":\n- root.children[0].children[0].name: Expected string, received number',
      },
    ]);
  });

  test('a Zod 3 schema used twice is inlined twice (no $ref)', () => {
    const point = z3.object({ x: z3.number(), y: z3.number() });
    const { inputSchema } = tool('line', 'd', { from: point, to: point }, () => 'ok');
    expect(JSON.stringify(inputSchema)).not.toContain('$ref');
  });

  test('Zod 4 and Zod 3 agree on the common cases', () => {
    const v4 = tool('a', 'A', zod4Search, () => 'ok').inputSchema;
    const v3 = tool('a', 'A', zod3Search, () => 'ok').inputSchema;
    expect(Object.keys(v4['properties'] ?? {})).toEqual(Object.keys(v3['properties'] ?? {}));
    expect(v4['required']).toEqual(v3['required']);
  });
});

describe('schemas that cannot become JSON Schema fail at definition time', () => {
  const cases: [string, () => unknown, RegExp][] = [
    [
      'Zod 4 date',
      () => tool('t', 'd', { when: z.date() }, () => 'x'),
      /Date cannot be represented/,
    ],
    [
      'Zod 4 bigint',
      () => tool('t', 'd', { n: z.bigint() }, () => 'x'),
      /BigInt cannot be represented/,
    ],
    [
      'Zod 4 non-object root',
      () => tool('t', 'd', z.string() as never, () => 'x'),
      /must describe an object.*type "string"/,
    ],
    [
      'Zod 4 union root',
      () =>
        tool(
          't',
          'd',
          z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]),
          () => 'x',
        ),
      /must describe an object.*a union/,
    ],
    [
      'Zod 4 transform in an output schema',
      () =>
        tool('t', 'd', {}, () => ({ n: '1' }), {
          outputSchema: z.object({ n: z.number().transform(String) }),
        }),
      /output schema of tool "t" cannot be converted/,
    ],
    [
      'Zod 3 date',
      () => tool('t', 'd', { when: z3.date() }, () => 'x'),
      /ZodDate at when has no JSON equivalent; use z.string\(\).datetime\(\)/,
    ],
    [
      'Zod 3 nested map',
      () => tool('t', 'd', { a: z3.object({ m: z3.map(z3.string(), z3.number()) }) }, () => 'x'),
      /ZodMap at a.m/,
    ],
    ['Zod 3 function', () => tool('t', 'd', { f: z3.function() }, () => 'x'), /ZodFunction at f/],
    [
      'mixed Zod 3 and Zod 4 raw shape',
      () => tool('t', 'd', { a: z.string(), b: z3.string() } as never, () => 'x'),
      /mixes Zod 4 fields \(a\) and Zod 3 fields \(b\)/,
    ],
    [
      'raw shape with a non-schema field',
      () => tool('t', 'd', { a: z.string(), b: 'nope' } as never, () => 'x'),
      /"b" is not a Zod schema/,
    ],
    [
      'JSON Schema of a non-object',
      () => tool('t', 'd', { type: 'string' } as never, () => 'x'),
      /must describe an object/,
    ],
    [
      'JSON Schema Ajv cannot compile',
      () => tool('t', 'd', { type: 'object', properties: { a: { type: 'nope' } } }, () => 'x'),
      /is not a valid JSON Schema/,
    ],
    ['not a schema at all', () => tool('t', 'd', 42 as never, () => 'x'), /got number/],
  ];

  test.each(cases)('%s', (_label, define, message) => {
    let error: unknown;
    try {
      define();
    } catch (e) {
      error = e;
    }
    expect(ToolDefinitionError.is(error)).toBe(true);
    expect((error as ToolDefinitionError).code).toBe('UNSUPPORTED_SCHEMA');
    expect((error as Error).message).toMatch(message);
  });

  test('coerced dates are accepted (the model sends a string)', () => {
    expect(() => tool('t', 'd', { when: z3.coerce.date() }, () => 'x')).not.toThrow();
  });
});
