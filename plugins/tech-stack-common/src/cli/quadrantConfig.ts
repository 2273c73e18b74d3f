import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { z } from 'zod';
import type { QuadrantGroup } from '../entities/radarQuadrants';
import { MAX_HEADING_LENGTH } from '../parser/limits';

/** The config key `tech-stack parse --config` reads. */
export const QUADRANTS_CONFIG_KEY = 'techStack.export.quadrants';

/** Largest config file read by `--config`, in bytes. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const name = z.string().trim().min(1).max(MAX_HEADING_LENGTH);
const quadrantsSchema = z
  .array(
    z.strictObject({
      name,
      sections: z.array(name).min(1).max(1_000),
    }),
  )
  .min(1)
  .max(1_000);

/**
 * Reads the quadrant mapping of a YAML config file (an `app-config.yaml`):
 *
 * ```yaml
 * techStack:
 *   export:
 *     quadrants:
 *       - name: Platforms
 *         sections: [Core Infrastructure, Edge & CDN]
 * ```
 *
 * Quadrants in the order written. Throws an `InputError` naming the file and
 * the key: not YAML, the key missing, or a value of the wrong shape
 * (`techStack.export.quadrants[1].sections: …`). Section names are checked
 * against the guide by `resolveQuadrantGroups`.
 */
export function readQuadrantConfig(
  text: string,
  file: string,
): QuadrantGroup[] {
  let config: unknown;
  try {
    config = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(
      `${file} is not YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const value = (config as any)?.techStack?.export?.quadrants;
  if (value === undefined) {
    throw new InputError(`${file} has no ${QUADRANTS_CONFIG_KEY}`);
  }
  const result = quadrantsSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path
      .map(part =>
        typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
      )
      .join('');
    throw new InputError(
      `Invalid config at '${QUADRANTS_CONFIG_KEY}${path}' in ${file}: ${issue.message}`,
    );
  }
  return result.data;
}
