import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SqlDriver, SqlQueries } from './SqlDriver.js';
import { schemaFor } from './schema.js';

/** better-sqlite3 in WAL mode; synchronous underneath, `SqlDriver`'s promises on top. */
export function sqliteDriver(file: string): SqlDriver {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const queries: SqlQueries = {
    async run(sql, params = []) {
      return prepare(sql).run(...params).changes;
    },
    async all(sql, params = []) {
      return prepare(sql).all(...params) as Record<string, unknown>[];
    },
  };
  // One process owns the file: serialising this process's callers is the whole lock.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    kind: 'sqlite',
    schema: schemaFor('sqlite'),
    ...queries,
    exclusive(_key, fn) {
      const run = queue.then(() => fn(queries));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
