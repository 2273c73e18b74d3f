import { safeHttpUrl } from './safeUrl';

/** How a page shows where in the guide an entry comes from. */
export interface GuideLocationView {
  /** `Guide, line 12` (or `Guide` without a line). */
  text: string;
  /** The http(s) URL to link to, when the guide is read from one. */
  url?: string;
  /**
   * The guide's file as a reader may see it: a relative path as configured,
   * or only the file name of an absolute path (a path of the backend's disk
   * is never shown). Absent for URLs.
   */
  file?: string;
}

function isAbsolutePath(value: string): boolean {
  return (
    value.startsWith('/') ||
    value.startsWith('\\') ||
    value.startsWith('~') ||
    /^[A-Za-z]:[\\/]/.test(value)
  );
}

/** The last segment of a path, `/` or `\` separated (a string loop, no pattern). */
function baseName(value: string): string {
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '/' || c === '\\') start = i + 1;
  }
  return value.slice(start);
}

/**
 * Reads a `techstack.dev/source-location` annotation (`<url or path>#L<line>`,
 * optionally with a `url:` or `file:` prefix) into what a page shows: a link
 * for http(s) URLs; otherwise text, with a relative path kept as configured
 * and an absolute path cut to its file name, so a page never reveals where
 * the backend keeps its files. Any other scheme (`javascript:`, `data:`) is
 * neither linked nor shown.
 */
export function guideLocationView(location: string): GuideLocationView {
  const hash = location.indexOf('#');
  const base = hash < 0 ? location : location.slice(0, hash);
  const fragment = hash < 0 ? '' : location.slice(hash + 1);
  const line =
    fragment.startsWith('L') && /^\d{1,9}$/.test(fragment.slice(1))
      ? Number(fragment.slice(1))
      : undefined;
  const text = line ? `Guide, line ${line}` : 'Guide';
  const url = safeHttpUrl(location);
  if (url) return { text, url };
  let path = base.trim();
  if (path.startsWith('file:')) {
    path = path.slice('file:'.length);
    if (path.startsWith('//')) path = path.slice(2);
  }
  // another scheme (javascript:, data:, ...): nothing to show
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) && !/^[A-Za-z]:[\\/]/.test(path)) {
    return { text };
  }
  if (!path) return { text };
  return { text, file: isAbsolutePath(path) ? baseName(path) : path };
}
