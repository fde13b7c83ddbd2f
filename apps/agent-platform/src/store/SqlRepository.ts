import type { SessionState } from '../domain/sessionState.js';
import type { TierName } from '../domain/tiers.js';
import type {
  AuditRecord,
  SessionPatch,
  SessionRecord,
  StoredEvent,
  UsageRecord,
  UsageSummary,
  WebhookDeliveryRecord,
  WebhookOutboxRecord,
} from '../domain/records.js';
import type {
  AuditFilter,
  BudgetHold,
  Repository,
  SessionFilter,
  SpentUsd,
  UsageFilter,
  WebhookClaim,
} from './Repository.js';
import { PlatformError } from '../domain/PlatformError.js';
import { HoldBatches, type HoldOutcome } from './HoldBatches.js';
import type { SqlDriver, SqlQueries } from './SqlDriver.js';

const COLUMNS: Record<keyof SessionRecord, string> = {
  id: 'id',
  tenantId: 'tenant_id',
  userId: 'user_id',
  tier: 'tier',
  state: 'state',
  cliSessionId: 'cli_session_id',
  workspace: 'workspace',
  systemPrompt: 'system_prompt',
  turns: 'turns',
  costUsd: 'cost_usd',
  lastCliCostUsd: 'last_cli_cost_usd',
  lastEventId: 'last_event_id',
  error: 'error',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  lastActivityAt: 'last_activity_at',
};

const str = (v: unknown): string => String(v);
const num = (v: unknown): number => Number(v ?? 0);
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toSession(row: Record<string, unknown>): SessionRecord {
  return {
    id: str(row['id']),
    tenantId: str(row['tenant_id']),
    userId: str(row['user_id']),
    tier: str(row['tier']) as TierName,
    state: str(row['state']) as SessionState,
    cliSessionId: str(row['cli_session_id']),
    workspace: str(row['workspace']),
    systemPrompt: strOrNull(row['system_prompt']),
    turns: num(row['turns']),
    costUsd: num(row['cost_usd']),
    lastCliCostUsd: num(row['last_cli_cost_usd']),
    lastEventId: num(row['last_event_id']),
    error: strOrNull(row['error']),
    createdAt: num(row['created_at']),
    updatedAt: num(row['updated_at']),
    lastActivityAt: num(row['last_activity_at']),
  };
}

async function insert(db: SqlQueries, s: SessionRecord): Promise<void> {
  const keys = Object.keys(COLUMNS) as (keyof SessionRecord)[];
  await db.run(
    `INSERT INTO sessions (${keys.map((k) => COLUMNS[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    keys.map((k) => s[k]),
  );
}

function leaseLost(sessionId: string): PlatformError {
  return new PlatformError(
    'lease_lost',
    `Session ${sessionId} is now run by another node; this node's write was refused. Retry the request.`,
  );
}

/** The one `Repository`: plain SQL that runs on SQLite and PostgreSQL alike. */
export class SqlRepository implements Repository {
  private readonly holds = new HoldBatches((batch) => this.holdBatch(batch));

  constructor(private readonly db: SqlDriver) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.db.kind;
  }

  async migrate(): Promise<void> {
    // Servers starting together take turns: `CREATE … IF NOT EXISTS` races itself otherwise.
    await this.db.exclusive('agentsdk-platform:migrate', async (tx) => {
      for (const statement of this.db.schema) await tx.run(statement);
    });
  }

  async insertSession(s: SessionRecord): Promise<void> {
    await insert(this.db, s);
  }

  async insertSessionCapped(s: SessionRecord, maxOpen: number): Promise<number | undefined> {
    return this.db.exclusive(`agentsdk-platform:user:${s.tenantId}/${s.userId}`, async (tx) => {
      const rows = await tx.all(
        `SELECT COUNT(*) AS n FROM sessions WHERE tenant_id = ? AND user_id = ? AND state IN ('creating', 'active', 'running', 'paused')`,
        [s.tenantId, s.userId],
      );
      const open = num(rows[0]?.['n']);
      if (open >= maxOpen) return open;
      await insert(tx, s);
      return undefined;
    });
  }

  async updateSession(id: string, patch: SessionPatch, fence?: number): Promise<void> {
    const keys = (Object.keys(patch) as (keyof SessionPatch)[]).filter(
      (k) => patch[k] !== undefined,
    );
    if (keys.length === 0) return;
    const changed = await this.db.run(
      `UPDATE sessions SET ${keys.map((k) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?${fence === undefined ? '' : ' AND fence = ?'}`,
      [...keys.map((k) => patch[k]), id, ...(fence === undefined ? [] : [fence])],
    );
    if (fence !== undefined && changed === 0) throw leaseLost(id);
  }

  async claimSession(id: string, fence: number): Promise<boolean> {
    return (
      (await this.db.run('UPDATE sessions SET fence = ? WHERE id = ? AND fence < ?', [
        fence,
        id,
        fence,
      ])) > 0
    );
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    const rows = await this.db.all('SELECT * FROM sessions WHERE id = ?', [id]);
    return rows[0] ? toSession(rows[0]) : undefined;
  }

  async listSessions(filter: SessionFilter): Promise<SessionRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.tenantId !== undefined) {
      where.push('tenant_id = ?');
      params.push(filter.tenantId);
    }
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.states) {
      if (filter.states.length === 0) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(', ')})`);
      params.push(...filter.states);
    }
    const rows = await this.db.all(
      `SELECT * FROM sessions${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at`,
      params,
    );
    return rows.map(toSession);
  }

  async appendEvent(event: StoredEvent, fence?: number): Promise<void> {
    const values = [event.sessionId, event.id, event.createdAt, JSON.stringify(event.payload)];
    if (fence === undefined) {
      await this.db.run(
        'INSERT INTO session_events (session_id, id, created_at, payload) VALUES (?, ?, ?, ?)',
        values,
      );
      return;
    }
    const changed = await this.db.run(
      `INSERT INTO session_events (session_id, id, created_at, payload)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ? AND fence = ?)`,
      [...values, event.sessionId, fence],
    );
    if (changed === 0) throw leaseLost(event.sessionId);
  }

  async listEvents(sessionId: string, afterId: number, limit = 1000): Promise<StoredEvent[]> {
    const rows = await this.db.all(
      'SELECT * FROM session_events WHERE session_id = ? AND id > ? ORDER BY id LIMIT ?',
      [sessionId, afterId, limit],
    );
    return rows.map((row) => ({
      sessionId: str(row['session_id']),
      id: num(row['id']),
      createdAt: num(row['created_at']),
      payload: JSON.parse(str(row['payload'])) as unknown,
    }));
  }

  async recordUsage(u: UsageRecord): Promise<boolean> {
    const keyed = this.db.kind === 'postgres';
    const changed = await this.db.run(
      `INSERT INTO usage_records (session_id, tenant_id, user_id, cost_usd, input_tokens, output_tokens, num_turns, created_at${keyed ? ', request_id' : ''})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?${keyed ? ', ?) ON CONFLICT (session_id, request_id) DO NOTHING' : ')'}`,
      [
        u.sessionId,
        u.tenantId,
        u.userId,
        u.costUsd,
        u.inputTokens,
        u.outputTokens,
        u.numTurns,
        u.createdAt,
        ...(keyed ? [u.requestId ?? null] : []),
      ],
    );
    return changed > 0;
  }

  holdBudget(hold: BudgetHold): Promise<SpentUsd> {
    return this.holds.hold(hold);
  }

  /**
   * One batch of a tenant's holds (`HoldBatches`) under its lock: one query for the month's
   * spend and live holds per user of the tenant, then each hold in order, seeing the ones before.
   */
  private async holdBatch(holds: BudgetHold[]): Promise<HoldOutcome[]> {
    const { tenantId, since } = holds[0]!;
    const staleBefore = Math.max(...holds.map((h) => h.staleBefore));
    return this.db.exclusive(`agentsdk-platform:budget:${tenantId}`, async (tx) => {
      const rows = await tx.all(
        `SELECT user_id, SUM(usd) AS usd FROM (
           SELECT user_id, cost_usd AS usd FROM usage_records WHERE tenant_id = ? AND created_at >= ?
           UNION ALL
           SELECT user_id, amount_usd AS usd FROM budget_holds WHERE tenant_id = ? AND created_at >= ?
         ) AS spent GROUP BY user_id`,
        [tenantId, since, tenantId, staleBefore],
      );
      const users = new Map(rows.map((row) => [str(row['user_id']), num(row['usd'])]));
      let tenantUsd = [...users.values()].reduce((a, b) => a + b, 0);
      const outcomes: HoldOutcome[] = [];
      const inserts: unknown[][] = [];
      const now = Date.now();
      for (const hold of holds) {
        const spent = { userUsd: users.get(hold.userId) ?? 0, tenantUsd };
        let amount: number;
        try {
          amount = hold.amount(spent);
        } catch (error) {
          outcomes.push({ error });
          continue;
        }
        outcomes.push({ spent });
        if (amount > 0) {
          inserts.push([hold.id, tenantId, hold.userId, amount, now, hold.holder ?? null]);
          users.set(hold.userId, spent.userUsd + amount);
          tenantUsd += amount;
        }
      }
      if (inserts.length > 0) {
        await tx.run(
          `INSERT INTO budget_holds (id, tenant_id, user_id, amount_usd, created_at, holder) VALUES ${inserts.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
          inserts.flat(),
        );
      }
      return outcomes;
    });
  }

  async releaseBudgetHold(id: string): Promise<void> {
    await this.db.run('DELETE FROM budget_holds WHERE id = ?', [id]);
  }

  async budgetHolders(createdBefore: number): Promise<string[]> {
    if (this.db.kind !== 'postgres') return [];
    const rows = await this.db.all(
      'SELECT DISTINCT holder FROM budget_holds WHERE holder IS NOT NULL AND created_at < ?',
      [createdBefore],
    );
    return rows.map((row) => str(row['holder']));
  }

  async releaseBudgetHoldsOf(holder: string): Promise<number> {
    if (this.db.kind !== 'postgres') return 0;
    return this.db.run('DELETE FROM budget_holds WHERE holder = ?', [holder]);
  }

  async usageSummary(filter: UsageFilter): Promise<UsageSummary> {
    const where = ['tenant_id = ?'];
    const params: unknown[] = [filter.tenantId];
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.since !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.since);
    }
    const rows = await this.db.all(
      `SELECT COALESCE(SUM(cost_usd), 0) AS cost, COALESCE(SUM(input_tokens), 0) AS input,
              COALESCE(SUM(output_tokens), 0) AS output, COALESCE(SUM(num_turns), 0) AS turns, COUNT(*) AS n
       FROM usage_records WHERE ${where.join(' AND ')}`,
      params,
    );
    const row = rows[0] ?? {};
    return {
      costUsd: num(row['cost']),
      inputTokens: num(row['input']),
      outputTokens: num(row['output']),
      numTurns: num(row['turns']),
      records: num(row['n']),
    };
  }

  async recordWebhookDelivery(d: WebhookDeliveryRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO webhook_deliveries (event_id, event_type, url, attempt, status, ok, error, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [d.eventId, d.eventType, d.url, d.attempt, d.status, d.ok ? 1 : 0, d.error, d.createdAt],
    );
  }

  async listWebhookDeliveries(eventId?: string): Promise<WebhookDeliveryRecord[]> {
    const rows = await this.db.all(
      `SELECT * FROM webhook_deliveries${eventId ? ' WHERE event_id = ?' : ''} ORDER BY created_at, attempt`,
      eventId ? [eventId] : [],
    );
    return rows.map((row) => ({
      eventId: str(row['event_id']),
      eventType: str(row['event_type']),
      url: str(row['url']),
      attempt: num(row['attempt']),
      status: row['status'] === null ? null : num(row['status']),
      ok: num(row['ok']) === 1,
      error: strOrNull(row['error']),
      createdAt: num(row['created_at']),
    }));
  }

  async enqueueWebhook(r: WebhookOutboxRecord, c: WebhookClaim): Promise<void> {
    await this.db.run(
      `INSERT INTO webhook_outbox (event_id, event_type, url, body, attempts, next_at, claim, claimed_until, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.eventId,
        r.eventType,
        r.url,
        r.body,
        r.attempts,
        r.nextAt,
        c.claim,
        c.claimedUntil,
        r.createdAt,
      ],
    );
  }

  async claimWebhooks(
    c: WebhookClaim,
    options: { now: number; limit: number; eventId?: string },
  ): Promise<WebhookOutboxRecord[]> {
    // PostgreSQL: rows another server is claiming right now are skipped, not waited for. SQLite
    // has one writer (one server owns the file), so the plain statement is already atomic.
    const lock = this.db.kind === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
    const only = options.eventId !== undefined ? ' AND event_id = ?' : '';
    const rows = await this.db.all(
      `UPDATE webhook_outbox SET claim = ?, claimed_until = ?, attempts = attempts + 1
       WHERE event_id IN (
         SELECT event_id FROM webhook_outbox WHERE next_at <= ? AND claimed_until <= ?${only}
         ORDER BY next_at LIMIT ?${lock})
       RETURNING *`,
      [
        c.claim,
        c.claimedUntil,
        options.now,
        options.now,
        ...(options.eventId !== undefined ? [options.eventId] : []),
        options.limit,
      ],
    );
    return rows.map(outboxRow);
  }

  async rescheduleWebhook(eventId: string, claim: string, nextAt: number): Promise<boolean> {
    const changed = await this.db.run(
      'UPDATE webhook_outbox SET next_at = ?, claim = NULL, claimed_until = 0 WHERE event_id = ? AND claim = ?',
      [nextAt, eventId, claim],
    );
    return changed > 0;
  }

  async finishWebhook(eventId: string, claim: string): Promise<void> {
    await this.db.run('DELETE FROM webhook_outbox WHERE event_id = ? AND claim = ?', [
      eventId,
      claim,
    ]);
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async appendAudit(a: AuditRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (id, at, kind, tenant_id, user_id, route, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [a.id, a.at, a.kind, a.tenantId, a.userId, a.route, a.ip, a.detail],
    );
  }

  async listAudit(filter: AuditFilter): Promise<AuditRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.tenantId !== undefined) {
      where.push('tenant_id = ?');
      params.push(filter.tenantId);
    }
    if (filter.since !== undefined) {
      where.push('at >= ?');
      params.push(filter.since);
    }
    const rows = await this.db.all(
      `SELECT * FROM audit_log${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id LIMIT ?`,
      [...params, filter.limit],
    );
    return rows.map((row) => ({
      id: str(row['id']),
      at: num(row['at']),
      kind: str(row['kind']),
      tenantId: strOrNull(row['tenant_id']),
      userId: strOrNull(row['user_id']),
      route: str(row['route']),
      ip: strOrNull(row['ip']),
      detail: strOrNull(row['detail']),
    }));
  }

  async sessionsToPurge(
    endedBefore: number,
    workspacePrefix: string,
    limit: number,
  ): Promise<SessionRecord[]> {
    const rows = await this.db.all(
      `SELECT s.* FROM sessions s LEFT JOIN session_purges p ON p.session_id = s.id
       WHERE s.state = 'completed' AND s.updated_at <= ? AND p.session_id IS NULL
         AND substr(s.workspace, 1, ?) = ?
       ORDER BY s.updated_at LIMIT ?`,
      [endedBefore, workspacePrefix.length, workspacePrefix, limit],
    );
    return rows.map(toSession);
  }

  async markPurged(sessionId: string, at: number): Promise<void> {
    await this.db.run('DELETE FROM session_events WHERE session_id = ?', [sessionId]);
    await this.db.run('UPDATE sessions SET system_prompt = NULL WHERE id = ?', [sessionId]);
    await this.db.run(
      'INSERT INTO session_purges (session_id, purged_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING',
      [sessionId, at],
    );
  }
}

function outboxRow(row: Record<string, unknown>): WebhookOutboxRecord {
  return {
    eventId: str(row['event_id']),
    eventType: str(row['event_type']),
    url: str(row['url']),
    body: str(row['body']),
    attempts: num(row['attempts']),
    nextAt: num(row['next_at']),
    createdAt: num(row['created_at']),
  };
}
