import type { SDKMessage } from '@agentsdk/core';
import { describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { toolCalls } from './toolCalls.js';
import { totalCost } from './totalCost.js';

const messages = [
  {
    type: 'assistant',
    parent_tool_use_id: null,
    message: {
      content: [
        { type: 'text', text: 'Let me add.' },
        { type: 'tool_use', id: 'toolu_1', name: 'mcp__calc__add', input: { a: 2, b: 3 } },
      ],
    },
  },
  {
    type: 'user',
    parent_tool_use_id: null,
    message: {
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '5' }] },
      ],
    },
  },
  {
    type: 'assistant',
    parent_tool_use_id: null,
    message: {
      content: [{ type: 'tool_use', id: 'toolu_2', name: 'Bash', input: { command: 'touch x' } }],
    },
  },
  {
    type: 'user',
    parent_tool_use_id: null,
    message: {
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: 'denied', is_error: true }],
    },
  },
  { type: 'result', subtype: 'success', total_cost_usd: 0.00028 },
  { type: 'result', subtype: 'success', total_cost_usd: 0.00042 },
] as unknown as SDKMessage[];

describe('assertions', () => {
  it('toolCalls pairs each tool_use with its result', () => {
    expect(toolCalls(messages)).toEqual([
      {
        id: 'toolu_1',
        name: 'mcp__calc__add',
        input: { a: 2, b: 3 },
        result: [{ type: 'text', text: '5' }],
        isError: false,
        parentToolUseId: null,
      },
      {
        id: 'toolu_2',
        name: 'Bash',
        input: { command: 'touch x' },
        result: 'denied',
        isError: true,
        parentToolUseId: null,
      },
    ]);
  });

  it('totalCost is the last (cumulative) result cost', () => {
    expect(totalCost(messages)).toBe(0.00042);
    expect(totalCost([])).toBe(0);
  });

  it('collect drains an async iterable', async () => {
    async function* three() {
      yield 1;
      yield 2;
      yield 3;
    }
    expect(await collect(three())).toEqual([1, 2, 3]);
  });
});
