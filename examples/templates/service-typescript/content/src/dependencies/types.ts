/**
 * A backing service this service connects to: a database, a cache, a
 * broker. Each client module in this folder default-exports a function that
 * creates one from the address in its environment variable.
 */
export interface Dependency {
  /** Opens the connection; rejects when the dependency cannot be reached. */
  connect(): Promise<void>;
  /** Resolves when the dependency answers now; rejects with the reason otherwise. */
  check(): Promise<void>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/**
 * One entry of the registry (`index.ts`): the technology, as
 * `techstack.dev/uses` in catalog-info.yaml names it; the environment
 * variable with its address; the client module's factory.
 */
export type DependencyEntry = [
  technology: string,
  env: string,
  create: (address: string) => Dependency,
];
