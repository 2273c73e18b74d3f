import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { AdoptionService } from '../service/AdoptionService';
import { sharedSchemas } from './schemas';

const DEFAULT_LIMIT = 100;
/** The pseudo-team of components without an owner. */
export const UNOWNED = 'unowned';

/**
 * `tech-stack:who-uses`: the teams and components that use a technology,
 * with the evidence of each usage.
 */
export function createWhoUsesAction(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  const { actionsRegistry, adoption } = options;
  actionsRegistry.register({
    name: 'who-uses',
    title: 'Who uses a technology',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    description: `Finds the teams and components (services, websites, libraries) of the software catalog that use a technology, e.g. to find people with experience in it, or who is affected when it goes on hold.
The technology can be named in any spelling or alias ("Kafka", "apache-kafka").
Each component comes with the evidence of its usage: its techstack.dev/uses annotation, a catalog tag, or a resource it depends on (a database, a Kafka cluster).
Only what the caller may see in the catalog is counted.`,
    schema: {
      input: z =>
        z.object({
          technology: z
            .string()
            .min(1)
            .max(200)
            .describe('The technology, by name, alias or entity ref'),
          limit: z
            .number()
            .int()
            .min(1)
            .max(1000)
            .optional()
            .describe(
              `At most this many components are listed (default ${DEFAULT_LIMIT}); the totals count all`,
            ),
        }),
      output: z => {
        const { ring } = sharedSchemas(z);
        return z.object({
          technology: z.object({
            ref: z.string(),
            title: z.string(),
            ring,
            reason: z.string().optional(),
          }),
          teams: z.array(
            z.object({
              ref: z
                .string()
                .describe(`Group ref of the owner, or "${UNOWNED}"`),
              title: z.string().optional(),
              components: z.array(
                z.object({
                  ref: z.string(),
                  title: z.string().optional(),
                  sources: z
                    .array(z.enum(['annotation', 'tag', 'dependency']))
                    .describe('How the usage was found'),
                  evidence: z
                    .array(z.string())
                    .describe(
                      'annotation:<name>, tag:<tag> or the resource depended on',
                    ),
                }),
              ),
            }),
          ),
          totals: z.object({ teams: z.number(), components: z.number() }),
          truncated: z
            .boolean()
            .describe('Whether components were left out by the limit'),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const snapshot = await adoption.getSnapshot(credentials);
      const technology = snapshot.matcher.match(input.technology);
      if (!technology) {
        const suggestions = snapshot.matcher.suggest(input.technology);
        throw new NotFoundError(
          `'${input.technology}' is not a technology of the stack guide${
            suggestions.length
              ? `; did you mean ${suggestions.join(', ')}?`
              : ''
          }`,
        );
      }
      const limit = input.limit ?? DEFAULT_LIMIT;
      const teams = new Map<
        string,
        {
          ref: string;
          title?: string;
          components: Array<{
            ref: string;
            title?: string;
            sources: Array<'annotation' | 'tag' | 'dependency'>;
            evidence: string[];
          }>;
        }
      >();
      let components = 0;
      for (const component of snapshot.components) {
        const usage = component.usages.find(
          u => u.technologyRef === technology.ref,
        );
        if (!usage) continue;
        components++;
        const owner = component.owner ?? UNOWNED;
        let team = teams.get(owner);
        if (!team) {
          const title = snapshot.org.get(owner)?.title;
          team = { ref: owner, ...(title ? { title } : {}), components: [] };
          teams.set(owner, team);
        }
        if (components <= limit) {
          team.components.push({
            ref: component.ref,
            ...(component.title ? { title: component.title } : {}),
            sources: usage.sources,
            evidence: usage.evidence,
          });
        }
      }
      return {
        output: {
          technology: {
            ref: technology.ref,
            title: technology.title,
            ring: technology.ring,
            ...(technology.ringReason ? { reason: technology.ringReason } : {}),
          },
          teams: [...teams.values()].sort(
            (a, b) =>
              b.components.length - a.components.length ||
              a.ref.localeCompare(b.ref),
          ),
          totals: { teams: teams.size, components },
          truncated: components > limit,
        },
      };
    },
  });
}
