import { describe, expect, it } from 'vitest';
import { captureSdkMcpManifests } from './sdkMcpManifests.js';
import type { JSONRPCMessage, SdkMcpRequestContext, SdkMcpServer } from './SdkMcpServer.js';

/** A server that keeps the channel its `initialize` came with, as `@agentsdk/tools` does. */
function server() {
  let channel: SdkMcpRequestContext['sendNotification'];
  const instance: SdkMcpServer = {
    name: 'calc',
    async handleMessage(message: JSONRPCMessage, context) {
      if (message.method === 'initialize') {
        channel = context.sendNotification;
        return { jsonrpc: '2.0', id: message.id!, result: { capabilities: { tools: {} } } };
      }
      if (message.method === 'tools/list') {
        return { jsonrpc: '2.0', id: message.id!, result: { tools: [] } };
      }
      return undefined;
    },
  };
  return { instance, later: (message: JSONRPCMessage) => channel?.(message) };
}

describe('captureSdkMcpManifests', () => {
  it('captures initialize and tools/list', async () => {
    const { instance } = server();
    expect(await captureSdkMcpManifests(new Map([['calc', instance]]))).toEqual({
      calc: { initializeResult: { capabilities: { tools: {} } }, toolsListResult: { tools: [] } },
    });
  });

  it("gives the handshake the session's channel, so later list_changed reaches the CLI", async () => {
    const { instance, later } = server();
    const sent: [string, JSONRPCMessage][] = [];
    await captureSdkMcpManifests(new Map([['calc', instance]]), undefined, (name, message) =>
      sent.push([name, message]),
    );
    later({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' });
    expect(sent).toEqual([
      ['calc', { jsonrpc: '2.0', method: 'notifications/tools/list_changed' }],
    ]);
  });
});
