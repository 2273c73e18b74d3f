import { trimChars } from './text';

/** The maximum length of a Backstage entity name. */
export const MAX_SLUG_LENGTH = 63;

const VALID_SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/**
 * Is `value` a valid Backstage entity name as produced by {@link technologySlug}?
 *
 * @public
 */
export function isValidSlug(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= MAX_SLUG_LENGTH &&
    VALID_SLUG.test(value)
  );
}

/** FNV-1a 32-bit hash as 8 hex digits: short, stable, dependency-free. */
export function stableHash(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function truncate(slug: string, max: number): string {
  if (slug.length <= max) {
    return slug;
  }
  return trimChars(slug.slice(0, max), '-');
}

/**
 * Turns a technology name into a valid Backstage entity name: lower case,
 * words joined by `-`, at most 63 characters (`Apache Kafka` → `apache-kafka`,
 * `Lambda@Edge` → `lambda-edge`, `Claude 3.5` → `claude-3-5`, `C++` → `cpp`).
 * Names without any latin letter or digit get a hash-based name.
 *
 * @public
 */
export function technologySlug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+\+/g, 'pp')
    .replace(/#/g, 'sharp')
    .replace(/^\.(?=[a-z])/, 'dot')
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-');
  const trimmed = trimChars(words, '-');
  if (!trimmed) {
    return `tech-${stableHash(name.trim())}`;
  }
  if (trimmed.length <= MAX_SLUG_LENGTH) {
    return trimmed;
  }
  return `${truncate(trimmed, MAX_SLUG_LENGTH - 9)}-${stableHash(name)}`;
}

/**
 * Assigns unique slugs. `items` hold each technology's preferred slug and a
 * sort key (its canonical name). When several share a slug, the one with the
 * smallest key keeps it and the others get `-2`, `-3`, … in key order, so the
 * result does not depend on the order of the guide.
 */
export function assignUniqueSlugs(
  items: ReadonlyArray<{ slug: string; key: string }>,
): string[] {
  const bySlug = new Map<string, number[]>();
  items.forEach((item, index) => {
    const list = bySlug.get(item.slug);
    if (list) list.push(index);
    else bySlug.set(item.slug, [index]);
  });
  const taken = new Set(bySlug.keys());
  const result = items.map(item => item.slug);
  for (const [slug, indexes] of bySlug) {
    if (indexes.length < 2) continue;
    const ordered = [...indexes].sort((a, b) => {
      const ka = items[a].key;
      const kb = items[b].key;
      if (ka !== kb) return ka < kb ? -1 : 1;
      return a - b;
    });
    let counter = 2;
    for (const index of ordered.slice(1)) {
      let candidate: string;
      do {
        const suffix = `-${counter++}`;
        candidate = `${truncate(
          slug,
          MAX_SLUG_LENGTH - suffix.length,
        )}${suffix}`;
      } while (taken.has(candidate));
      taken.add(candidate);
      result[index] = candidate;
    }
  }
  return result;
}
