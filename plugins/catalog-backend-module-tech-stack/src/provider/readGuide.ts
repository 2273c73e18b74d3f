import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ForwardedError, InputError, NotFoundError } from '@backstage/errors';
import { DEFAULT_MAX_GUIDE_BYTES } from '@techstack/plugin-tech-stack-common';
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
  /** The URL, or the absolute file path (read from; never shown). */
  target: string;
  /**
   * How the target is shown in entities, API answers and errors: the URL, or
   * the file path as configured (`../../examples/guide.md`); an absolute path
   * is shown relative to the backend's working directory, so no absolute
   * path of the backend's disk leaves it.
   */
  display: string;
  /** The location ref for the `backstage.io/managed-by-location` annotations: `url:<url>` or `file:<display>`. */
  locationRef: string;
}

const URL_PATTERN = /^[a-z][a-z0-9+.-]*:\/\//i;

function fileTarget(absolute: string, configured: string): ResolvedTarget {
  const display = path.isAbsolute(configured)
    ? path.relative(process.cwd(), absolute).split(path.sep).join('/') ||
      path.basename(absolute)
    : configured;
  return {
    type: 'file',
    target: absolute,
    display,
    locationRef: `file:${display}`,
  };
}

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
    return fileTarget(absolute, absolute);
  }
  if (URL_PATTERN.test(target)) {
    return {
      type: 'url',
      target,
      display: target,
      locationRef: `url:${target}`,
    };
  }
  return fileTarget(path.resolve(target), target);
}

/**
 * Reads the text of a target: URLs through the UrlReader (so the configured
 * integrations apply), files from disk. Anything above `maxBytes` (default
 * 5 MB, the parser's own limit) is refused before it is decoded. Errors say
 * what could not be read, naming the target as shown (never an absolute
 * path).
 *
 * @public
 */
export async function readTargetText(
  resolved: ResolvedTarget,
  urlReader: UrlReaderService,
  maxBytes: number = DEFAULT_MAX_GUIDE_BYTES,
): Promise<string> {
  const tooLarge = (bytes: number) =>
    new InputError(
      `${resolved.display} is ${bytes} bytes, above the limit of ${maxBytes} bytes`,
    );
  if (resolved.type === 'file') {
    try {
      const stat = await fs.stat(resolved.target);
      if (stat.size > maxBytes) {
        throw tooLarge(stat.size);
      }
      return await fs.readFile(resolved.target, 'utf8');
    } catch (error) {
      if ((error as Error).name === 'InputError') {
        throw error;
      }
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundError(`file ${resolved.display} does not exist`);
      }
      // The system error's message names the absolute path: keep its code only.
      throw new ForwardedError(
        `could not read file ${resolved.display}`,
        new Error((error as NodeJS.ErrnoException).code ?? 'unknown error'),
      );
    }
  }
  let buffer: Buffer;
  try {
    const response = await urlReader.readUrl(resolved.target);
    buffer = await response.buffer();
  } catch (error) {
    throw new ForwardedError(`could not read ${resolved.display}`, error);
  }
  if (buffer.length > maxBytes) {
    throw tooLarge(buffer.length);
  }
  return buffer.toString('utf8');
}
