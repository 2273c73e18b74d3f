import type {
  CatalogProcessor,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import type { FileLocationPolicy } from './FileLocationPolicy';

/**
 * A catalog processor that runs before the catalog's own file reader
 * (priority 10; the built-in processors have 20) and refuses to read a
 * `file` location the {@link FileLocationPolicy} does not allow. It never
 * reads anything itself. It guards every path by which the catalog reads a
 * file: registered locations, dry runs (`POST /locations?dryRun=true`
 * processes the location at once), `Location` entities inside files, and
 * `POST /validate-entity` with a `Location` entity of type `file`.
 */
export class FileLocationGuardProcessor implements CatalogProcessor {
  readonly #policy: FileLocationPolicy;

  constructor(policy: FileLocationPolicy) {
    this.#policy = policy;
  }

  getProcessorName(): string {
    return 'FileLocationGuardProcessor';
  }

  getPriority(): number {
    return 10;
  }

  async readLocation(location: LocationSpec): Promise<boolean> {
    if (location.type === 'file') {
      await this.#policy.check(location.target);
    }
    // Allowed (or not a file): the catalog's own readers read it.
    return false;
  }
}
