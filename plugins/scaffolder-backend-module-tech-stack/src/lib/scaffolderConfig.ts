import type { Config } from '@backstage/config';
import os from 'node:os';
import path from 'node:path';

/** The `techStack.scaffolder` configuration, with paths resolved. */
export interface TechStackScaffolderConfig {
  /** The organisation's recipe folder, if configured. */
  recipesDir?: string;
  /** Where `tech-stack:publish-local` puts new services. */
  localPublishDir: string;
}

/** The default of `techStack.scaffolder.localPublishDir`. */
export function defaultLocalPublishDir(): string {
  return path.join(os.tmpdir(), 'tech-stack-services');
}

/** Reads `techStack.scaffolder` from the app config (every key optional). */
export function readScaffolderConfig(config?: Config): TechStackScaffolderConfig {
  const section = config?.getOptionalConfig('techStack.scaffolder');
  const recipesDir = section?.getOptionalString('recipesDir');
  const localPublishDir = section?.getOptionalString('localPublishDir');
  return {
    ...(recipesDir ? { recipesDir: path.resolve(recipesDir) } : {}),
    localPublishDir: localPublishDir
      ? path.resolve(localPublishDir)
      : defaultLocalPublishDir(),
  };
}
