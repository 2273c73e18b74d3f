import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { AdoptionService } from '../service/AdoptionService';
import { buildStack } from '../service/adoption/buildStack';
import { resolveTeamRef } from '../service/adoption/scope';
import { sharedSchemas } from './schemas';

/** Components listed per off-guide name; the count says how many there are. */
const MAX_LISTED_COMPONENTS = 20;

/**
 * `tech-stack:get-team-stack`: the technologies a team's components use,
 * with hold and off-guide ones flagged.
 */
export function createGetTeamStackAction(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  const { actionsRegistry, adoption } = options;
  actionsRegistry.register({
    name: 'get-team-stack',
    title: "Get a team's technology stack",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    description: `The technologies a team uses, across the components it owns and those of the groups below it, each with its ring in the organisation's technology stack guide and how many of the team's components use it.
Technologies on hold are flagged with the organisation's reason (the team should move off them), and names the components declare that are not in the guide are listed as off-guide.
The team is a group of the catalog, by name ("payments") or ref ("group:default/payments"). Only what the caller may see in the catalog is counted.`,
    schema: {
      input: z =>
        z.object({
          team: z
            .string()
            .min(1)
            .max(255)
            .describe('A group name or ref, e.g. "payments"'),
        }),
      output: z => {
        const { ring } = sharedSchemas(z);
        return z.object({
          team: z.object({ ref: z.string(), title: z.string().optional() }),
          technologies: z.array(
            z.object({
              ref: z.string(),
              title: z.string(),
              ring,
              onHold: z.boolean(),
              reason: z.string().optional(),
              components: z
                .number()
                .describe("How many of the team's components use it"),
            }),
          ),
          offGuide: z.array(
            z.object({
              name: z.string().describe('The name as components declare it'),
              count: z.number(),
              components: z
                .array(z.string())
                .describe(`The first ${MAX_LISTED_COMPONENTS} components`),
            }),
          ),
          totals: z.object({
            components: z.number(),
            technologies: z.number(),
            onHold: z.number(),
            offGuide: z.number(),
            adoptShare: z
              .number()
              .nullable()
              .describe('Share of usages on adopt technologies (0 to 1)'),
          }),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const snapshot = await adoption.getSnapshot(credentials);
      const ref = resolveTeamRef(snapshot, input.team, 'team');
      const stack = buildStack(snapshot, ref);
      const technologies = stack.technologies.map(t => ({
        ref: t.ref,
        title: t.title,
        ring: t.ring,
        onHold: t.ring === 'hold',
        ...(t.ringReason ? { reason: t.ringReason } : {}),
        components: t.components.length,
      }));
      return {
        output: {
          team: { ref, ...(stack.title ? { title: stack.title } : {}) },
          technologies,
          offGuide: stack.offGuide.map(o => ({
            name: o.name,
            count: o.components.length,
            components: o.components.slice(0, MAX_LISTED_COMPONENTS),
          })),
          totals: {
            components: stack.totals.components,
            technologies: technologies.length,
            onHold: technologies.filter(t => t.onHold).length,
            offGuide: stack.offGuide.length,
            adoptShare: stack.totals.adoptShare,
          },
        },
      };
    },
  });
}
