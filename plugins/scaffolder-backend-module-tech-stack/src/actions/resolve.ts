import type { CatalogService } from '@backstage/plugin-catalog-node';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkListBound,
  checkTextBound,
  INPUT_BOUNDS,
} from '../lib/inputBounds';
import { loadTechnologies } from '../lib/loadTechnologies';
import {
  LayerChoice,
  RECOMMENDED,
  resolveStack,
  usesOf,
} from '../lib/resolveStack';
import { TechnologyLookup } from '../lib/TechnologyLookup';
import { examples } from './resolve.examples';

/**
 * Options of {@link createResolveAction}.
 *
 * @public
 */
export interface ResolveActionOptions {
  catalog: CatalogService;
}

type LayersInput =
  | Record<
      string,
      string | { choice?: string; section?: string; group?: string }
    >
  | Array<{ layer: string; choice?: string; section?: string; group?: string }>;

/** Both input shapes as a list of {@link LayerChoice}. */
export function toLayerChoices(layers: LayersInput): LayerChoice[] {
  const list = Array.isArray(layers)
    ? layers
    : Object.entries(layers).map(([layer, value]) =>
        typeof value === 'string'
          ? { layer, choice: value }
          : { layer, ...value },
      );
  return list.map(({ layer, choice, section, group }) => ({
    layer,
    choice: choice?.trim() || RECOMMENDED,
    ...(section ? { section } : {}),
    ...(group ? { group } : {}),
  }));
}

/**
 * `tech-stack:resolve`: resolves a technology per layer of the stack guide
 * against the live Technology entities (read with the task's credentials).
 * `recommended` picks the layer's adopt technology. Hold technologies are
 * refused, trial and assess ones pass with a warning.
 *
 * @public
 */
export function createResolveAction(options: ResolveActionOptions) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'tech-stack:resolve',
    description:
      'Resolves a technology per layer of the technology stack guide (or the recommended one) from the catalog; refuses technologies on hold',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        layers: z =>
          z
            .union([
              z.record(
                z.string(),
                z.union([
                  z.string(),
                  z.object({
                    choice: z.string().optional(),
                    section: z.string().optional(),
                    group: z.string().optional(),
                  }),
                ]),
              ),
              z.array(
                z.object({
                  layer: z.string().min(1),
                  choice: z.string().optional(),
                  section: z.string().optional(),
                  group: z.string().optional(),
                }),
              ),
            ])
            .describe(
              'At most 50 layers, names of at most 200 characters. Layer → technology name, alias, slug or ref, or "recommended"; as a map ({ Relational: recommended, Key-Value: Valkey }, a value may be { choice, section, group }) or a list of { layer, choice, section?, group? }',
            ),
      },
      output: {
        stack: z =>
          z
            .array(
              z.object({
                layer: z.string(),
                section: z.string(),
                group: z.string().optional(),
                ref: z.string(),
                name: z.string(),
                title: z.string(),
                ring: z.enum(['adopt', 'trial', 'assess', 'hold']),
              }),
            )
            .describe('The chosen technology per layer'),
        uses: z =>
          z
            .string()
            .describe(
              'The techstack.dev/uses annotation value: the slugs, comma-separated',
            ),
      },
    },
    async handler(ctx) {
      const choices = toLayerChoices(ctx.input.layers as LayersInput);
      if (choices.length === 0) {
        throw new InputError('layers: choose at least one layer');
      }
      checkListBound('layers', choices, INPUT_BOUNDS.stackSize);
      for (const [index, choice] of choices.entries()) {
        const field = `layers[${index}]`;
        checkTextBound(`${field}.layer`, choice.layer, INPUT_BOUNDS.name);
        checkTextBound(`${field}.choice`, choice.choice, INPUT_BOUNDS.name);
        checkTextBound(`${field}.section`, choice.section, INPUT_BOUNDS.name);
        checkTextBound(`${field}.group`, choice.group, INPUT_BOUNDS.name);
      }
      const lookup = new TechnologyLookup(
        await loadTechnologies(catalog, await ctx.getInitiatorCredentials()),
      );
      const { stack, warnings } = resolveStack(lookup, choices);
      for (const warning of warnings) {
        ctx.logger.warn(warning);
      }
      for (const item of stack) {
        ctx.logger.info(
          `${item.layer}: ${item.title} (${item.ring}, ${item.ref})`,
        );
      }
      ctx.output('stack', stack);
      ctx.output('uses', usesOf(stack));
    },
  });
}
