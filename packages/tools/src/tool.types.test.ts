import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import * as zm from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { createSdkMcpServer } from './createSdkMcpServer.js';
import { jsonSchema } from './schema/jsonSchema.js';
import { tool } from './tool.js';
import type { ToolContext, ToolDefinition } from './ToolDefinition.js';
import { mcpToolName, mcpToolNames } from './toolNames.js';

// These tests are checked by `tsc` (the package typecheck); at run time they only call tool().
describe('tool() type inference', () => {
  test('Zod 4 raw shape: optional and default fields', () => {
    tool(
      'a',
      'd',
      { n: z.number(), s: z.string().optional(), d: z.number().default(1), e: z.enum(['x', 'y']) },
      (args, context) => {
        expectTypeOf(args).toEqualTypeOf<{
          n: number;
          s?: string | undefined;
          d: number;
          e: 'x' | 'y';
        }>();
        expectTypeOf(context).toEqualTypeOf<ToolContext>();
        return 'ok';
      },
    );
  });

  test('Zod 4 object schema, nested and arrays', () => {
    const schema = z.object({
      user: z.object({ name: z.string(), tags: z.array(z.string()) }),
      limit: z.number().int().optional(),
    });
    tool('b', 'd', schema, (args) => {
      expectTypeOf(args).toEqualTypeOf<z.output<typeof schema>>();
      expectTypeOf(args.user.tags).toEqualTypeOf<string[]>();
      return [];
    });
  });

  test('zod/mini schemas', () => {
    tool('m', 'd', { q: zm.string(), k: zm.optional(zm.number()) }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ q: string; k?: number | undefined }>();
      return 'ok';
    });
  });

  test('Zod 3 raw shape and object schema', () => {
    tool(
      'c',
      'd',
      { n: z3.number(), s: z3.string().optional(), d: z3.number().default(2) },
      (args) => {
        expectTypeOf(args).toEqualTypeOf<{ n: number; s?: string | undefined; d: number }>();
        return 'ok';
      },
    );
    const schema = z3.object({ list: z3.array(z3.object({ id: z3.string() })) });
    tool('d', 'd', schema, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ list: { id: string }[] }>();
      return 'ok';
    });
  });

  test('JSON Schema: Record<string, unknown>, or the type given to jsonSchema<T>()', () => {
    tool('e', 'd', { type: 'object', properties: { q: { type: 'string' } } }, (args) => {
      expectTypeOf(args).toEqualTypeOf<Record<string, unknown>>();
      return 'ok';
    });
    const typed = jsonSchema<{ q: string }>({
      type: 'object',
      properties: { q: { type: 'string' } },
    });
    tool('f', 'd', typed, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ q: string }>();
      return 'ok';
    });
  });

  test('handler return: output schema types structured output', () => {
    const t = tool('g', 'd', { a: z.number() }, ({ a }) => ({ doubled: a * 2, label: 'x' }), {
      outputSchema: { doubled: z.number(), label: z.string() },
    });
    expectTypeOf(t).toEqualTypeOf<
      ToolDefinition<'g', { a: number }, { doubled: number; label: string }>
    >();
    tool(
      'h',
      'd',
      {},
      // @ts-expect-error the output must match the output schema
      () => ({ doubled: 'nope' }),
      { outputSchema: z.object({ doubled: z.number() }) },
    );
    tool(
      'i',
      'd',
      {},
      () => ({
        content: [{ type: 'text', text: 'x' }],
        structuredContent: { doubled: 1 },
      }),
      { outputSchema: z.object({ doubled: z.number() }) },
    );
    // @ts-expect-error without an output schema a bare object is not a result
    tool('j', 'd', {}, () => ({ doubled: 1 }));
    tool('k', 'd', {}, async () => [
      { type: 'text', text: 'x' },
      { type: 'image', data: 'AAAA', mimeType: 'image/png' },
      { type: 'resource_link', uri: 'file:///x', name: 'x' },
    ]);
  });

  test('server config: typed tool names', () => {
    const add = tool('add', 'd', { a: z.number() }, () => 'x');
    const div = tool('divide', 'd', { a: z.number() }, () => 'x');
    const calc = createSdkMcpServer({ name: 'calc', version: '1.0.0', tools: [add, div] });
    expectTypeOf(calc.name).toEqualTypeOf<'calc'>();
    expectTypeOf(calc.toolNames()).toEqualTypeOf<('mcp__calc__add' | 'mcp__calc__divide')[]>();
    expectTypeOf(calc.toolNames('math')).toEqualTypeOf<
      ('mcp__math__add' | 'mcp__math__divide')[]
    >();
    expectTypeOf(mcpToolNames(calc)).toEqualTypeOf<('mcp__calc__add' | 'mcp__calc__divide')[]>();
    expectTypeOf(mcpToolName('calc', 'add')).toEqualTypeOf<'mcp__calc__add'>();
  });
});
