import { join } from 'node:path';
import { postgresDriver } from './postgresDriver.js';
import type { Repository } from './Repository.js';
import { sqliteDriver } from './sqliteDriver.js';
import { SqlRepository } from './SqlRepository.js';

/** PostgreSQL when a `databaseUrl` is given, else SQLite at `<dataDir>/platform.db`; migrated. */
export async function createRepository(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<Repository> {
  const driver = options.databaseUrl
    ? postgresDriver(options.databaseUrl)
    : sqliteDriver(join(options.dataDir, 'platform.db'));
  const repository = new SqlRepository(driver);
  try {
    await repository.migrate();
  } catch (error) {
    await repository.close();
    throw error;
  }
  return repository;
}
