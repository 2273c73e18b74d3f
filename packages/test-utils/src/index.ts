/**
 * Test helpers shared by this repository's packages (private; not published).
 *
 * @packageDocumentation
 */
export { createInMemoryMetrics, pointsOf } from './inMemoryMetrics';
export { testDatabaseIds } from './testDatabaseIds';
export { waitFor } from './waitFor';
