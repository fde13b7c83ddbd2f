import pg from 'pg';
import type { SqlDriver } from './SqlDriver.js';
import { schemaFor } from './schema.js';

/** `?` placeholders to PostgreSQL's `$1, $2, …` (our SQL has no `?` inside literals). */
export function toPostgresPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

/** A `pg` pool for `DATABASE_URL`. */
export function postgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  let closed = false;
  return {
    kind: 'postgres',
    schema: schemaFor('postgres'),
    async run(sql, params = []) {
      await pool.query(toPostgresPlaceholders(sql), [...params]);
    },
    async all(sql, params = []) {
      const result = await pool.query(toPostgresPlaceholders(sql), [...params]);
      return result.rows as Record<string, unknown>[];
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
