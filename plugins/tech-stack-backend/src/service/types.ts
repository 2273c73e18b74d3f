/**
 * The radar wire types live in `@techstack/plugin-tech-stack-common`, shared
 * with the frontend; they are re-exported here for the backend's importers.
 */
export type { Radar, RadarEntry } from '@techstack/plugin-tech-stack-common';
