import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import { readScaffolderConfig } from '@techstack/plugin-scaffolder-backend-module-tech-stack';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Characters the catalog's file reader treats as glob syntax (`*`, `{a,b}`, `[ab]`, …). */
const GLOB_CHARS = new Set([
  '*',
  '?',
  '[',
  ']',
  '{',
  '}',
  '(',
  ')',
  '!',
  '+',
  '@',
  '\\',
]);

function hasGlobSyntax(target: string): boolean {
  for (const char of target) {
    if (GLOB_CHARS.has(char)) return true;
  }
  return false;
}

/** Is `child` strictly inside `dir` (both absolute, real paths)? */
function isInside(dir: string, child: string): boolean {
  const relative = path.relative(dir, child);
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  );
}

/**
 * The real path of a file that may not exist yet: the real path of its
 * nearest existing ancestor joined with the rest, so neither `..` nor a
 * symbolic link anywhere on the way can point outside what it seems to name.
 */
async function realPathOf(absolute: string): Promise<string> {
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...rest.reverse());
    } catch (error) {
      const parent = path.dirname(current);
      if (
        (error as NodeJS.ErrnoException).code !== 'ENOENT' ||
        parent === current
      ) {
        throw error;
      }
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Which `file` locations the example portal's catalog may read: the files
 * the app-config declares under `catalog.locations` (exactly those targets),
 * and files inside `techStack.scaffolder.localPublishDir`, where
 * `tech-stack:publish-local` writes new services. Everything else on the
 * backend's disk is refused, so no signed-in user can register or dry-run
 * `file:/etc/passwd`.
 *
 * A target is resolved like the catalog resolves it (against the working
 * directory), then by its real path, so `..` segments and symbolic links
 * cannot leave the folder; glob syntax is refused outside the declared
 * targets, since the catalog would expand it. Refusals are `NotAllowedError`s
 * that name the target as given and the configured folder, never a resolved
 * path of the backend's disk.
 */
export class FileLocationPolicy {
  readonly #declared: Set<string>;
  readonly #publishDir: string;
  readonly #publishDirAsConfigured: string;

  private constructor(declared: Set<string>, publishDirAsConfigured: string) {
    this.#declared = declared;
    this.#publishDirAsConfigured = publishDirAsConfigured;
    this.#publishDir = path.resolve(publishDirAsConfigured);
  }

  /** Reads `catalog.locations` and `techStack.scaffolder.localPublishDir`. */
  static fromConfig(config: Config): FileLocationPolicy {
    const declared = new Set(
      (config.getOptionalConfigArray('catalog.locations') ?? [])
        .filter(location => location.getString('type') === 'file')
        .map(location => path.resolve(location.getString('target'))),
    );
    return new FileLocationPolicy(
      declared,
      readScaffolderConfig(config).localPublishDir,
    );
  }

  /** Resolves when the catalog may read the `file` location `target`; rejects with a NotAllowedError otherwise. */
  async check(target: string): Promise<void> {
    const absolute = path.resolve(target);
    if (this.#declared.has(absolute)) {
      return;
    }
    const refuse = (why: string) =>
      new NotAllowedError(
        `file location ${target} is not allowed: ${why}; file locations must be inside techStack.scaffolder.localPublishDir (${
          this.#publishDirAsConfigured
        }) or declared under catalog.locations in the app-config`,
      );
    if (hasGlobSyntax(target)) {
      throw refuse('glob patterns are not accepted');
    }
    const [dir, file] = await Promise.all([
      realPathOf(this.#publishDir),
      realPathOf(absolute),
    ]);
    if (!isInside(dir, file)) {
      throw refuse('it is outside the service folder');
    }
  }
}
