import pg from 'pg';
import type { SqlDriver, SqlQueries } from './SqlDriver.js';
import { schemaFor } from './schema.js';

/** `?` placeholders to PostgreSQL's `$1, $2, …` (our SQL has no `?` inside literals). */
export function toPostgresPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

function queries(db: Queryable): SqlQueries {
  return {
    async run(sql, params = []) {
      const result = await db.query(toPostgresPlaceholders(sql), [...params]);
      return result.rowCount ?? 0;
    },
    async all(sql, params = []) {
      const result = await db.query(toPostgresPlaceholders(sql), [...params]);
      return result.rows as Record<string, unknown>[];
    },
  };
}

/** A `pg` pool for `DATABASE_URL`. */
export function postgresDriver(connectionString: string): SqlDriver {
  const pool = new pg.Pool({ connectionString, max: 10 });
  let closed = false;
  return {
    kind: 'postgres',
    schema: schemaFor('postgres'),
    ...queries(pool),
    async exclusive(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Held until COMMIT/ROLLBACK: every server sharing the database waits its turn.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
        const result = await fn(queries(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
