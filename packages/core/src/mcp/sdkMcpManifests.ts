import { SDK_VERSION } from '../version.js';
import type { JSONRPCMessage, SdkMcpServer } from './SdkMcpServer.js';

/** What the CLI would learn in its own MCP handshake with one in-process server. */
export interface SdkMcpServerManifest {
  initializeResult: unknown;
  /** Present when the server has tools and listed them in one page. */
  toolsListResult?: unknown;
}

const PROTOCOL_VERSION = '2025-11-25';
/** The handshake is in-process and quick; a server slower than this is left to the CLI. */
const CAPTURE_TIMEOUT_MS = 1000;

/**
 * Run the MCP handshake (initialize, initialized, tools/list) against each in-process server
 * before `initialize`, so the CLI can list them as connected — and `mcpServerStatus()` is right —
 * before the first turn, as with the official SDK. A server that fails or is slow is omitted and
 * the CLI handshakes it over `mcp_message` as before.
 */
export async function captureSdkMcpManifests(
  servers: ReadonlyMap<string, SdkMcpServer>,
  onFailure: (server: string, error: unknown) => void = () => {},
  notify?: (server: string, message: JSONRPCMessage) => void,
): Promise<Record<string, SdkMcpServerManifest>> {
  const controller = new AbortController();
  const manifests: Record<string, SdkMcpServerManifest> = {};
  const capture = async (name: string, server: SdkMcpServer): Promise<void> => {
    // This handshake is the only `initialize` the server sees when the CLI takes the manifest,
    // so it carries the session's channel for messages the server sends later (list_changed).
    const context = {
      signal: controller.signal,
      ...(notify && { sendNotification: (message: JSONRPCMessage) => notify(name, message) }),
    };
    const init = await server.handleMessage(
      {
        jsonrpc: '2.0',
        id: 'agentsdk-manifest-initialize',
        method: 'initialize',
        params: {
          protocolVersion: PROTOCOL_VERSION,
          capabilities: {},
          clientInfo: { name: 'claude-code', title: 'Claude Code', version: SDK_VERSION },
        },
      },
      context,
    );
    if (!isResult(init)) throw new Error(`initialize failed: ${JSON.stringify(init?.error)}`);
    await server.handleMessage({ jsonrpc: '2.0', method: 'notifications/initialized' }, context);
    const capabilities = (init.result as { capabilities?: { tools?: unknown } } | null)
      ?.capabilities;
    const manifest: SdkMcpServerManifest = { initializeResult: init.result };
    if (capabilities?.tools != null) {
      const list = await server.handleMessage(
        { jsonrpc: '2.0', id: 'agentsdk-manifest-tools-list', method: 'tools/list' },
        context,
      );
      if (!isResult(list)) throw new Error(`tools/list failed: ${JSON.stringify(list?.error)}`);
      // A paged list cannot be sent whole: the CLI asks for it itself.
      if ((list.result as { nextCursor?: unknown }).nextCursor === undefined) {
        manifest.toolsListResult = list.result;
      }
    }
    manifests[name] = manifest;
  };
  const all = Promise.all(
    [...servers].map(([name, server]) =>
      capture(name, server).catch((error: unknown) => onFailure(name, error)),
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, CAPTURE_TIMEOUT_MS);
  });
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  controller.abort();
  // A late answer must not change what was already sent: copy now.
  return { ...manifests };
}

function isResult(message: JSONRPCMessage | undefined): message is JSONRPCMessage & {
  result: unknown;
} {
  return message !== undefined && 'result' in message && message.result !== undefined;
}
