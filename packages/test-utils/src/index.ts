/**
 * Test helpers shared by this repository's packages (private; not published).
 *
 * @packageDocumentation
 */
export { createInMemoryMetrics, pointsOf } from './inMemoryMetrics';
export { waitFor } from './waitFor';
