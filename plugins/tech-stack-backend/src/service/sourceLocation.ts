import {
  isAbsoluteDiskPath,
  pathFileName,
  splitSourceLocation,
} from '@techstack/plugin-tech-stack-common';

/**
 * Reads the line number from a `techstack.dev/source-location` annotation
 * (`<guide url or path>#L<line>`).
 *
 * @returns the 1-based line, or undefined when the annotation has none.
 */
export function sourceLine(location: string | undefined): number | undefined {
  return splitSourceLocation(location)?.line;
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]{0,31}:\/\//i;

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
  const parts = splitSourceLocation(location);
  if (!parts) {
    return undefined;
  }
  const { base, fragment } = parts;
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
    if (!/^file:/i.test(target) && !isAbsoluteDiskPath(target)) {
      return `${target}${fragment}`;
    }
  }
  const path = base.startsWith('file:') ? base.slice(5) : base;
  const name = pathFileName(path);
  return name ? `${name}${fragment}` : undefined;
}
