import type { PlatformConfig } from '../config/PlatformConfig.js';
import type { Metrics } from '../observability/Metrics.js';
import type { CliProcesses } from './CliProcesses.js';
import type { LiveSession, RunningTurn } from './LiveSession.js';
import type { SessionEvents } from './SessionEvents.js';
import type { SessionSteps } from './SessionSteps.js';

/** Idle and runaway cleanup, on a timer, one sweep at a time. */
export class Sweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly config: PlatformConfig,
    private readonly metrics: Metrics,
    private readonly log: SessionEvents,
    private readonly cli: CliProcesses,
    private readonly steps: SessionSteps,
    /** The sessions in memory, at the time of the call. */
    private readonly sessions: () => LiveSession[],
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      // One sweep at a time: a slow one (processes stopping) is not overtaken by the next.
      this.sweeping ??= this.sweep()
        .catch(() => 0)
        .finally(() => (this.sweeping = undefined));
    }, this.config.sweepIntervalMs);
    this.timer.unref();
  }

  /**
   * Interrupt turns running past `maxTurnMs` (runaway) and pause sessions idle past
   * `idleTimeoutMs` (their processes released). `now` is injectable so tests need not wait.
   * Returns the number of sessions paused or interrupted.
   */
  async sweep(now = Date.now()): Promise<number> {
    let swept = 0;
    for (const session of this.sessions()) {
      try {
        if (session.turn) {
          if (now - session.turn.startedAt >= this.config.maxTurnMs) {
            if (await this.interruptRunaway(session, session.turn)) swept++;
          }
        } else if (await this.pauseIfIdle(session, now)) swept++;
      } catch {
        // The session changed under the sweep (ended, failed); the next sweep sees it anew.
      }
    }
    return swept;
  }

  private async pauseIfIdle(session: LiveSession, now: number): Promise<boolean> {
    return this.steps.locked(session, async () => {
      const { state, lastActivityAt } = session.record;
      if (state !== 'active' || session.turn || now - lastActivityAt < this.config.idleTimeoutMs) {
        return false;
      }
      await this.steps.pauseLive(session, 'idle');
      this.metrics.inc('platform_idle_pauses_total', 'Sessions paused for idleness');
      return true;
    });
  }

  private async interruptRunaway(session: LiveSession, turn: RunningTurn): Promise<boolean> {
    if (turn.abort.signal.aborted) return false;
    this.metrics.inc('platform_runaway_interrupts_total', 'Turns interrupted for running too long');
    turn.abort.abort();
    await this.log.emit(session, {
      kind: 'interrupt',
      reason: 'runaway',
      afterMs: this.config.maxTurnMs,
    });
    this.cli.interrupt(session);
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
