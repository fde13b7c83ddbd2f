import { query, startup } from '@anthropic-ai/claude-agent-sdk';
import type { BenchMessage, Contender } from './Contender.js';

/** `@anthropic-ai/claude-agent-sdk` 0.3.331, pointed at the fake CLI. */
export async function createOfficial(withCalc: boolean): Promise<Contender> {
  const createCalc = withCalc ? (await import('./officialCalc.js')).officialCalc : undefined;
  return {
    name: 'official',
    parses: true,
    open({ cliPath, env, withCalc: calc }) {
      return query({
        prompt: 'bench',
        options: {
          pathToClaudeCodeExecutable: cliPath,
          executable: 'node',
          env: { ...process.env, ...env },
          ...(calc && createCalc ? { mcpServers: { calc: createCalc() } } : {}),
        },
      }) as AsyncIterable<BenchMessage>;
    },
    async warm({ cliPath, env }) {
      const warm = await startup({
        options: {
          pathToClaudeCodeExecutable: cliPath,
          executable: 'node',
          env: { ...process.env, ...env },
        },
      });
      return { query: () => warm.query('bench') as AsyncIterable<BenchMessage> };
    },
  };
}
