import type { PlatformConfig } from '../config/PlatformConfig.js';
import type { CliProcesses } from './CliProcesses.js';
import type { LiveSession } from './LiveSession.js';
import { settle, type SessionSteps } from './SessionSteps.js';

/**
 * The shutdown sequence: give in-flight turns `shutdownGraceMs` to finish, interrupt the rest
 * (`interruptGraceMs` for their results), then pause every session with a process (released,
 * persisted as `paused`, resumable by the next server).
 */
export async function drainSessions(
  sessions: readonly LiveSession[],
  config: Pick<PlatformConfig, 'shutdownGraceMs' | 'interruptGraceMs'>,
  cli: CliProcesses,
  steps: SessionSteps,
): Promise<void> {
  const running = sessions.filter((s) => s.turn);
  for (const s of running) if (s.turn) s.turn.pauseAfter = true;
  await settle(Promise.all(running.map((s) => s.turn?.done)), config.shutdownGraceMs);
  for (const s of running) {
    if (!s.turn) continue;
    s.turn.abort.abort();
    cli.interrupt(s);
  }
  await settle(Promise.all(running.map((s) => s.turn?.done)), config.interruptGraceMs);
  for (const s of sessions) {
    await steps
      .locked(s, async () => {
        const { state } = s.record;
        if (state === 'active' || state === 'running' || state === 'creating') {
          await steps.pauseLive(s, 'shutdown').catch(() => undefined);
        }
        await cli.release(s);
      })
      .catch(() => undefined);
  }
}
