import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  CodeMigration,
  migrateInCode,
} from '@techstack/plugin-tech-stack-common/database';

/** The knex client `coreServices.database` hands out. */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

/** Where knex records which of the plugin's migrations ran. */
export const MIGRATIONS_TABLE = 'techstack_backend__knex_migrations';

type Migration = CodeMigration<Knex>;

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
  {
    name: '20261206120000_ring_history',
    async up(knex) {
      await knex.schema.createTable('techstack_ring_history', table => {
        table.comment(
          'Ring events of the technologies, one row per event, kept without a cap (see RingHistoryStore)',
        );
        table
          .string('technology_ref', 255)
          .notNullable()
          .comment('technology:<namespace>/<name>');
        table
          .integer('seq')
          .notNullable()
          .comment(
            "The event's number within the technology, from 1: two writers of the same event collide on it",
          );
        table
          .string('event', 16)
          .notNullable()
          .comment(
            'added | moved | removed | seen (first recorded, since unknown)',
          );
        table
          .string('from_ring', 16)
          .nullable()
          .comment('The ring before (moved, removed)');
        table
          .string('to_ring', 16)
          .nullable()
          .comment('The ring after (added, moved, seen); null for removed');
        table
          .string('at', 32)
          .notNullable()
          .comment('ISO 8601 UTC time of the event');
        table.string('guide', 255).nullable().comment('The guide id, if known');
        table
          .string('title', 255)
          .nullable()
          .comment('The title then: a removed technology has no entity left');
        table.text('reason').nullable().comment('spec.ringReason then');
        table
          .text('details')
          .nullable()
          .comment(
            'JSON { type, layers } then, for the as-of radar once removed',
          );
        table
          .string('recorded_at', 32)
          .notNullable()
          .comment('ISO 8601 UTC time the row was written');
        table.primary(['technology_ref', 'seq']);
        table.index(['at'], 'techstack_ring_history_at');
      });
    },
    async down(knex) {
      await knex.schema.dropTable('techstack_ring_history');
    },
  },
  {
    name: '20261206130000_usage_index',
    async up(knex) {
      await knex.schema.createTable('techstack_usage_entities', table => {
        table.comment(
          'The usage index: the catalog entities usage is computed from (fields trimmed), and per component its usages (technology, source, evidence) and owning team',
        );
        table
          .string('entity_ref', 255)
          .primary()
          .notNullable()
          .comment('kind:namespace/name, as stringifyEntityRef writes it');
        table.string('kind', 64).notNullable().comment('lower case');
        table
          .string('uid', 64)
          .nullable()
          .comment(
            "The catalog's metadata.uid: how a caller's visible entities are matched",
          );
        table
          .string('etag', 255)
          .notNullable()
          .comment(
            "The catalog's etag when read: a changed etag means re-read",
          );
        table
          .text('entity', 'longtext')
          .notNullable()
          .comment('JSON of the entity with the fields usage needs');
        table
          .text('usage', 'longtext')
          .nullable()
          .comment(
            'JSON of the component usage (technologies with source and evidence, off-guide names, owner); components only',
          );
        table
          .bigInteger('revision')
          .notNullable()
          .comment('The index revision that last wrote the row');
        table
          .boolean('deleted')
          .notNullable()
          .defaultTo(false)
          .comment('Gone from the catalog (kept so replicas drop it too)');
        table.index(['revision'], 'techstack_usage_entities_revision');
      });
      await knex.schema.createTable('techstack_usage_state', table => {
        table.comment('The usage index revision, one row');
        table.string('id', 16).primary().notNullable();
        table.bigInteger('revision').notNullable();
        table
          .string('refreshed_at', 32)
          .notNullable()
          .comment(
            'ISO 8601 UTC start of the last refresh that compared the index with the catalog',
          );
        table
          .string('fingerprint', 64)
          .notNullable()
          .comment(
            'Hash of what name matching depends on (technology names and aliases, resources, sources): a change recomputes every usage',
          );
      });
    },
    async down(knex) {
      await knex.schema.dropTable('techstack_usage_state');
      await knex.schema.dropTable('techstack_usage_entities');
    },
  },
  {
    name: '20261207090000_usage_index_purge',
    async up(knex) {
      await knex.schema.alterTable('techstack_usage_state', table => {
        table
          .bigInteger('purged_through')
          .notNullable()
          .defaultTo(0)
          .comment(
            'Rows of removed entities written at this revision or before may be purged: a replica that has an older revision reloads the whole index',
          );
      });
    },
    async down(knex) {
      await knex.schema.alterTable('techstack_usage_state', table => {
        table.dropColumn('purged_through');
      });
    },
  },
];

/**
 * The plugin database's client, with the plugin's tables created or migrated
 * (unless the database service says to skip migrations). Safe to call more
 * than once: a second call finds nothing to migrate.
 */
export async function openPluginDatabase(
  database: DatabaseService,
): Promise<Knex> {
  return migrateInCode(await database.getClient(), {
    migrations: MIGRATIONS,
    tableName: MIGRATIONS_TABLE,
    skip: database.migrations?.skip,
  });
}
