/** Statements with `?` placeholders; `run` answers the number of rows it changed. */
export interface SqlQueries {
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  all(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** The little a repository needs from a database. */
export interface SqlDriver extends SqlQueries {
  readonly kind: 'sqlite' | 'postgres';
  /** DDL for this dialect. */
  readonly schema: readonly string[];
  /**
   * Runs `fn` in one transaction that holds a lock named `key` until it ends: across every
   * process on PostgreSQL (an advisory transaction lock), across this process's callers on SQLite
   * (one process owns the file).
   */
  exclusive<T>(key: string, fn: (tx: SqlQueries) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
