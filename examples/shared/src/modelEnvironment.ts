import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelServer, type ModelServer, type ModelTurn } from '@agentsdk/testing';

export interface ModelEnvironmentOptions {
  /** Offline only: the turns answered to subagents (requests from inside an `Agent` call). */
  subagentScript?: ModelTurn[];
}

export interface ModelEnvironment extends AsyncDisposable {
  /** Env for the CLI (`options.env`): the scripted server offline, nothing extra online. */
  env: Record<string, string | undefined>;
  offline: boolean;
  /** The scripted model server (offline only), e.g. to wait for a stalled answer. */
  server: ModelServer | undefined;
  /** Offline: append turns to the script (answers to prompts known only at run time). Online: no-op. */
  script(...turns: ModelTurn[]): void;
  /** A new empty directory for the agent to work in (`options.cwd`), removed by `close()`. */
  workspace(name?: string): string;
  /** Stop the server and remove the temporary directories. Idempotent. */
  close(): Promise<void>;
}

/**
 * The one offline/online switch of every example. With ANTHROPIC_API_KEY set, the CLI talks to
 * the real Claude API. Without it, a scripted model server (from `@agentsdk/testing`) starts on
 * 127.0.0.1, the real CLI is pointed at it, and `turns` are what the "model" answers, in order.
 * Offline runs also get a private HOME and TMPDIR, so nothing of the user's Claude setup is read
 * or written. Prints a one-line banner saying which it is.
 */
export async function modelEnvironment(
  turns: ModelTurn[],
  options: ModelEnvironmentOptions = {},
): Promise<ModelEnvironment> {
  const root = mkdtempSync(join(tmpdir(), 'agentsdk-example-'));
  let workspaces = 0;
  const workspace = (name = `workspace-${++workspaces}`): string => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  let closed: Promise<void> | undefined;
  const removeRoot = () => {
    try {
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    } catch (error) {
      // A CLI that is still shutting down may write into it: leave it to the OS's temp cleanup.
      console.error(`(could not remove ${root}: ${(error as Error).message})`);
    }
  };

  if (process.env['ANTHROPIC_API_KEY']) {
    console.log('[online] ANTHROPIC_API_KEY is set: talking to the real Claude API.');
    const close = () => (closed ??= Promise.resolve(removeRoot()));
    return {
      env: {},
      offline: false,
      server: undefined,
      script: () => {},
      workspace,
      close,
      [Symbol.asyncDispose]: close,
    };
  }

  // #region scripted-model
  // A local fake of the Messages API that answers each model request with the next scripted turn.
  const server = await createModelServer({
    script: turns,
    ...(options.subagentScript ? { subagentScript: options.subagentScript } : {}),
  });
  const home = workspace('home');
  // Point the real CLI at it, with a private HOME and TMPDIR (sessions, settings, scratch files).
  const env = {
    ANTHROPIC_API_KEY: 'offline-example-key', // any value: nothing leaves 127.0.0.1
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_AUTH_TOKEN: undefined, // removed from the CLI's environment
    HOME: home,
    TMPDIR: home,
    CLAUDE_CODE_MAX_RETRIES: '0', // scripted API errors are not retried by the CLI
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
  };
  // #endregion scripted-model
  console.log(
    `[offline] No ANTHROPIC_API_KEY: the real Claude Code CLI talks to a scripted model at ${server.url}.`,
  );
  const close = () =>
    (closed ??= (async () => {
      await server.close();
      removeRoot();
    })());
  return {
    env,
    offline: true,
    server,
    script: (...more) => server.push(...more),
    workspace,
    close,
    [Symbol.asyncDispose]: close,
  };
}
