/**
 * Reads the line number from a `techstack.dev/source-location` annotation
 * (`<guide url or path>#L<line>`).
 *
 * @returns the 1-based line, or undefined when the annotation has none.
 */
export function sourceLine(location: string | undefined): number | undefined {
  if (!location) {
    return undefined;
  }
  const match = /#L(\d+)(?:-L?\d+)?$/.exec(location.trim());
  if (!match) {
    return undefined;
  }
  const line = Number(match[1]);
  return Number.isSafeInteger(line) && line > 0 ? line : undefined;
}

/** Longest annotation value read; longer values are not shown at all. */
const MAX_LOCATION_LENGTH = 4096;

const URL_SCHEME = /^[a-z][a-z0-9+.-]{0,31}:\/\//i;

/** Splits `<base>#L<line>` into base and fragment (fragment '' when absent). */
function splitFragment(location: string): { base: string; fragment: string } {
  const hash = location.lastIndexOf('#');
  if (hash < 0 || location.charAt(hash + 1) !== 'L') {
    return { base: location, fragment: '' };
  }
  return { base: location.slice(0, hash), fragment: location.slice(hash) };
}

/** True for paths that name a place on a disk from its root. */
function isAbsolutePath(value: string): boolean {
  return (
    value.startsWith('/') ||
    value.startsWith('\\') ||
    value.startsWith('~') ||
    /^[a-zA-Z]:[\\/]/.test(value)
  );
}

/** The last segment of a path (after the last `/` or `\`). */
function baseName(value: string): string {
  const slash = Math.max(value.lastIndexOf('/'), value.lastIndexOf('\\'));
  return value.slice(slash + 1);
}

/**
 * A remote URL as it may be shown: without user name or password. Undefined
 * for `file:` URLs and anything that does not parse.
 */
function publicUrl(value: string): string | undefined {
  if (!URL_SCHEME.test(value) || /^file:/i.test(value)) {
    return undefined;
  }
  try {
    const url = new URL(value);
    if (!url.username && !url.password) {
      return value;
    }
    url.username = '';
    url.password = '';
    return url.toString();
  } catch {
    return undefined;
  }
}

/**
 * The `techstack.dev/source-location` annotation as an API answer may show
 * it, never naming a place on the backend's disk:
 *
 * - a remote guide (`https://…`, or the location ref `url:https://…`) keeps
 *   its URL (without any user name or password in it);
 * - a local guide (an absolute path, `file:<path>` or `file://…`) is shown as
 *   the guide's target as configured when that is a URL or a relative path,
 *   otherwise by its file name only.
 *
 * The `#L<line>` fragment is kept, so {@link sourceLine} reads the same line.
 *
 * @param location - the annotation value
 * @param configuredTarget - `techStack.guides[].target` of the entity's guide, if known
 * @returns the location to show, or undefined when there is none to show
 */
export function publicSourceLocation(
  location: string | undefined,
  configuredTarget?: string,
): string | undefined {
  const trimmed = location?.trim();
  if (!trimmed || trimmed.length > MAX_LOCATION_LENGTH) {
    return undefined;
  }
  const { base, fragment } = splitFragment(trimmed);
  const remote = publicUrl(base.startsWith('url:') ? base.slice(4) : base);
  if (remote) {
    return base.startsWith('url:')
      ? `url:${remote}${fragment}`
      : `${remote}${fragment}`;
  }
  const target = configuredTarget?.trim();
  if (target) {
    const configuredUrl = publicUrl(target);
    if (configuredUrl) {
      return `${configuredUrl}${fragment}`;
    }
    if (!/^file:/i.test(target) && !isAbsolutePath(target)) {
      return `${target}${fragment}`;
    }
  }
  const path = base.startsWith('file:') ? base.slice(5) : base;
  const name = baseName(path);
  return name ? `${name}${fragment}` : undefined;
}
