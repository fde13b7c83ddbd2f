import type { SDKResultMessage } from '@agentsdk/core';
import type { PlatformConfig } from '../config/PlatformConfig.js';
import { PlatformError } from '../domain/PlatformError.js';
import type { TurnOutcome } from '../domain/TurnOutcome.js';
import type { Metrics } from '../observability/Metrics.js';
import { backoffDelayMs, shouldRetry } from '../reliability/retryPolicy.js';
import { sleep } from '../reliability/sleep.js';
import type { Repository } from '../store/Repository.js';
import type { CliProcesses } from './CliProcesses.js';
import type { LiveSession, RunningTurn } from './LiveSession.js';
import { restartPoint } from './restartPoint.js';
import type { SessionEvents } from './SessionEvents.js';
import type { SessionSteps } from './SessionSteps.js';

/**
 * One turn of a session: send the prompt, stream the CLI's messages to the session's log until
 * the result, and retry transient API errors with backoff, restarting the CLI at the last
 * answer before the turn when a rewind is safe (`restartPoint`).
 */
export class TurnRunner {
  constructor(
    private readonly config: PlatformConfig,
    private readonly repository: Repository,
    private readonly metrics: Metrics,
    private readonly log: SessionEvents,
    private readonly cli: CliProcesses,
    private readonly steps: SessionSteps,
  ) {}

  /** Runs the turn's attempts until one is final (success, a final error, a stop). */
  async run(
    session: LiveSession,
    turn: RunningTurn,
    text: string,
    turnEventId: number,
  ): Promise<TurnOutcome> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.runAttempt(session, turn, text);
      await this.afterAttempt(session, result);
      const status = result.subtype === 'success' ? (result.api_error_status ?? null) : null;
      const interrupted = turn.abort.signal.aborted;
      const budgetStop = turn.budgetExceeded;
      if (
        result.is_error &&
        !interrupted &&
        !budgetStop &&
        shouldRetry(this.config.retry, attempt, status)
      ) {
        const delayMs = backoffDelayMs(this.config.retry, attempt);
        this.metrics.inc(
          'platform_turn_retries_total',
          'Turn attempts retried after a transient API error',
        );
        await this.log.emit(session, { kind: 'retry', attempt, status, delayMs });
        await sleep(delayMs, turn.abort.signal);
        if (!turn.abort.signal.aborted) {
          const restart = await restartPoint(this.repository, session.record.id, turnEventId);
          if (restart) {
            await this.cli.release(session);
            session.restart = restart;
          }
          continue;
        }
      }
      await this.steps.update(session, { turns: session.record.turns + 1 });
      return {
        sessionId: session.record.id,
        result:
          budgetStop ??
          (result.subtype === 'success'
            ? result.result
            : result.errors.join('\n') || result.subtype),
        isError: result.is_error,
        subtype: result.subtype,
        apiErrorStatus: status,
        attempts: attempt,
        costUsd: turn.costUsd,
        budgetExceeded: budgetStop !== undefined,
        lastEventId: session.record.lastEventId,
        interrupted,
      };
    }
  }

  /** One attempt: send the prompt, stream messages to the log until the result. */
  private async runAttempt(
    session: LiveSession,
    turn: RunningTurn,
    text: string,
  ): Promise<SDKResultMessage> {
    const client = await this.cli.ensure(session);
    // Stopped while the process was starting (end, shutdown, runaway): do not send the prompt.
    if (turn.abort.signal.aborted) {
      throw new PlatformError('agent_failed', 'The turn was stopped before it started.');
    }
    let killTimer: NodeJS.Timeout | undefined;
    const kill = () => {
      // An interrupt that brings no result within the grace: stop this attempt's process (not
      // one a later turn may have started by then).
      killTimer = setTimeout(() => {
        if (session.client === client) void this.cli.release(session);
      }, this.config.interruptGraceMs);
    };
    turn.abort.signal.addEventListener('abort', kill, { once: true });
    try {
      await client.query(text);
      for await (const message of client.receiveResponse()) {
        await this.log.emit(session, { kind: 'message', message });
        if (message.type === 'result') return message;
      }
      throw new PlatformError(
        'agent_failed',
        'The agent process ended before the turn had a result.',
      );
    } finally {
      clearTimeout(killTimer);
      turn.abort.signal.removeEventListener('abort', kill);
    }
  }

  /** After each attempt: what the CLI says of its session (spend comes from the proxy). */
  private async afterAttempt(session: LiveSession, result: SDKResultMessage): Promise<void> {
    const r = session.record;
    await this.steps.update(session, {
      cliSessionId: result.session_id || r.cliSessionId,
      lastEventId: r.lastEventId,
      lastActivityAt: Date.now(),
    });
  }
}
