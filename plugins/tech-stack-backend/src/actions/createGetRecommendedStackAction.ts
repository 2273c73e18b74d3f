import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { AdoptionService } from '../service/AdoptionService';
import { MAX_NEED_LENGTH } from '../service/stack/needWords';
import { toChoice } from './choices';
import { sharedSchemas } from './schemas';

const DEFAULT_LIMIT = 20;

/**
 * `tech-stack:get-recommended-stack`: what the guide recommends for a need,
 * a section or a layer.
 */
export function createGetRecommendedStackAction(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  const { actionsRegistry, adoption } = options;
  actionsRegistry.register({
    name: 'get-recommended-stack',
    title: 'Get the recommended technology stack',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    description: `What the organisation's technology stack guide recommends, per layer of the guide (a layer is one row of the guide's tables, such as "Relational" under "Data Layer › Operational Databases").
Use it before choosing a technology: pass a short free-text need ("relational database", "message broker", "secrets"), or a section and/or a layer by name.
Each layer comes with its recommended (adopt) choices, the alternatives (trial, assess) and what is on hold, each with its ring and the organisation's reason when it gave one.
Prefer the recommended choices; an alternative needs a reason, and hold means do not start anything new with it.
Without any input it returns the whole guide, layer by layer (up to the limit).`,
    schema: {
      input: z =>
        z.object({
          need: z
            .string()
            .min(1)
            .max(MAX_NEED_LENGTH)
            .optional()
            .describe(
              'A short description of what is needed, e.g. "relational database" or "feature store"',
            ),
          section: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe(
              'A section (## heading) or group (### heading) of the guide, e.g. "Data Layer"',
            ),
          layer: z
            .string()
            .min(1)
            .max(200)
            .optional()
            .describe('A layer (table row) of the guide, e.g. "Key-Value"'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(100)
            .optional()
            .describe(`At most this many layers (default ${DEFAULT_LIMIT})`),
        }),
      output: z => {
        const { choice } = sharedSchemas(z);
        return z.object({
          layers: z.array(
            z.object({
              section: z.string(),
              group: z.string().optional(),
              layer: z.string(),
              recommended: z
                .array(choice)
                .describe('Adopt: the choices to use by default'),
              alternatives: z
                .array(choice)
                .describe('Trial and assess: acceptable with a reason'),
              onHold: z
                .array(choice)
                .describe('Hold: do not start anything new with these'),
            }),
          ),
          totalLayers: z
            .number()
            .describe('How many layers matched (more than listed if limited)'),
          message: z
            .string()
            .optional()
            .describe('Why nothing matched, and what the guide has instead'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const snapshot = await adoption.getSnapshot(credentials);
      const guide = snapshot.layers;
      const sections = guide.sections();
      if (sections.length === 0) {
        throw new InputError(
          'The catalog has no Technology entities: no technology stack guide has been ingested, or you may not read its entities',
        );
      }
      const matched = guide.find(input);
      const limit = input.limit ?? DEFAULT_LIMIT;
      const layers = matched.slice(0, limit).map(layer => ({
        section: layer.section,
        ...(layer.group ? { group: layer.group } : {}),
        layer: layer.layer,
        recommended: layer.choices
          .filter(c => c.ring === 'adopt')
          .map(toChoice),
        alternatives: layer.choices
          .filter(c => c.ring === 'trial' || c.ring === 'assess')
          .map(toChoice),
        onHold: layer.choices.filter(c => c.ring === 'hold').map(toChoice),
      }));
      const output: {
        layers: typeof layers;
        totalLayers: number;
        message?: string;
      } = { layers, totalLayers: matched.length };
      if (matched.length === 0) {
        const asked = [
          input.need && `need "${input.need}"`,
          input.section && `section "${input.section}"`,
          input.layer && `layer "${input.layer}"`,
        ]
          .filter(Boolean)
          .join(', ');
        output.message = `No layer of the guide matches ${asked}. The guide's sections are: ${sections
          .slice(0, 50)
          .join(
            ', ',
          )}. Try a section, or a need in other words (the guide's own layer names work best).`;
      }
      return { output };
    },
  });
}
