import { AgentSDKError } from '@agentsdk/core';
import { PlatformError } from '../domain/PlatformError.js';
import type { SessionRecord } from '../domain/records.js';
import { assertTransition, type SessionState } from '../domain/sessionState.js';
import type { Repository } from '../store/Repository.js';
import type { CliProcesses } from './CliProcesses.js';
import type { LiveSession } from './LiveSession.js';
import type { SessionEvents } from './SessionEvents.js';

/**
 * The small steps every session job is made of (record updates, state transitions, pausing,
 * the per-session lock), shared by the manager, the turn runner, the sweeper and the drain.
 */
export class SessionSteps {
  constructor(
    private readonly repository: Repository,
    private readonly log: SessionEvents,
    private readonly cli: CliProcesses,
  ) {}

  /** Writes a patch to the session's record, in memory and in the store. */
  async update(session: LiveSession, patch: Partial<SessionRecord>): Promise<void> {
    const updatedAt = Date.now();
    Object.assign(session.record, patch, { updatedAt });
    await this.repository.updateSession(session.record.id, { ...patch, updatedAt }, session.fence);
  }

  async transition(session: LiveSession, to: SessionState, reason?: string): Promise<void> {
    assertTransition(session.record.state, to);
    await this.update(session, {
      state: to,
      lastEventId: session.record.lastEventId,
      lastActivityAt: Date.now(),
    });
    await this.log.emit(session, { kind: 'state', state: to, ...(reason ? { reason } : {}) });
  }

  /** Releases the session's process and marks it `paused` (resumable). */
  async pauseLive(session: LiveSession, reason: string): Promise<void> {
    await this.cli.release(session);
    if (session.record.state !== 'paused') {
      await this.transition(session, 'paused', reason);
    }
  }

  /** Runs `fn` after the session's earlier lifecycle steps (see `LiveSession.lock`). */
  locked<T>(session: LiveSession, fn: () => Promise<T>): Promise<T> {
    const run = session.lock.then(fn);
    session.lock = run.catch(() => undefined);
    return run;
  }

  /** A client-facing error for a failure of the agent process. */
  agentError(error: unknown, what: string): unknown {
    if (PlatformError.is(error)) return error;
    const detail = AgentSDKError.is(error) ? `${error.code}: ${error.message}` : String(error);
    return new PlatformError('agent_failed', `${what}: ${detail}`, { cause: error });
  }
}

/** Waits for `promise`, at most `timeoutMs`; its failure is not this wait's concern. */
export async function settle(promise: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    promise.catch(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}
