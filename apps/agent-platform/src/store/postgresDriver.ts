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
  const keyQueues = new Map<string, Promise<void>>();
  // An idle connection that PostgreSQL ends (restart, failover, DROP … FORCE) makes the pool emit
  // 'error'; unheard, that event would crash the server. The pool already dropped that
  // connection and opens a new one on the next query, so a log line is all it needs. Closing
  // sockets can still hear their FATAL after `end()` resolves, hence no log once closed.
  pool.on('error', (error) => {
    if (!closed)
      console.error(
        `[platform] PostgreSQL closed an idle connection (${error.message}); the next query opens a new one.`,
      );
  });
  return {
    kind: 'postgres',
    schema: schemaFor('postgres'),
    ...queries(pool),
    exclusive(key, fn) {
      // Callers in this process wait for the key here, not in PostgreSQL: each waiter there
      // would hold a pooled connection, and a burst on a few keys (model requests of a few
      // tenants) took every connection, stalling every other query on the node.
      const previous = keyQueues.get(key) ?? Promise.resolve();
      const run = previous.then(() => locked(key, fn));
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      keyQueues.set(key, tail);
      void tail.then(() => {
        if (keyQueues.get(key) === tail) keyQueues.delete(key);
      });
      return run;
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };

  async function locked<T>(key: string, fn: (tx: SqlQueries) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // A connection that cannot even roll back is broken: destroy it rather than pool it.
    let broken = false;
    try {
      await client.query('BEGIN');
      // Held until COMMIT/ROLLBACK: every server sharing the database waits its turn.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
      const result = await fn(queries(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
