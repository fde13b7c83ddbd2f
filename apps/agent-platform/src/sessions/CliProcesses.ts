import { randomUUID } from 'node:crypto';
import { ClaudeSDKClient, type ClaudeAgentOptions } from '@agentsdk/core';
import type { PlatformConfig } from '../config.js';
import { PlatformError } from '../errors/PlatformError.js';
import type { SessionRecord } from '../store/records.js';
import { createPathPolicy } from '../tenancy/pathPolicy.js';
import { sessionEnv } from '../tenancy/sessionEnv.js';
import { userDirs } from '../tenancy/userDirs.js';
import type { LiveSession } from './LiveSession.js';

/**
 * The CLI processes of sessions: at most one per session, started in the tenant user's
 * workspace with its env and the tier's limits, and counted (a gauge, and the leak checks).
 */
export class CliProcesses {
  private live = 0;

  constructor(
    private readonly config: PlatformConfig,
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
    // have left a transcript under this id, and the CLI refuses an id in use: start afresh. A
    // new CLI session counts its cost from zero.
    const fresh = r.turns === 0 || (restart !== undefined && 'fresh' in restart);
    if (fresh) await this.update(session, { cliSessionId: randomUUID(), lastCliCostUsd: 0 });
    const dirs = userDirs(this.config.dataDir, r.tenantId, r.userId);
    const limits = this.config.tiers[r.tier];
    const options: ClaudeAgentOptions = {
      cwd: dirs.workspace,
      maxTurns: limits.maxTurns,
      maxBudgetUsd: limits.maxBudgetUsd,
      maxThinkingTokens: limits.maxThinkingTokens,
      canUseTool: createPathPolicy({ workspace: dirs.workspace }),
      env: sessionEnv({
        serverEnv: process.env,
        cliEnv: this.config.cliEnv,
        tenantEnv: this.config.tenantEnv[r.tenantId],
        home: dirs.home,
        tmp: dirs.tmp,
      }),
      stderr: () => undefined,
      ...(this.config.cliPath ? { cliPath: this.config.cliPath } : {}),
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
    const client = new ClaudeSDKClient(options);
    this.live++;
    try {
      await client.connect();
      // Ended while it started (end() does not wait for a retry's restart): stop it here.
      assertOpen(session);
    } catch (error) {
      this.live--;
      await client.disconnect().catch(() => undefined);
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
  }
}

/** A session that has ended may not start a process any more. */
export function assertOpen(session: LiveSession): void {
  if (session.closed) {
    throw new PlatformError('invalid_transition', 'The session has ended; create a new one.');
  }
}
