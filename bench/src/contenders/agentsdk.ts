import { query, startup, type McpSdkServerConfig } from '@agentsdk/core';
import type { BenchMessage, Contender, ContenderNeeds } from './Contender.js';

/**
 * Our SDK: `query()`, with an in-process `@agentsdk/tools` server when the workload calls
 * tools, and `@agentsdk/testing`'s replay transport for fixture replay.
 */
export async function createAgentsdk(needs: ContenderNeeds): Promise<Contender> {
  const createCalc = needs.calc ? (await import('./agentsdkCalc.js')).agentsdkCalc : undefined;
  const replayTransport = needs.replay
    ? (await import('@agentsdk/testing')).replayTransport
    : undefined;
  return {
    name: 'agentsdk',
    parses: true,
    open({ cliPath, env, withCalc }) {
      const mcpServers: Record<string, McpSdkServerConfig> | undefined =
        withCalc && createCalc ? { calc: createCalc() } : undefined;
      return query({
        prompt: 'bench',
        options: { cliPath, env, ...(mcpServers ? { mcpServers } : {}) },
      }) as AsyncIterable<BenchMessage>;
    },
    async warm({ cliPath, env }) {
      const warm = await startup({ options: { cliPath, env } });
      return { query: () => warm.query('bench') as AsyncIterable<BenchMessage> };
    },
    ...(replayTransport
      ? {
          replay(fixturePath: string) {
            return query({
              prompt: 'bench',
              transport: replayTransport(fixturePath),
            }) as AsyncIterable<BenchMessage>;
          },
        }
      : {}),
  };
}
