import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ForwardedError, NotFoundError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where a guide (or overrides file) lives, as the catalog would describe it.
 *
 * @public
 */
export interface ResolvedTarget {
  /** `url` for anything read through the UrlReader, `file` for local paths. */
  type: 'url' | 'file';
  /** The URL, or the absolute file path. */
  target: string;
  /** The location ref for the `backstage.io/managed-by-location` annotations: `url:<target>` or `file:<absolute path>`. */
  locationRef: string;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Decides whether a configured target is a URL or a local file. File paths are
 * resolved against the backend's working directory, as the catalog resolves
 * `file` locations; `file://` URLs are accepted too.
 *
 * @public
 */
export function resolveTarget(target: string): ResolvedTarget {
  if (/^file:\/\//i.test(target)) {
    const absolute = fileURLToPath(target);
    return { type: 'file', target: absolute, locationRef: `file:${absolute}` };
  }
  if (URL_PATTERN.test(target)) {
    return { type: 'url', target, locationRef: `url:${target}` };
  }
  const absolute = path.resolve(target);
  return { type: 'file', target: absolute, locationRef: `file:${absolute}` };
}

/**
 * Reads the text of a target: URLs through the UrlReader (so the configured
 * integrations apply), files from disk. Errors say what could not be read.
 *
 * @public
 */
export async function readTargetText(
  resolved: ResolvedTarget,
  urlReader: UrlReaderService,
): Promise<string> {
  if (resolved.type === 'file') {
    try {
      return await fs.readFile(resolved.target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundError(`file ${resolved.target} does not exist`);
      }
      throw new ForwardedError(`could not read file ${resolved.target}`, error);
    }
  }
  try {
    const response = await urlReader.readUrl(resolved.target);
    const buffer = await response.buffer();
    return buffer.toString('utf8');
  } catch (error) {
    throw new ForwardedError(`could not read ${resolved.target}`, error);
  }
}
