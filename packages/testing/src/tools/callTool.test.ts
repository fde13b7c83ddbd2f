import { describe, expect, it } from 'vitest';
import { calculator } from '../../test/support/calculator.js';
import { callTool, resultText } from './callTool.js';
import { listTools } from './listTools.js';
import { mcpRequest } from './mcpRequest.js';
import { ToolCallError } from './ToolCallError.js';
import { schemaSnapshot, toolSchemas } from './toolSchemas.js';

describe('tool helpers', () => {
  it('callTool drives tools/call after the initialize handshake', async () => {
    const calc = calculator();
    const seen: string[] = [];
    const handle = calc.instance.handleMessage.bind(calc.instance);
    calc.instance.handleMessage = (message, context) => {
      seen.push(String(message.method));
      return handle(message, context);
    };
    expect(await callTool(calc, 'add', { a: 2, b: 3 })).toEqual({
      content: [{ type: 'text', text: '5' }],
    });
    expect(resultText(await callTool(calc.instance, 'multiply', { a: 4, b: 5 }))).toBe('20');
    expect(seen).toEqual(['initialize', 'notifications/initialized', 'tools/call', 'tools/call']);
    expect(calc.calls).toEqual([
      { tool: 'add', args: { a: 2, b: 3 } },
      { tool: 'multiply', args: { a: 4, b: 5 } },
    ]);
  });

  it('returns tool failures as results', async () => {
    expect(await callTool(calculator(), 'add', { a: 'two', b: 3 })).toEqual({
      content: [{ type: 'text', text: 'a and b must be numbers' }],
      isError: true,
    });
  });

  it('throws ToolCallError for protocol errors', async () => {
    const error = await mcpRequest(calculator(), 'resources/list', undefined).catch(
      (e: unknown) => e,
    );
    expect(ToolCallError.is(error) && error.code).toBe('MCP_ERROR');
    expect(String(error)).toContain(
      'MCP server "calc" answered resources/list with error -32601: Method not found',
    );
  });

  it('lists tools and snapshots their schemas with sorted keys', async () => {
    const calc = calculator();
    expect((await listTools(calc)).map((t) => t.name)).toEqual(['add', 'multiply']);
    const schemas = await toolSchemas(calc);
    expect(Object.keys(schemas)).toEqual(['add', 'multiply']);
    expect(Object.keys(schemas.add?.inputSchema ?? {})).toEqual([
      'additionalProperties',
      'properties',
      'required',
      'type',
    ]);
    expect(await schemaSnapshot(calc)).toMatchInlineSnapshot(`
      "{
        "add": {
          "description": "Add two numbers",
          "inputSchema": {
            "additionalProperties": false,
            "properties": {
              "a": {
                "description": "First number",
                "type": "number"
              },
              "b": {
                "description": "Second number",
                "type": "number"
              }
            },
            "required": [
              "a",
              "b"
            ],
            "type": "object"
          }
        },
        "multiply": {
          "description": "Multiply two numbers",
          "inputSchema": {
            "additionalProperties": false,
            "properties": {
              "a": {
                "description": "First number",
                "type": "number"
              },
              "b": {
                "description": "Second number",
                "type": "number"
              }
            },
            "required": [
              "a",
              "b"
            ],
            "type": "object"
          }
        }
      }
      "
    `);
  });
});
