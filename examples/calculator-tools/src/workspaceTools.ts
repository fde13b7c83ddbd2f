import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { z } from 'zod';
import { createSdkMcpServer, resource, tool } from '@agentsdk/tools';

// #region process-file
/** A file processor, confined to one folder: paths outside it are refused. */
export function processFileTool(root: string) {
  return tool(
    'process_file',
    'Process and analyse a file of the workspace',
    {
      path: z.string().describe('Path relative to the workspace'),
      operation: z.enum(['count_lines', 'count_words']).describe('What to compute'),
    },
    async ({ path, operation }) => {
      const file = resolve(root, path);
      if (!file.startsWith(root + sep)) throw new Error(`${path} is outside the workspace`);
      const text = await readFile(file, 'utf8'); // a thrown error becomes an isError result
      const count =
        operation === 'count_lines'
          ? text.split('\n').length - 1
          : text.split(/\s+/).filter(Boolean).length;
      return `${path}: ${count} ${operation === 'count_lines' ? 'lines' : 'words'}`;
    },
    { annotations: { readOnlyHint: true } },
  );
}
// #endregion process-file

// #region api-call
/** An HTTP client tool. `signal` aborts the request when the turn is interrupted. */
export const apiCall = tool(
  'api_call',
  'Make an HTTP request and return the status and body',
  {
    url: z.url().describe('Absolute URL'),
    method: z.enum(['GET', 'POST']).default('GET'),
    body: z.record(z.string(), z.unknown()).optional().describe('JSON body for POST'),
  },
  async ({ url, method, body }, { signal }) => {
    const response = await fetch(url, {
      method,
      signal,
      ...(body
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    return `Status: ${response.status}\nBody: ${(await response.text()).slice(0, 2_000)}`;
  },
  { annotations: { openWorldHint: true } },
);
// #endregion api-call

// #region query-db
const orders = new Map([
  ['A-1001', { customer: 'Ada', total: 42.5, status: 'shipped' }],
  ['A-1002', { customer: 'Linus', total: 19.99, status: 'pending' }],
]);

/** A database lookup with a typed, validated parameter instead of free-form SQL. */
export const lookupOrder = tool(
  'lookup_order',
  'Look up an order by its id',
  {
    id: z
      .string()
      .regex(/^A-\d{4}$/)
      .describe('Order id, e.g. A-1001'),
  },
  ({ id }) => {
    const order = orders.get(id);
    return order
      ? JSON.stringify({ id, ...order })
      : { content: [{ type: 'text', text: `No order ${id}` }], isError: true };
  },
);
// #endregion query-db

/** The pending orders as a resource: data the model (or your code) reads, not a call it makes. */
export const pendingOrders = resource(
  'pending-orders',
  'orders://pending',
  () =>
    JSON.stringify([...orders].filter(([, order]) => order.status === 'pending').map(([id]) => id)),
  { mimeType: 'application/json', description: 'Ids of the orders not shipped yet' },
);

export function workspaceTools(root: string) {
  return createSdkMcpServer({
    name: 'workspace',
    tools: [processFileTool(root), apiCall, lookupOrder],
    resources: [pendingOrders],
  });
}
