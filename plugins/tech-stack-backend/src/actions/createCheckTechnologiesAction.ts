import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AdoptionService } from '../service/AdoptionService';
import { OFF_GUIDE_REASON } from '../service/adoption/buildCompliance';
import { UsageSnapshot } from '../service/adoption/UsageSnapshot';
import { ActionChoice, adoptAlternatives } from './choices';
import { sharedSchemas } from './schemas';

/** What {@link checkTechnology} answers for one name. */
export interface TechnologyCheck {
  name: string;
  status: 'adopt' | 'trial' | 'assess' | 'hold' | 'not-in-guide';
  ref?: string;
  title?: string;
  reason?: string;
  layers: Array<{
    section: string;
    group?: string;
    layer: string;
    ring: 'adopt' | 'trial' | 'assess' | 'hold';
  }>;
  alternatives: ActionChoice[];
  suggestions?: string[];
}

/**
 * Where one name stands in the guide: found by any name, alias or spelling
 * (the rule of `TechnologyNameIndex`), with its ring, its layers, the adopt
 * alternatives where it is not adopt itself, and for a name not in the
 * guide the closest names that are.
 */
export function checkTechnology(
  snapshot: UsageSnapshot,
  name: string,
): TechnologyCheck {
  const technology = snapshot.matcher.match(name);
  if (!technology) {
    const suggestions = snapshot.matcher.suggest(name);
    return {
      name,
      status: 'not-in-guide',
      reason: OFF_GUIDE_REASON,
      layers: [],
      alternatives: [],
      ...(suggestions.length ? { suggestions } : {}),
    };
  }
  const places = snapshot.layers.placesOf(technology.ref);
  const reason =
    technology.ringReason ??
    (technology.ring === 'hold' ? 'On hold in the guide' : undefined);
  return {
    name,
    status: technology.ring,
    ref: technology.ref,
    title: technology.title,
    ...(reason ? { reason } : {}),
    layers: technology.layers.map(l => ({
      section: l.section,
      ...(l.group ? { group: l.group } : {}),
      layer: l.layer,
      ring: l.ring,
    })),
    alternatives: adoptAlternatives(technology.ref, places),
  };
}

/**
 * `tech-stack:check-technologies`: where each of a list of technology names
 * stands in the guide.
 */
export function createCheckTechnologiesAction(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  const { actionsRegistry, adoption } = options;
  actionsRegistry.register({
    name: 'check-technologies',
    title: 'Check technologies against the stack guide',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    description: `Checks a list of technology names against the organisation's technology stack guide, e.g. the dependencies of a project or what a design proposes.
Names match in any spelling or alias ("Kafka" = "Apache Kafka", "postgres" = "PostgreSQL", "WandB" = "Weights & Biases").
For each name: its status (adopt, trial, assess, hold, or not-in-guide), the organisation's reason, the guide layers it appears in, and the recommended (adopt) alternatives where it is not adopt itself.
hold means: do not start anything new with it, move to an alternative. not-in-guide means the guide does not cover it: prefer a listed technology, and the closest guide names are suggested.`,
    schema: {
      input: z =>
        z.object({
          names: z
            .array(z.string().min(1).max(200))
            .min(1)
            .max(100)
            .describe('Technology names, in any spelling (at most 100)'),
        }),
      output: z => {
        const { choice, place } = sharedSchemas(z);
        return z.object({
          technologies: z.array(
            z.object({
              name: z.string().describe('The name as given'),
              status: z.enum([
                'adopt',
                'trial',
                'assess',
                'hold',
                'not-in-guide',
              ]),
              ref: z.string().optional(),
              title: z.string().optional(),
              reason: z.string().optional(),
              layers: z.array(place),
              alternatives: z
                .array(choice)
                .describe('Adopt choices of its layers, where it is not adopt'),
              suggestions: z
                .array(z.string())
                .optional()
                .describe('Closest guide names, for a name not in the guide'),
            }),
          ),
          summary: z.object({
            adopt: z.number(),
            trial: z.number(),
            assess: z.number(),
            hold: z.number(),
            notInGuide: z.number(),
          }),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const snapshot = await adoption.getSnapshot(credentials);
      const technologies = input.names.map(name =>
        checkTechnology(snapshot, name),
      );
      const summary = { adopt: 0, trial: 0, assess: 0, hold: 0, notInGuide: 0 };
      for (const t of technologies) {
        if (t.status === 'not-in-guide') summary.notInGuide++;
        else summary[t.status]++;
      }
      return { output: { technologies, summary } };
    },
  });
}
