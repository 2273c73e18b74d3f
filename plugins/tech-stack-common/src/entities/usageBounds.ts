import { MAX_TECHNOLOGY_NAME_LENGTH } from '../names/technologyNameKey';

/**
 * The most names one `techstack.dev/uses` annotation may give.
 *
 * @public
 */
export const MAX_USES_NAMES = 100;

/**
 * The longest name (in characters) a `techstack.dev/uses` annotation may
 * give: the longest technology name matched.
 *
 * @public
 */
export const MAX_USES_NAME_LENGTH = MAX_TECHNOLOGY_NAME_LENGTH;

/**
 * Holds the names of a `techstack.dev/uses` annotation to the bounds: the
 * first {@link MAX_USES_NAMES} names are kept, names longer than
 * {@link MAX_USES_NAME_LENGTH} characters are dropped, and each broken bound
 * becomes one problem naming the limit. Only the kept names are resolved, so
 * an oversized annotation costs no more than an allowed one. The catalog
 * module reports the problems; the tech-stack backend reads only the kept
 * names.
 *
 * @public
 */
export function boundUsageNames(names: string[]): {
  names: string[];
  problems: string[];
} {
  const problems: string[] = [];
  let kept = names;
  if (names.length > MAX_USES_NAMES) {
    problems.push(
      `gives ${names.length} names, above the limit of ${MAX_USES_NAMES}; only the first ${MAX_USES_NAMES} are used`,
    );
    kept = names.slice(0, MAX_USES_NAMES);
  }
  const long = kept.filter(name => name.length > MAX_USES_NAME_LENGTH);
  if (long.length) {
    problems.push(
      `has ${
        long.length === 1 ? 'a name' : `${long.length} names`
      } longer than the limit of ${MAX_USES_NAME_LENGTH} characters ('${long[0].slice(
        0,
        40,
      )}…', ${long[0].length} characters), not used`,
    );
    kept = kept.filter(name => name.length <= MAX_USES_NAME_LENGTH);
  }
  return { names: kept, problems };
}
