import {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { validateTechnologySpec } from '../../entity';
import { guideToTechnologyEntities } from '../../entities/guideToEntities';
import type { GuideModel } from '../../model';
import { parseGuide } from '../parseGuide';

const catalogPolicy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

/** What went wrong for one guide, as messages (empty when everything passed). */
export interface GuideCheck {
  model?: GuideModel;
  entities: number;
  /** parseGuide or guideToTechnologyEntities threw. */
  crash?: string;
  /** Entities the catalog's policies or the Technology validator reject. */
  rejected: string[];
  /** Titles, aliases or layer names containing `<` or `>`. */
  markup: string[];
}

/**
 * Runs one guide through parseGuide → guideToTechnologyEntities → the
 * catalog's own entity policies and the Technology kind's validator, and
 * checks that no title, alias or layer name holds `<` or `>`.
 */
export async function checkGuide(text: string): Promise<GuideCheck> {
  const result: GuideCheck = { entities: 0, rejected: [], markup: [] };
  let entities;
  try {
    result.model = parseGuide(text);
    entities = guideToTechnologyEntities(result.model, {
      owner: 'group:default/platform-team',
      guideId: 'fuzz',
      sourceLocation: 'https://example.com/guide.md',
    });
  } catch (error) {
    result.crash =
      error instanceof Error ? error.stack ?? error.message : String(error);
    return result;
  }
  result.entities = entities.length;
  for (const entity of entities) {
    try {
      await catalogPolicy.enforce(entity);
    } catch (error) {
      result.rejected.push(`${entity.metadata.name}: ${String(error)}`);
    }
    const problems = validateTechnologySpec(entity.spec);
    if (problems.length > 0) {
      result.rejected.push(`${entity.metadata.name}: ${problems.join('; ')}`);
    }
    const names = [
      entity.metadata.title ?? '',
      ...(entity.spec.aliases ?? []),
      ...entity.spec.layers.flatMap(l => [l.section, l.group ?? '', l.layer]),
    ];
    for (const name of names) {
      if (name.includes('<') || name.includes('>')) {
        result.markup.push(`${entity.metadata.name}: ${JSON.stringify(name)}`);
      }
    }
  }
  return result;
}
