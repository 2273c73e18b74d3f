import { DatabaseService } from '@backstage/backend-plugin-api';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Where knex records which of the module's migrations ran (separate from the catalog's own). */
export const MIGRATIONS_TABLE = 'techstack__knex_migrations';

type Migration = {
  name: string;
  up(knex: Knex): Promise<void>;
  down(knex: Knex): Promise<void>;
};

/**
 * The module's migrations, in order. They live in code rather than in files,
 * so they run the same from TypeScript sources and from the built package.
 */
const MIGRATIONS: Migration[] = [
  {
    name: '20261202000000_guide_runs',
    async up(knex) {
      await knex.schema.createTable('techstack_guide_runs', table => {
        table.comment('Tech Stack guide runs shared by the backend replicas');
        table
          .string('guide_id', 255)
          .primary()
          .notNullable()
          .comment('The configured guide id');
        table
          .boolean('force_requested')
          .notNullable()
          .defaultTo(false)
          .comment('The next run skips the drop check');
        table
          .integer('run_count')
          .notNullable()
          .defaultTo(0)
          .comment('How many runs have finished');
        table.text('outcome').nullable().comment('JSON of the latest run');
      });
    },
    async down(knex) {
      await knex.schema.dropTable('techstack_guide_runs');
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
