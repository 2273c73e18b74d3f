/**
 * Reading the `techstack.dev/source-location` annotation
 * (`<guide url or path>#L<line>`), shared by the backend (which decides what
 * an API answer may show) and the frontend (which shows it).
 */

/**
 * Longest annotation value read; longer values are treated as absent.
 *
 * @public
 */
export const MAX_SOURCE_LOCATION_LENGTH = 4096;

/**
 * A `techstack.dev/source-location` value split into the guide and the line.
 *
 * @public
 */
export interface SourceLocationParts {
  /** The guide: a URL, a location ref (`url:…`, `file:…`) or a path. */
  base: string;
  /** `#L12` (or `#L12-L14`) as written; '' when there is none. */
  fragment: string;
  /** The 1-based line of the fragment, when it names one. */
  line?: number;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/**
 * Splits a source location at its last `#L…` fragment. Linear in the
 * value's length; undefined for an empty value or one over
 * {@link MAX_SOURCE_LOCATION_LENGTH}.
 *
 * @public
 */
export function splitSourceLocation(
  location: string | undefined,
): SourceLocationParts | undefined {
  const trimmed = location?.trim();
  if (!trimmed || trimmed.length > MAX_SOURCE_LOCATION_LENGTH) {
    return undefined;
  }
  const hash = trimmed.lastIndexOf('#');
  if (hash < 0 || trimmed.charAt(hash + 1) !== 'L') {
    return { base: trimmed, fragment: '' };
  }
  const fragment = trimmed.slice(hash);
  let end = 2;
  while (end < fragment.length && end < 11 && isDigit(fragment[end])) {
    end++;
  }
  const line = end > 2 ? Number(fragment.slice(2, end)) : undefined;
  return {
    base: trimmed.slice(0, hash),
    fragment,
    line: line !== undefined && line > 0 ? line : undefined,
  };
}

/**
 * True for a path that names a place on a disk from its root (`/srv/x`,
 * `\\share\x`, `~/x`, `C:\x`).
 *
 * @public
 */
export function isAbsoluteDiskPath(value: string): boolean {
  if (
    value.startsWith('/') ||
    value.startsWith('\\') ||
    value.startsWith('~')
  ) {
    return true;
  }
  const drive = value.charAt(0).toLowerCase();
  return (
    drive >= 'a' &&
    drive <= 'z' &&
    value.charAt(1) === ':' &&
    (value.charAt(2) === '/' || value.charAt(2) === '\\')
  );
}

/**
 * The last segment of a path, `/` or `\` separated.
 *
 * @public
 */
export function pathFileName(value: string): string {
  const slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return value.slice(slash + 1);
}
