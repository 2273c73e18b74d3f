/**
 * Database helpers the tech-stack backend packages share, a separate entry
 * point of the package (`@techstack/plugin-tech-stack-common/database`) so
 * that backend-only code never reaches a frontend bundle.
 *
 * @packageDocumentation
 */
export { migrateInCode } from './migrateInCode';
export type {
  CodeMigration,
  CodeMigrationSource,
  MigratingClient,
  MigrateInCodeOptions,
} from './migrateInCode';
