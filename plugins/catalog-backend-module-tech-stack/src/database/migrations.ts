import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CodeMigration,
  migrateInCode,
} from '@techstack/plugin-tech-stack-common/database';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Where knex records which of the module's migrations ran (separate from the catalog's own). */
export const MIGRATIONS_TABLE = 'techstack__knex_migrations';

type Migration = CodeMigration<Knex>;

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
  {
    name: '20261215000000_technology_notifications',
    async up(knex) {
      await knex.schema.createTable('techstack_notifications', table => {
        table.comment(
          'Tech Stack notifications to owners: one row per technology transition and owner, so each is sent once across runs, restarts and replicas',
        );
        table
          .string('id', 64)
          .primary()
          .notNullable()
          .comment('sha256 of guide, technology, transition, basis and owner');
        table.string('guide_id', 255).notNullable().comment('The guide id');
        table
          .string('technology_ref', 255)
          .notNullable()
          .comment('technology:<namespace>/<name>');
        table
          .string('transition', 16)
          .notNullable()
          .comment('hold (moved to hold) or removed (left the guide)');
        table
          .string('basis', 255)
          .notNullable()
          .comment(
            'What makes the transition this one: entity uid and the date of the ring change before it',
          );
        table
          .string('owner_ref', 255)
          .notNullable()
          .comment('The owner told, an entity ref');
        table
          .string('status', 16)
          .notNullable()
          .comment('pending, sending, sent or failed');
        table
          .integer('attempts')
          .notNullable()
          .defaultTo(0)
          .comment('How many times sending was claimed');
        table
          .text('notification')
          .notNullable()
          .comment('JSON of the notification to send');
        table.text('last_error').nullable().comment('Why the last send failed');
        // ISO 8601 UTC strings: they compare in time order as text, on SQLite and PostgreSQL alike
        table.string('created_at', 32).notNullable();
        table.string('updated_at', 32).notNullable();
        table.index(['status', 'created_at'], 'techstack_notifications_status');
      });
    },
    async down(knex) {
      await knex.schema.dropTable('techstack_notifications');
    },
  },
];

/**
 * The catalog database's client, with the module's tables created or migrated
 * (unless the database service says to skip migrations). Safe to call more
 * than once: a second call finds nothing to migrate.
 */
export async function openModuleDatabase(
  database: DatabaseService,
): Promise<Knex> {
  return migrateInCode(await database.getClient(), {
    migrations: MIGRATIONS,
    tableName: MIGRATIONS_TABLE,
    skip: database.migrations?.skip,
  });
}
