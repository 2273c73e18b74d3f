import type { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';

/**
 * The `techStack.scaffolder` configuration.
 *
 * @public
 */
export interface TechStackScaffolderConfig {
  /** The organisation's recipe folder, if configured: an absolute path. */
  recipesDir?: string;
  /**
   * Where `tech-stack:publish-local` puts new services, as configured:
   * absolute, or relative to the backend's working directory (resolve it
   * with `path.resolve`). Kept in this form so that what users see names the
   * folder as the configuration does, not the backend's disk layout.
   */
  localPublishDir: string;
}

/**
 * The default of `techStack.scaffolder.localPublishDir`: `<os tmp>/tech-stack-services`.
 *
 * @public
 */
export function defaultLocalPublishDir(): string {
  return path.join(os.tmpdir(), 'tech-stack-services');
}

/**
 * Reads `techStack.scaffolder` from the app config (every key optional).
 *
 * @public
 */
export function readScaffolderConfig(
  config?: Config,
): TechStackScaffolderConfig {
  const section = config?.getOptionalConfig('techStack.scaffolder');
  const recipesDir = section?.getOptionalString('recipesDir');
  const localPublishDir = section?.getOptionalString('localPublishDir');
  return {
    ...(recipesDir ? { recipesDir: path.resolve(recipesDir) } : {}),
    localPublishDir: localPublishDir || defaultLocalPublishDir(),
  };
}
