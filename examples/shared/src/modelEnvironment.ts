import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { offlineEnvironment, type ModelServer, type ModelTurn } from '@agentsdk/testing';

export interface ModelEnvironmentOptions {
  /** Offline only: the turns answered to subagents (requests from inside an `Agent` call). */
  subagentScript?: ModelTurn[];
}

export interface ModelEnvironment extends AsyncDisposable {
  /** Env for the CLI (`options.env`): the scripted server offline, nothing extra online. */
  env: Readonly<Record<string, string | undefined>>;
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
 * The online/offline switch of the examples, over `offlineEnvironment()` from `@agentsdk/testing`
 * (the public API: use that in your own code). With ANTHROPIC_API_KEY set, the CLI talks to the
 * real Claude API. Without it, `offlineEnvironment()` starts the scripted model on 127.0.0.1 with a
 * private HOME and TMPDIR, and `turns` are what the "model" answers, in order. Prints a one-line
 * banner saying which it is.
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
  // One call from @agentsdk/testing: a local fake of the Messages API answering each model request
  // with the next scripted turn, and the env pointing the real CLI at it (private HOME and TMPDIR).
  const offline = await offlineEnvironment({
    script: turns,
    ...(options.subagentScript ? { subagentScript: options.subagentScript } : {}),
  });
  // #endregion scripted-model
  const { env, server } = offline;
  console.log(
    `[offline] No ANTHROPIC_API_KEY: the real Claude Code CLI talks to a scripted model at ${server.url}.`,
  );
  const close = () =>
    (closed ??= (async () => {
      await offline.close();
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
