import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../domain/records.js';
import type { Repository } from '../store/Repository.js';

export type AuditEntry = Omit<AuditRecord, 'id' | 'at' | 'tenantId' | 'userId' | 'ip' | 'detail'> &
  Partial<Pick<AuditRecord, 'tenantId' | 'userId' | 'ip' | 'detail'>>;

/**
 * Security events, each written twice: one JSON line on stderr (for the log pipeline, even when
 * the database is down) and one row of the append-only `audit_log` table (for the admin route).
 * Writing never fails the request that caused it.
 */
export class AuditLog {
  private pending = new Set<Promise<void>>();

  constructor(
    private readonly repository: Repository,
    private readonly writeLine: (line: string) => void = (line) =>
      process.stderr.write(`${line}\n`),
  ) {}

  record(entry: AuditEntry): void {
    const record: AuditRecord = {
      id: randomUUID(),
      at: Date.now(),
      kind: entry.kind,
      tenantId: entry.tenantId ?? null,
      userId: entry.userId ?? null,
      route: entry.route,
      ip: entry.ip ?? null,
      detail: entry.detail ?? null,
    };
    this.writeLine(JSON.stringify({ audit: record }));
    const write = this.repository
      .appendAudit(record)
      .catch((error: unknown) =>
        this.writeLine(
          JSON.stringify({ audit_write_failed: record.id, error: String(error).slice(0, 500) }),
        ),
      )
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Wait for the rows being written (before the repository closes). */
  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
