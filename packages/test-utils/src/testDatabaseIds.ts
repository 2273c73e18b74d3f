import { TestDatabaseId } from '@backstage/backend-test-utils';

/**
 * The databases a store's tests run on: SQLite always, and PostgreSQL as
 * well when scripts/postgres.sh has started a server (`TS_TEST_POSTGRES_ID`,
 * e.g. `POSTGRES_15`, plus the connection string `TestDatabases` reads).
 * Says once, naming `what`, when PostgreSQL is left out.
 */
export function testDatabaseIds(what: string): TestDatabaseId[] {
  const postgresId = process.env.TS_TEST_POSTGRES_ID as
    | TestDatabaseId
    | undefined;
  if (!postgresId) {
    // eslint-disable-next-line no-console
    console.warn(
      `TS_TEST_POSTGRES_ID is not set: ${what} is tested on SQLite only`,
    );
  }
  return ['SQLITE_3', ...(postgresId ? [postgresId] : [])];
}
