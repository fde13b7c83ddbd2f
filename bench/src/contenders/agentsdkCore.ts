import { query, type SdkMcpServer } from '@agentsdk/core';
import { calcResponse } from '../raw/calcResponse.js';
import type { BenchMessage, Contender } from './Contender.js';

/**
 * A diagnostic contender: our `query()` with a hand-written `SdkMcpServer` (the raw contender's
 * answers) instead of `@agentsdk/tools`, so tool-call rows show core's own cost apart from the
 * MCP SDK and Zod validation inside `@agentsdk/tools`.
 */
const handCalc: SdkMcpServer = {
  name: 'calc',
  version: '1.0.0',
  handleMessage: async (message) =>
    calcResponse(message as Parameters<typeof calcResponse>[0]) as never,
};

export const agentsdkCore: Contender = {
  name: 'agentsdk-core',
  parses: true,
  open({ cliPath, env, withCalc }) {
    return query({
      prompt: 'bench',
      options: {
        cliPath,
        env,
        ...(withCalc
          ? { mcpServers: { calc: { type: 'sdk', name: 'calc', instance: handCalc } } }
          : {}),
      },
    }) as AsyncIterable<BenchMessage>;
  },
};
