import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ForwardedError, InputError } from '@backstage/errors';
import {
  TechnologyEntity,
  technologyEntityNames,
  TechnologyNameIndex,
} from '@techstack/plugin-tech-stack-common';
import { parse as parseYaml } from 'yaml';
import {
  parseOverrides,
  TechStackOverride,
  TechStackOverridesSource,
} from './config';
import { readTargetText, resolveTarget } from './readGuide';

/**
 * Loads the overrides: inline ones as they are, a `target` by reading and
 * validating its YAML list (read on every run, so edits apply on the next run).
 *
 * @public
 */
export async function loadOverrides(
  source: TechStackOverridesSource | undefined,
  urlReader: UrlReaderService,
): Promise<TechStackOverride[]> {
  if (!source) {
    return [];
  }
  if (source.type === 'inline') {
    return source.overrides;
  }
  const resolved = resolveTarget(source.target);
  const text = await readTargetText(resolved, urlReader);
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ForwardedError(
      `overrides file ${resolved.display} is not valid YAML`,
      error,
    );
  }
  if (data === null || data === undefined) {
    return [];
  }
  // Accept a bare list, or `{ overrides: [...] }` for files that hold more.
  const list =
    typeof data === 'object' && !Array.isArray(data) && 'overrides' in data
      ? (data as { overrides: unknown }).overrides
      : data;
  try {
    return parseOverrides(list, resolved.display);
  } catch (error) {
    throw new InputError(
      `overrides file ${resolved.display}: ${(error as Error).message}`,
    );
  }
}

/**
 * Applies the organisation's overrides to the entities of one guide run.
 * A ring override moves the technology to that ring in every layer (so
 * `spec.ring`, the best ring of its layers, is the override's ring); `reason`
 * becomes `spec.ringReason`. An override naming no technology of the guide
 * yields a warning, never an error. Returns new entity objects.
 *
 * @public
 */
export function applyOverrides(
  entities: TechnologyEntity[],
  overrides: TechStackOverride[],
): { entities: TechnologyEntity[]; warnings: string[] } {
  const result = entities.map(entity => structuredClone(entity));
  const index = new TechnologyNameIndex(result, technologyEntityNames);

  const warnings: string[] = [];
  for (const override of overrides) {
    const entity = index.find(override.technology);
    if (!entity) {
      const suggestions = index.suggest(override.technology);
      warnings.push(
        `Override for unknown technology '${override.technology}' ignored${
          suggestions.length ? `; did you mean ${suggestions.join(', ')}?` : ''
        }`,
      );
      continue;
    }
    if (override.ring) {
      entity.spec.ring = override.ring;
      entity.spec.layers = entity.spec.layers.map(layer => ({
        ...layer,
        ring: override.ring!,
      }));
    }
    if (override.reason !== undefined) {
      entity.spec.ringReason = override.reason;
    }
    if (override.description !== undefined) {
      entity.spec.description = override.description;
      entity.metadata.description = override.description;
    }
    if (override.links?.length) {
      const links = [...(entity.metadata.links ?? [])];
      for (const link of override.links) {
        if (!links.some(existing => existing.url === link.url)) {
          links.push(link);
        }
      }
      entity.metadata.links = links;
    }
  }
  return { entities: result, warnings };
}
