import { describe, expect, it } from 'vitest';
import { validateMcpConfig } from './validateMcpConfig.js';

describe('validateMcpConfig', () => {
  it('accepts stdio, http, sse and ws servers, and ${VAR} URLs', () => {
    const servers = {
      a: { command: 'node', args: ['a.js'], env: { X: '1' } },
      b: { type: 'stdio', command: 'npx' },
      c: {
        type: 'http',
        url: 'https://x.example/mcp',
        headers: { Authorization: 'Bearer ${TOKEN}' },
      },
      d: { type: 'sse', url: 'http://127.0.0.1:3000/sse' },
      e: { type: 'ws', url: '${MCP_URL}' },
    };
    expect(validateMcpConfig({ mcpServers: servers }, { form: 'file' })).toEqual([]);
    expect(validateMcpConfig(servers, { form: 'servers' })).toEqual([]);
  });

  it('refuses what Claude Code drops', () => {
    const problems = validateMcpConfig(
      {
        mcpServers: {
          a: 'node',
          b: { command: '' },
          c: { command: 'x', args: [1] },
          d: { type: 'http', headers: { A: 1 } },
        },
      },
      { form: 'file' },
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      '/mcpServers/a',
      '/mcpServers/b/command',
      '/mcpServers/c/args',
      '/mcpServers/d/url',
      '/mcpServers/d/headers/A',
    ]);
    expect(problems.every((p) => p.code === 'MCP_SERVER_INVALID' && p.severity === 'error')).toBe(
      true,
    );
  });

  it('refuses a document that is not an object', () => {
    expect(validateMcpConfig([], { form: 'file' })).toEqual([
      expect.objectContaining({ code: 'TYPE', pointer: '' }),
    ]);
  });
});
