import { DatabaseService } from '@backstage/backend-plugin-api';

/** The knex client `coreServices.database` hands out. */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Where knex records which of the plugin's migrations ran. */
export const MIGRATIONS_TABLE = 'techstack_backend__knex_migrations';

type Migration = {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
};

/**
 * The tech-stack backend's migrations, in order. They live in code rather
 * than in files, so they run the same from TypeScript sources and from the
 * built package. Days are `YYYY-MM-DD` (UTC) strings: they compare in time
 * order as text, on SQLite and PostgreSQL alike.
 */
const MIGRATIONS: Migration[] = [
  {
    name: '20261206000000_adoption_history',
    async up(knex) {
      await knex.schema.createTable('techstack_history_days', table => {
        table.comment(
          'The days an adoption snapshot was taken: a day listed here without rows for a technology or team means zero',
        );
        table.string('day', 10).primary().notNullable().comment('YYYY-MM-DD');
        table
          .string('taken_at', 32)
          .notNullable()
          .comment('ISO 8601 UTC time of the latest snapshot of the day');
      });
      await knex.schema.createTable('techstack_adoption_snapshots', table => {
        table.comment(
          'Per day, technology and owning team: how many components use the technology (rows with a count only)',
        );
        table.string('day', 10).notNullable().comment('YYYY-MM-DD');
        table
          .string('technology_ref', 255)
          .notNullable()
          .comment('technology:<namespace>/<name>');
        table
          .string('team_ref', 255)
          .notNullable()
          .comment(
            'The owner, an entity ref; empty for components without one',
          );
        table.integer('components').notNullable();
        table.primary(['day', 'technology_ref', 'team_ref']);
        table.index(
          ['technology_ref', 'day'],
          'techstack_adoption_snapshots_technology',
        );
      });
      await knex.schema.createTable(
        'techstack_team_compliance_snapshots',
        table => {
          table.comment(
            'Per day and owning team: usages of technologies on hold and of names not in the guide (teams with either only)',
          );
          table.string('day', 10).notNullable().comment('YYYY-MM-DD');
          table
            .string('team_ref', 255)
            .notNullable()
            .comment('The owner, an entity ref');
          table.integer('hold').notNullable();
          table.integer('off_guide').notNullable();
          table.primary(['day', 'team_ref']);
          table.index(
            ['team_ref', 'day'],
            'techstack_team_compliance_snapshots_team',
          );
        },
      );
    },
    async down(knex) {
      await knex.schema.dropTable('techstack_team_compliance_snapshots');
      await knex.schema.dropTable('techstack_adoption_snapshots');
      await knex.schema.dropTable('techstack_history_days');
    },
  },
];

/** A knex migration source over {@link MIGRATIONS}. */
export const migrationSource = {
  async getMigrations(): Promise<Migration[]> {
    return MIGRATIONS;
  },
  getMigrationName(migration: Migration): string {
    return migration.name;
  },
  async getMigration(migration: Migration): Promise<Migration> {
    return migration;
  },
};

/**
 * The plugin database's client, with the plugin's tables created or migrated
 * (unless the database service says to skip migrations). Safe to call more
 * than once: a second call finds nothing to migrate.
 */
export async function openPluginDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({
      migrationSource,
      tableName: MIGRATIONS_TABLE,
    });
  }
  return knex;
}
