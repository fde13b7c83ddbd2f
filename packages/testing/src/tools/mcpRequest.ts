import type { JSONRPCMessage, SdkMcpServer } from '@agentsdk/core';
import { ToolCallError } from './ToolCallError.js';
import type { ToolServer } from './types.js';

/** The protocol version Claude Code 2.1.x offers in `initialize`. */
const PROTOCOL_VERSION = '2025-11-25';

const initialized = new WeakMap<SdkMcpServer, Promise<void>>();
let nextId = 1;

export function serverInstance(server: ToolServer): SdkMcpServer {
  return 'instance' in server ? server.instance : server;
}

/**
 * Send one JSON-RPC request the way Claude Code does, after the `initialize` handshake
 * (`initialize` + `notifications/initialized`, once per server). Returns `result`.
 */
export async function mcpRequest(
  server: ToolServer,
  method: string,
  params: Record<string, unknown> | undefined,
  signal: AbortSignal = new AbortController().signal,
): Promise<unknown> {
  const instance = serverInstance(server);
  let ready = initialized.get(instance);
  if (!ready) {
    ready = handshake(instance, signal);
    initialized.set(instance, ready);
    ready.catch(() => initialized.delete(instance));
  }
  await ready;
  return send(instance, method, params, signal);
}

async function handshake(instance: SdkMcpServer, signal: AbortSignal): Promise<void> {
  await send(
    instance,
    'initialize',
    {
      protocolVersion: PROTOCOL_VERSION,
      capabilities: {},
      clientInfo: { name: '@agentsdk/testing', version: '0.1.0' },
    },
    signal,
  );
  await instance.handleMessage({ jsonrpc: '2.0', method: 'notifications/initialized' }, { signal });
}

async function send(
  instance: SdkMcpServer,
  method: string,
  params: Record<string, unknown> | undefined,
  signal: AbortSignal,
): Promise<unknown> {
  const id = nextId++;
  const request: JSONRPCMessage = {
    jsonrpc: '2.0',
    id,
    method,
    ...(params !== undefined ? { params } : {}),
  };
  const response = await instance.handleMessage(request, { signal });
  const server = instance.name;
  if (!response || response.id !== id) {
    throw new ToolCallError(
      'INVALID_RESPONSE',
      `MCP server "${server}" did not answer ${method} (id ${id}) with a JSON-RPC response; got ${JSON.stringify(response)}.`,
    );
  }
  if (response.error) {
    throw new ToolCallError(
      'MCP_ERROR',
      `MCP server "${server}" answered ${method} with error ${response.error.code}: ${response.error.message}`,
      { rpcError: response.error },
    );
  }
  return response.result;
}
