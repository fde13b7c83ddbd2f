/** The little a repository needs from a database: statements with `?` placeholders. */
export interface SqlDriver {
  readonly kind: 'sqlite' | 'postgres';
  /** DDL for this dialect. */
  readonly schema: readonly string[];
  run(sql: string, params?: readonly unknown[]): Promise<void>;
  all(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}
