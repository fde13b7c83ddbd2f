import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModelServer } from '../modelServer/createModelServer.js';
import type { ModelServer, ModelServerOptions } from '../modelServer/ModelServer.js';

export type OfflineEnvironmentOptions = ModelServerOptions;

/** The scripted model server and a private HOME/TMPDIR, as one environment for the real CLI. */
export interface OfflineEnvironment extends AsyncDisposable {
  /**
   * Variables for the CLI: `options.env` of `query()`/`ClaudeSDKClient`, or merged over
   * `process.env` for `spawn()`. A key set to `undefined` is removed from the child's environment.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The scripted model server (its `url` is `ANTHROPIC_BASE_URL`): push turns, wait for requests. */
  readonly server: ModelServer;
  /** The private HOME (sessions, settings) and TMPDIR of the CLI, inside `root`. */
  readonly home: string;
  readonly tmp: string;
  /** The temporary folder holding everything; removed by `close()`. */
  readonly root: string;
  /** A new empty folder under `root` for the agent to work in (`options.cwd`). */
  workspace(name?: string): string;
  /**
   * The environment as POSIX shell lines (`export KEY='value'`, `unset KEY`), for running `claude`
   * by hand while this process keeps the server up.
   */
  shellExports(): string;
  /** Stops the server and removes `root`. Idempotent. */
  close(): Promise<void>;
}

/**
 * One call for an offline Claude Code: starts the scripted model server (`createModelServer`) on
 * 127.0.0.1 and returns the environment that points the real CLI at it, with a private HOME and
 * TMPDIR so nothing of the user's Claude setup is read or written, no retries of scripted API
 * errors and no non-essential traffic. The API key is a dummy: nothing leaves the machine.
 *
 * ```ts
 * await using offline = await offlineEnvironment({ script: [{ content: [{ type: 'text', text: 'Hi!' }] }] });
 * for await (const m of query({ prompt: 'Hello', options: { env: offline.env, cwd: offline.workspace() } })) …
 * ```
 */
export async function offlineEnvironment(
  options: OfflineEnvironmentOptions = {},
): Promise<OfflineEnvironment> {
  const root = mkdtempSync(join(tmpdir(), 'agentsdk-offline-'));
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  mkdirSync(home);
  mkdirSync(tmp);
  let server: ModelServer;
  try {
    server = await createModelServer(options);
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const env: Record<string, string | undefined> = {
    ANTHROPIC_BASE_URL: server.url,
    ANTHROPIC_API_KEY: 'sk-offline-scripted-model',
    ANTHROPIC_AUTH_TOKEN: undefined,
    CLAUDE_CODE_OAUTH_TOKEN: undefined,
    HOME: home,
    TMPDIR: tmp,
    CLAUDE_CODE_MAX_RETRIES: '0',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_TELEMETRY: '1',
  };
  let workspaces = 0;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      await server.close();
      // A CLI still shutting down may write into root: retry, then leave it to the OS.
      rmSync(root, { recursive: true, force: true, maxRetries: 5 });
    })());
  return {
    env,
    server,
    home,
    tmp,
    root,
    workspace(name = `workspace-${++workspaces}`) {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    shellExports() {
      return Object.entries(env)
        .map(([key, value]) =>
          value === undefined ? `unset ${key}` : `export ${key}='${value.replace(/'/g, `'\\''`)}'`,
        )
        .join('\n');
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
