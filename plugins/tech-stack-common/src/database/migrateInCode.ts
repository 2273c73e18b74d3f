/**
 * One migration written in code: it runs the same from TypeScript sources
 * and from a built package, where migration files would need to be found on
 * disk.
 *
 * @public
 */
export interface CodeMigration<TClient> {
  /** Unique and sortable: migrations run in the order of the list given. */
  name: string;
  /** Brings the schema from the previous migration to this one. */
  up(client: TClient): Promise<void>;
  /** Undoes {@link CodeMigration.up}. */
  down(client: TClient): Promise<void>;
}

/**
 * A knex migration source, as {@link migrateInCode} hands it to knex.
 *
 * @public
 */
export interface CodeMigrationSource<TClient> {
  /** The migrations, in the order they run. */
  getMigrations(
    loadExtensions: readonly string[],
  ): Promise<CodeMigration<TClient>[]>;
  /** The name knex records once the migration ran. */
  getMigrationName(migration: CodeMigration<TClient>): string;
  /** The migration itself. */
  getMigration(
    migration: CodeMigration<TClient>,
  ): Promise<CodeMigration<TClient>>;
}

/**
 * The part of a knex client that {@link migrateInCode} uses (the client
 * `coreServices.database` hands out has it).
 *
 * @public
 */
export interface MigratingClient {
  /** knex's migrator. */
  migrate: {
    latest(config: {
      migrationSource: CodeMigrationSource<any>;
      tableName: string;
    }): Promise<unknown>;
  };
}

/**
 * Options of {@link migrateInCode}.
 *
 * @public
 */
export interface MigrateInCodeOptions<TClient> {
  /** In the order they run. */
  migrations: ReadonlyArray<CodeMigration<TClient>>;
  /**
   * Where knex records which migrations ran: a table of the package's own,
   * so that it never mixes with another plugin's in a shared database.
   */
  tableName: string;
  /** The database service's `migrations.skip`: the tables are managed elsewhere. */
  skip?: boolean;
}

/**
 * Runs the migrations that have not run yet on `client` (unless `skip`) and
 * returns it. Safe to call more than once, and from several replicas at once:
 * knex's migration lock lets one run them, the others find nothing to do.
 *
 * @public
 */
export async function migrateInCode<TClient extends MigratingClient>(
  client: TClient,
  options: MigrateInCodeOptions<TClient>,
): Promise<TClient> {
  if (options.skip) return client;
  const migrations = [...options.migrations];
  const migrationSource: CodeMigrationSource<TClient> = {
    getMigrations: async () => migrations,
    getMigrationName: migration => migration.name,
    getMigration: async migration => migration,
  };
  await client.migrate.latest({
    migrationSource,
    tableName: options.tableName,
  });
  return client;
}
