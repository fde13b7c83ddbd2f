import { expect, test } from 'vitest';
import { mcpToolName, mcpToolNames } from './toolNames.js';

test('mcpToolName builds the CLI name', () => {
  expect(mcpToolName('calc', 'add')).toBe('mcp__calc__add');
});

test('characters the CLI rewrites are rewritten the same way', () => {
  expect(mcpToolName('my server.v2', 'get.user')).toBe('mcp__my_server_v2__get_user');
});

test('mcpToolNames lists a server, under its name or another key', () => {
  const server = { name: 'calc', tools: [{ name: 'add' }, { name: 'divide' }] } as const;
  expect(mcpToolNames(server)).toEqual(['mcp__calc__add', 'mcp__calc__divide']);
  expect(mcpToolNames(server, 'math')).toEqual(['mcp__math__add', 'mcp__math__divide']);
});
