import { join, sep } from 'node:path';
import type { SessionRecord } from '../domain/records.js';
import type { Repository } from '../store/Repository.js';
import { purgeSession } from './purgeSession.js';

/**
 * Deletes ended sessions' files once their retention has passed: at once after `DELETE` when
 * the retention is 0, else (and for anything a crash left) on its own timer.
 */
export class SessionPurger {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deps: {
      dataDir: string;
      repository: Repository;
      retentionMs: number;
      intervalMs: number;
      onError?: (error: unknown) => void;
      /** Cluster mode: one node sweeps at a time (they share the data directory). */
      exclusive?: (key: string, fn: () => Promise<number>) => Promise<number | undefined>;
    },
  ) {}

  get retentionMs(): number {
    return this.deps.retentionMs;
  }

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.deps.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Purge one ended session now (retention 0); a failure is left for the next sweep. */
  async purge(record: SessionRecord): Promise<void> {
    await purgeSession(record, this.deps).catch((error: unknown) => this.deps.onError?.(error));
  }

  /** Purge every session ended more than the retention ago; returns how many. One at a time. */
  sweep(now = Date.now()): Promise<number> {
    const exclusive = this.deps.exclusive;
    const due = exclusive
      ? () => exclusive('purge', () => this.purgeDue(now)).then((n) => n ?? 0)
      : () => this.purgeDue(now);
    this.running ??= due().finally(() => (this.running = undefined));
    return this.running;
  }

  private async purgeDue(now: number): Promise<number> {
    let purged = 0;
    for (;;) {
      const due = await this.deps.repository.sessionsToPurge(
        now - this.deps.retentionMs,
        join(this.deps.dataDir, 'tenants') + sep,
        100,
      );
      for (const record of due) {
        try {
          await purgeSession(record, this.deps);
          purged++;
        } catch (error) {
          this.deps.onError?.(error);
          return purged; // the next sweep tries again
        }
      }
      if (due.length < 100) return purged;
    }
  }
}
