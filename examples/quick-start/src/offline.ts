import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelServer, type ModelTurn } from '@agentsdk/testing';

export interface ModelEnvironment {
  /** Env for the CLI: the scripted server offline, or nothing extra with a real key. */
  env: Record<string, string | undefined>;
  offline: boolean;
  close(): Promise<void>;
}

/**
 * With ANTHROPIC_API_KEY set, talk to the real service. Without it, start the scripted model
 * server on 127.0.0.1 and point the CLI at it, with a private HOME so nothing of the user's
 * Claude setup is read or written.
 */
export async function modelEnvironment(turns: ModelTurn[]): Promise<ModelEnvironment> {
  if (process.env.ANTHROPIC_API_KEY) {
    console.log('[online] ANTHROPIC_API_KEY is set: talking to the real Claude API.\n');
    return { env: {}, offline: false, close: async () => {} };
  }
  const server = await createModelServer({ script: turns });
  const home = mkdtempSync(join(tmpdir(), 'agentsdk-demo-'));
  console.log(
    `[offline] No ANTHROPIC_API_KEY: the real Claude Code CLI talks to a scripted model at ${server.url}.\n`,
  );
  return {
    env: {
      ANTHROPIC_API_KEY: 'offline-demo-key',
      ANTHROPIC_BASE_URL: server.url,
      HOME: home,
      TMPDIR: home,
      CLAUDE_CODE_MAX_RETRIES: '0',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    },
    offline: true,
    close: async () => {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
