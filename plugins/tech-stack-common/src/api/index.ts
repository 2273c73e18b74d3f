/**
 * The wire types of the tech-stack REST API: the JSON the backend sends and
 * the frontend receives.
 */
export * from './radar';
export * from './adoption';
export * from './history';
export * from './campaigns';
