import {
  isAbsoluteDiskPath,
  pathFileName,
  splitSourceLocation,
} from '@techstack/plugin-tech-stack-common';
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

/**
 * Reads a `techstack.dev/source-location` annotation (`<url or path>#L<line>`,
 * optionally with a `url:` or `file:` prefix) into what a page shows: a link
 * for http(s) URLs; otherwise text, with a relative path kept as configured
 * and an absolute path cut to its file name, so a page never reveals where
 * the backend keeps its files. Any other scheme (`javascript:`, `data:`) is
 * neither linked nor shown.
 */
export function guideLocationView(location: string): GuideLocationView {
  const parts = splitSourceLocation(location);
  const line = parts?.line;
  const text = line ? `Guide, line ${line}` : 'Guide';
  if (!parts) return { text };
  const url = safeHttpUrl(location);
  if (url) return { text, url };
  let path = parts.base;
  if (path.startsWith('file:')) {
    path = path.slice('file:'.length);
    if (path.startsWith('//')) path = path.slice(2);
  }
  // another scheme (javascript:, data:, ...): nothing to show
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path) && !isAbsoluteDiskPath(path)) {
    return { text };
  }
  if (!path) return { text };
  return { text, file: isAbsoluteDiskPath(path) ? pathFileName(path) : path };
}
