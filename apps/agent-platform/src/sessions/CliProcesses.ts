import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildArgs, buildEnv } from '@agentsdk/core/internal';
import {
  ClaudeSDKClient,
  discoverCli,
  SubprocessTransport,
  type ClaudeAgentOptions,
} from '@agentsdk/core';
import type { PlatformConfig } from '../config/PlatformConfig.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { ModelProxy } from '../proxy/ModelProxy.js';
import { startEgressProxy } from '../proxy/EgressProxy.js';
import { resolveUpstream } from '../proxy/resolveUpstream.js';
import type { SandboxSpec } from '../sandbox/SandboxProvider.js';
import type { SessionRecord } from '../domain/records.js';
import { createPathPolicy } from '../tenancy/pathPolicy.js';
import { sessionEnv } from '../tenancy/sessionEnv.js';
import { userDirs } from '../tenancy/userDirs.js';
import type { LiveSession } from './LiveSession.js';
import type { UsageLedger } from './UsageLedger.js';

/** Inside a sandbox's own network namespace the model API and the egress proxy are on these. */
const SANDBOX_MODEL_PORT = 8080;
const SANDBOX_EGRESS_PORT = 3128;

/**
 * The CLI processes of sessions: at most one per session, each in the configured sandbox with
 * its user's folders, an env built from an allow list, and a stand-in key the model proxy maps
 * back to the session. Counted (a gauge, and the leak checks).
 */
export class CliProcesses {
  private live = 0;
  /** Told after a session's process is released (cluster mode: its lease may go). */
  onReleased: (session: LiveSession) => void = () => undefined;

  constructor(
    private readonly config: PlatformConfig,
    private readonly proxy: ModelProxy,
    private readonly ledger: UsageLedger,
    /** Writes a patch to the session's record (memory and store). */
    private readonly update: (session: LiveSession, patch: Partial<SessionRecord>) => Promise<void>,
  ) {}

  get count(): number {
    return this.live;
  }

  /**
   * The session's CLI process, started if it has none. Callers hold the session (its lock, or
   * its running turn), so two starts never overlap.
   */
  async ensure(session: LiveSession): Promise<ClaudeSDKClient> {
    if (session.client) return session.client;
    assertOpen(session);
    const r = session.record;
    const restart = session.restart;
    // No finished turn, so nothing to resume; but a first turn cut short (killed, crashed) may
    // have left a transcript under this id, and the CLI refuses an id in use: start afresh.
    const fresh = r.turns === 0 || (restart !== undefined && 'fresh' in restart);
    if (fresh) await this.update(session, { cliSessionId: randomUUID() });
    const dirs = userDirs(this.config.dataDir, r.tenantId, r.userId);
    const limits = this.config.tiers[r.tier];
    const options: ClaudeAgentOptions = {
      cwd: dirs.workspace,
      maxTurns: limits.maxTurns,
      maxBudgetUsd: limits.maxBudgetUsd,
      maxThinkingTokens: limits.maxThinkingTokens,
      canUseTool: createPathPolicy({ workspace: dirs.workspace }),
      stderr: () => undefined,
      ...(this.config.model ? { model: this.config.model } : {}),
      ...(r.systemPrompt ? { systemPrompt: r.systemPrompt } : {}),
      // A session with turns has a CLI transcript to continue; a fresh one gets our id.
      ...(fresh
        ? { sessionId: r.cliSessionId }
        : {
            resume: r.cliSessionId,
            ...(restart && 'resumeAt' in restart ? { resumeSessionAt: restart.resumeAt } : {}),
          }),
    };

    const sandbox = this.config.sandbox;
    const socketDir = join(this.config.nodeDir, 'run', r.id);
    mkdirSync(socketDir, { recursive: true, mode: 0o700 });
    const tenantEnv = this.config.tenantEnv[r.tenantId];
    const key = `sk-agentsdk-session-${randomBytes(24).toString('hex')}`;
    const upstream = resolveUpstream(this.config.modelApi, this.config.cliEnv, tenantEnv);
    const releaseModel = await this.proxy.register(
      this.ledger.proxySession(session, key, upstream),
      sandbox.isolates ? socketDir : undefined,
    );
    const allow = this.config.egressAllow[r.tenantId] ?? [];
    const releaseEgress =
      sandbox.isolates && allow.length > 0
        ? await startEgressProxy(socketDir, allow, (line) => console.error(line))
        : undefined;
    session.releaseProxy = async () => {
      await releaseModel();
      await releaseEgress?.();
    };
    const env = (spec: SandboxSpec) =>
      sessionEnv({
        serverEnv: process.env,
        cliEnv: this.config.cliEnv,
        tenantEnv,
        home: dirs.home,
        tmp: dirs.tmp,
        modelBaseUrl: sandbox.modelBaseUrl(spec, this.proxy.url),
        sessionKey: key,
        egressProxyUrl: sandbox.egressProxyUrl(spec, undefined),
      });

    let client: ClaudeSDKClient | undefined;
    this.live++;
    try {
      const cli = discoverCli({ cliPath: this.config.cliPath, cwd: dirs.workspace, env: {} });
      const spec: SandboxSpec = {
        sessionId: r.id,
        ...dirs,
        readOnly: [cliFolder(cli.path), ...this.config.sandboxReadOnly],
        socketDir,
        modelPort: SANDBOX_MODEL_PORT,
        egressPort: releaseEgress ? SANDBOX_EGRESS_PORT : undefined,
      };
      const wrapped = sandbox.wrap(spec, cli.command, [...cli.prefixArgs, ...buildArgs(options)]);
      const transport = new SubprocessTransport({
        command: wrapped.command,
        args: wrapped.args,
        cwd: dirs.workspace,
        // No base env: what the CLI sees is exactly the allow list.
        env: buildEnv(env(spec), {}),
        onStderr: () => undefined,
      });
      client = new ClaudeSDKClient(options, transport);
      await client.connect();
      // Ended while it started (end() does not wait for a retry's restart): stop it here.
      assertOpen(session);
    } catch (error) {
      this.live--;
      await client?.disconnect().catch(() => undefined);
      await this.releaseProxy(session);
      throw error;
    }
    session.client = client;
    session.restart = undefined; // used; kept until now so a failed start retries the same way
    return client;
  }

  /**
   * Ask the CLI to stop the turn, without waiting for its answer: a hung CLI never answers, and
   * the turn's kill timer (`interruptGraceMs`) deals with it.
   */
  interrupt(session: LiveSession): void {
    void session.client?.interrupt().catch(() => undefined);
  }

  async release(session: LiveSession): Promise<void> {
    const client = session.client;
    if (!client) return;
    session.client = undefined;
    this.live--;
    await client.disconnect().catch(() => undefined);
    await this.releaseProxy(session);
    this.onReleased(session);
  }

  private async releaseProxy(session: LiveSession): Promise<void> {
    const release = session.releaseProxy;
    session.releaseProxy = undefined;
    await release?.().catch(() => undefined);
    rmSync(join(this.config.nodeDir, 'run', session.record.id), { recursive: true, force: true });
  }
}

/** The folder the sandbox must show read-only for the CLI to run: its package's `bin`, or its own. */
function cliFolder(path: string): string {
  return dirname(realpathSync(path));
}

/** A session that has ended may not start a process any more. */
export function assertOpen(session: LiveSession): void {
  if (session.closed) {
    throw new PlatformError('invalid_transition', 'The session has ended; create a new one.');
  }
}
