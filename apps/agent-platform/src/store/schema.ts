/** The tables, per dialect (types differ; names and columns do not). */
export function schemaFor(kind: 'sqlite' | 'postgres'): string[] {
  return kind === 'postgres' ? [...base(kind), ...CLUSTER] : base(kind);
}

/**
 * PostgreSQL only (it is the cluster's database): the fencing token of a session's current
 * owner, usage keyed by model request so a record is never counted twice, and the budget held
 * by model requests in flight.
 */
const CLUSTER = [
  `ALTER TABLE sessions ADD COLUMN IF NOT EXISTS fence BIGINT NOT NULL DEFAULT 0`,
  `ALTER TABLE usage_records ADD COLUMN IF NOT EXISTS request_id TEXT`,
  `CREATE UNIQUE INDEX IF NOT EXISTS usage_request ON usage_records (session_id, request_id)`,
  `CREATE TABLE IF NOT EXISTS budget_holds (
    id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    amount_usd DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS budget_holds_tenant ON budget_holds (tenant_id, created_at)`,
  // The node run (`NodeHeartbeat.incarnation`) whose request holds it: released when that run dies.
  `ALTER TABLE budget_holds ADD COLUMN IF NOT EXISTS holder TEXT`,
];

function base(kind: 'sqlite' | 'postgres'): string[] {
  const real = kind === 'sqlite' ? 'REAL' : 'DOUBLE PRECISION';
  const int = kind === 'sqlite' ? 'INTEGER' : 'BIGINT';
  return [
    `CREATE TABLE IF NOT EXISTS sessions (
      id TEXT PRIMARY KEY,
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      tier TEXT NOT NULL,
      state TEXT NOT NULL,
      cli_session_id TEXT NOT NULL,
      workspace TEXT NOT NULL,
      system_prompt TEXT,
      turns ${int} NOT NULL DEFAULT 0,
      cost_usd ${real} NOT NULL DEFAULT 0,
      last_cli_cost_usd ${real} NOT NULL DEFAULT 0,
      last_event_id ${int} NOT NULL DEFAULT 0,
      error TEXT,
      created_at ${int} NOT NULL,
      updated_at ${int} NOT NULL,
      last_activity_at ${int} NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS sessions_owner ON sessions (tenant_id, user_id, state)`,
    `CREATE TABLE IF NOT EXISTS session_events (
      session_id TEXT NOT NULL,
      id ${int} NOT NULL,
      created_at ${int} NOT NULL,
      payload TEXT NOT NULL,
      PRIMARY KEY (session_id, id)
    )`,
    `CREATE TABLE IF NOT EXISTS usage_records (
      session_id TEXT NOT NULL,
      tenant_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      cost_usd ${real} NOT NULL,
      input_tokens ${int} NOT NULL,
      output_tokens ${int} NOT NULL,
      num_turns ${int} NOT NULL,
      created_at ${int} NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS usage_owner ON usage_records (tenant_id, user_id, created_at)`,
    `CREATE TABLE IF NOT EXISTS webhook_deliveries (
      event_id TEXT NOT NULL,
      event_type TEXT NOT NULL,
      url TEXT NOT NULL,
      attempt ${int} NOT NULL,
      status ${int},
      ok ${int} NOT NULL,
      error TEXT,
      created_at ${int} NOT NULL
    )`,
    // Deliveries not finished yet: claimed (`claim`, until `claimed_until`) by the server
    // attempting one; any server takes over a due one nobody holds (see WebhookDispatcher).
    `CREATE TABLE IF NOT EXISTS webhook_outbox (
      event_id TEXT PRIMARY KEY,
      event_type TEXT NOT NULL,
      url TEXT NOT NULL,
      body TEXT NOT NULL,
      attempts ${int} NOT NULL,
      next_at ${int} NOT NULL,
      claim TEXT,
      claimed_until ${int} NOT NULL,
      created_at ${int} NOT NULL
    )`,
    `CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (next_at)`,
    `CREATE TABLE IF NOT EXISTS audit_log (
      id TEXT PRIMARY KEY,
      at ${int} NOT NULL,
      kind TEXT NOT NULL,
      tenant_id TEXT,
      user_id TEXT,
      route TEXT NOT NULL,
      ip TEXT,
      detail TEXT
    )`,
    `CREATE INDEX IF NOT EXISTS audit_by_tenant ON audit_log (tenant_id, at)`,
    `CREATE TABLE IF NOT EXISTS session_purges (
      session_id TEXT PRIMARY KEY,
      purged_at ${int} NOT NULL
    )`,
  ];
}
