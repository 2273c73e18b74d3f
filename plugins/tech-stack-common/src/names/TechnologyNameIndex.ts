import { DEFAULT_NAMESPACE } from '@backstage/catalog-model';
import { closestNames } from './closestNames';
import { parseTechnologyRef } from './parseTechnologyRef';
import { TechnologyNames } from './technologyEntityNames';
import {
  MAX_TECHNOLOGY_NAME_LENGTH,
  technologyNameKey,
} from './technologyNameKey';

function refKey(namespace: string, name: string): string {
  return `${namespace.toLocaleLowerCase('en-US')}/${name.toLocaleLowerCase(
    'en-US',
  )}`;
}

/**
 * Finds technologies by name, title, alias, slug or entity ref: the one rule
 * every package of Tech Stack for Backstage matches technology names by.
 *
 * - A name, title, alias or slug matches through {@link technologyNameKey}:
 *   `ApacheKafka`, `apache kafka`, `apache-kafka` and the alias `Kafka` all
 *   find Apache Kafka, while `Kafka Streams` does not.
 * - Names and titles win over aliases (an alias cannot shadow another
 *   technology's name); among equals, the item given first wins.
 * - A text with `:` is an entity ref only (`technology:default/apache-kafka`;
 *   kind and namespace in any case, another kind finds nothing). A text with
 *   `/` but no `:` is tried as a ref (`default/apache-kafka`), then as a name
 *   (`CI/CD`).
 * - A text longer than {@link MAX_TECHNOLOGY_NAME_LENGTH} characters finds
 *   nothing and costs nothing; such names are not indexed either.
 *
 * Building costs one key per name; a lookup costs one key and two map reads.
 *
 * @public
 */
export class TechnologyNameIndex<T> {
  readonly #byKey = new Map<string, T>();
  readonly #byRef = new Map<string, T>();
  readonly #candidates: Array<{ key: string; label: string }> = [];

  /**
   * @param items - the technologies, in order of precedence
   * @param namesOf - reads an item's names
   */
  constructor(items: Iterable<T>, namesOf: (item: T) => TechnologyNames) {
    const all = [...items].map(item => ({ item, names: namesOf(item) }));
    for (const { item, names } of all) {
      const ref = refKey(names.namespace ?? DEFAULT_NAMESPACE, names.name);
      if (!this.#byRef.has(ref)) {
        this.#byRef.set(ref, item);
      }
    }
    for (const pass of ['names', 'aliases'] as const) {
      for (const { item, names } of all) {
        const label = names.title ?? names.name;
        const texts =
          pass === 'names' ? [names.name, label] : names.aliases ?? [];
        for (const text of texts) {
          const key = technologyNameKey(text);
          if (!key) {
            continue;
          }
          if (!this.#byKey.has(key)) {
            this.#byKey.set(key, item);
          }
          this.#candidates.push({ key, label });
        }
      }
    }
  }

  /** The technology a name, title, alias, slug or entity ref stands for, if any. */
  find(nameOrRef: string): T | undefined {
    if (nameOrRef.length > MAX_TECHNOLOGY_NAME_LENGTH) {
      return undefined;
    }
    const text = nameOrRef.trim();
    const isRef = text.includes(':');
    if (isRef || text.includes('/')) {
      const ref = parseTechnologyRef(text);
      const found = ref
        ? this.#byRef.get(refKey(ref.namespace, ref.name))
        : undefined;
      if (found !== undefined || isRef) {
        return found;
      }
    }
    const key = technologyNameKey(text);
    return key ? this.#byKey.get(key) : undefined;
  }

  /**
   * Up to `limit` titles of technologies whose names are close to `name`
   * (prefixes first, then by edit distance), for a "did you mean" hint.
   */
  suggest(name: string, limit = 3): string[] {
    return closestNames(name, this.#candidates, limit);
  }
}
