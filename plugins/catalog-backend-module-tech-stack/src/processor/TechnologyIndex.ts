import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  parseTechnologyRef,
  TECHNOLOGY_KIND,
  technologyEntityNames,
  TechnologyNameIndex,
  TechnologyNames,
  technologySlug,
} from '@techstack/plugin-tech-stack-common';

/** The little the index needs to know of a technology. */
type IndexedTechnology = {
  ref: CompoundEntityRef;
  names: TechnologyNames;
};

type Snapshot = {
  index: TechnologyNameIndex<IndexedTechnology>;
  /** Did the catalog answer with at least one technology? */
  authoritative: boolean;
};

/**
 * How one name of a `techstack.dev/uses` annotation resolved.
 *
 * @public
 */
export type TechnologyResolution =
  | { name: string; ref: CompoundEntityRef }
  | { name: string; ref?: undefined; suggestions: string[] };

/**
 * Resolves technology names, aliases, slugs and refs to Technology entities,
 * by the rule of `TechnologyNameIndex` (`ApacheKafka`, `apache kafka`,
 * `Kafka` and `apache-kafka` all find Apache Kafka).
 *
 * It knows two sources: the catalog (queried for kind Technology, cached for
 * `ttlMs`, one query in flight at a time) and the entities the guide providers
 * of this process emitted last (so a component processed while the catalog is
 * still stitching a fresh guide already resolves). While the catalog has no
 * technology at all (startup, or it cannot be reached) the index is not
 * authoritative: names resolve by slug and nothing is reported unknown, so a
 * startup race does not flood the catalog with errors; the next processing
 * pass reports.
 *
 * @public
 */
export class TechnologyIndex {
  readonly #catalog?: CatalogService;
  readonly #auth?: AuthService;
  readonly #logger?: LoggerService;
  readonly #ttlMs: number;
  readonly #local = new Map<string, IndexedTechnology[]>();
  #catalogTechnologies: IndexedTechnology[] = [];
  #catalogAuthoritative = false;
  #fetchedAt = 0;
  #inFlight?: Promise<void>;
  #snapshot?: Snapshot;

  constructor(options: {
    catalog?: CatalogService;
    auth?: AuthService;
    logger?: LoggerService;
    ttlMs?: number;
  }) {
    this.#catalog = options.catalog;
    this.#auth = options.auth;
    this.#logger = options.logger;
    this.#ttlMs = options.ttlMs ?? 30_000;
  }

  /** Tells the index which technologies a guide provider of this process emitted last (replacing that guide's previous set). */
  setLocalTechnologies(guideId: string, entities: Entity[]): void {
    this.#local.set(guideId, entities.map(toIndexed));
    this.#snapshot = undefined;
  }

  /** Forgets the cached catalog answer, so the next resolution asks again. */
  invalidate(): void {
    this.#fetchedAt = 0;
  }

  /**
   * Is this entity already in the catalog? Unknown without a catalog (then
   * `true`: report errors as usual).
   */
  async isInCatalog(entityRef: string): Promise<boolean> {
    if (!this.#catalog || !this.#auth) {
      return true;
    }
    try {
      const credentials = await this.#auth.getOwnServiceCredentials();
      const entity = await this.#catalog.getEntityByRef(entityRef, {
        credentials,
      });
      return entity !== undefined;
    } catch {
      return true;
    }
  }

  /** Resolves the names of one `techstack.dev/uses` annotation. */
  async resolve(
    names: string[],
  ): Promise<{ authoritative: boolean; results: TechnologyResolution[] }> {
    const snapshot = await this.#getSnapshot();
    const results = names.map(name => {
      const ref = snapshot.index.find(name)?.ref;
      if (ref) {
        return { name, ref };
      }
      if (!snapshot.authoritative) {
        const fallback = refOrSlug(name);
        if (fallback) {
          return { name, ref: fallback };
        }
      }
      return { name, suggestions: snapshot.index.suggest(name) };
    });
    return { authoritative: snapshot.authoritative, results };
  }

  async #getSnapshot(): Promise<Snapshot> {
    if (this.#catalog && Date.now() - this.#fetchedAt > this.#ttlMs) {
      if (!this.#inFlight) {
        this.#inFlight = this.#fetch().finally(() => {
          this.#inFlight = undefined;
        });
      }
      await this.#inFlight;
    }
    if (!this.#snapshot) {
      this.#snapshot = this.#buildSnapshot();
    }
    return this.#snapshot;
  }

  async #fetch(): Promise<void> {
    try {
      const credentials = await this.#auth!.getOwnServiceCredentials();
      const response = await this.#catalog!.getEntities(
        {
          filter: { kind: TECHNOLOGY_KIND },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'spec.aliases',
          ],
        },
        { credentials },
      );
      this.#catalogTechnologies = response.items.map(toIndexed);
      this.#catalogAuthoritative = response.items.length > 0;
    } catch (error) {
      // Keep what we had; without anything, stay non-authoritative.
      this.#logger?.warn(
        `Could not list Technology entities to resolve techstack.dev/uses annotations: ${error}`,
      );
    }
    this.#fetchedAt = Date.now();
    this.#snapshot = undefined;
  }

  #buildSnapshot(): Snapshot {
    const all = [
      ...this.#catalogTechnologies,
      ...[...this.#local.values()].flat(),
    ];
    return {
      index: new TechnologyNameIndex(all, technology => technology.names),
      authoritative: this.#catalogAuthoritative,
    };
  }
}

function toIndexed(entity: Entity): IndexedTechnology {
  return {
    ref: {
      kind: TECHNOLOGY_KIND,
      namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      name: entity.metadata.name,
    },
    names: technologyEntityNames(entity),
  };
}

function refOrSlug(name: string): CompoundEntityRef | undefined {
  if (name.includes(':') || name.includes('/')) {
    return parseTechnologyRef(name);
  }
  const slug = technologySlug(name);
  return slug
    ? { kind: TECHNOLOGY_KIND, namespace: DEFAULT_NAMESPACE, name: slug }
    : undefined;
}
