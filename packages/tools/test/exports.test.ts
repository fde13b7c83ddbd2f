import { expect, test } from 'vitest';

// The public API is exactly this list: an accidental export (or a lost one) fails here.
test('export list of the built package', async () => {
  const dist = new URL('../dist/index.js', import.meta.url).href;
  const api = (await import(/* @vite-ignore */ dist)) as Record<string, unknown>;
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "ClientRequestError",
      "InMemoryEventStore",
      "McpRequestError",
      "ToolDefinitionError",
      "createHttpHandler",
      "createSdkMcpServer",
      "isPromptDefinition",
      "isResourceDefinition",
      "isToolDefinition",
      "jsonSchema",
      "mcpToolName",
      "mcpToolNames",
      "prompt",
      "resource",
      "resourceTemplate",
      "serveStdio",
      "tool",
    ]
  `);
});
