import { describe, expect, it } from 'vitest';
import { answerInitialize, FakeTransport } from '../../test/FakeTransport.js';
import type { ElicitationRequest } from './dialogs.js';
import { ClaudeSDKClient } from '../query/ClaudeSDKClient.js';
import type { ClaudeAgentOptions } from '../options/ClaudeAgentOptions.js';

type Msg = Record<string, unknown>;

// As the CLI (2.1.331) sends it when a stdio MCP server calls elicitation/create.
const elicitation = {
  type: 'control_request',
  request_id: 'cli-el-1',
  request: {
    subtype: 'elicitation',
    mcp_server_name: 'forms',
    message: 'Your name?',
    mode: 'form',
    requested_schema: { type: 'object', properties: { name: { type: 'string' } } },
    property_order: ['name'],
  },
};

async function answerTo(request: Msg, options: ClaudeAgentOptions): Promise<unknown> {
  const fake = new FakeTransport(answerInitialize);
  await using client = new ClaudeSDKClient(options, fake);
  await client.connect();
  fake.emit(request);
  const reply = await fake.waitForWrite(
    (m) => (m.response as Msg | undefined)?.request_id === request.request_id,
  );
  return reply.response;
}

describe('elicitation and user dialogs', () => {
  it('declines an elicitation when no onElicitation is given (the server stops waiting)', async () => {
    expect(await answerTo(elicitation, {})).toEqual({
      subtype: 'success',
      request_id: 'cli-el-1',
      response: { action: 'decline' },
    });
  });

  it('passes the request camelCased to onElicitation and returns its answer', async () => {
    let seen: ElicitationRequest | undefined;
    const response = await answerTo(elicitation, {
      onElicitation: (request) => {
        seen = request;
        return { action: 'accept', content: { name: 'Ada' } };
      },
    });
    expect(seen).toEqual({
      serverName: 'forms',
      message: 'Your name?',
      mode: 'form',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
      propertyOrder: ['name'],
    });
    expect(response).toMatchObject({
      subtype: 'success',
      response: { action: 'accept', content: { name: 'Ada' } },
    });
  });

  it('answers an error when onElicitation returns a bad action', async () => {
    const response = await answerTo(elicitation, {
      onElicitation: () => ({ action: 'maybe' }) as never,
      onWarning: () => {},
    });
    expect(response).toMatchObject({ subtype: 'error', error: expect.stringContaining('"maybe"') });
  });

  it('routes request_user_dialog to onUserDialog and declares the kinds at initialize', async () => {
    const fake = new FakeTransport(answerInitialize);
    await using client = new ClaudeSDKClient(
      {
        supportedDialogKinds: ['pick_one'],
        onUserDialog: (request) => ({
          behavior: 'completed',
          result: { picked: request.payload.options },
        }),
      },
      fake,
    );
    await client.connect();
    expect((fake.written[0]?.request as Msg).supportedDialogKinds).toEqual(['pick_one']);
    fake.emit({
      type: 'control_request',
      request_id: 'd1',
      request: {
        subtype: 'request_user_dialog',
        dialog_kind: 'pick_one',
        payload: { options: [1] },
      },
    });
    const reply = await fake.waitForWrite(
      (m) => (m.response as Msg | undefined)?.request_id === 'd1',
    );
    expect(reply.response).toMatchObject({
      subtype: 'success',
      response: { behavior: 'completed', result: { picked: [1] } },
    });
  });
});
