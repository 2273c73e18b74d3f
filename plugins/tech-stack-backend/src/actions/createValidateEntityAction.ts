import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ANNOTATION_TECHSTACK_USES,
  MAX_CATALOG_INFO_BYTES,
  readCatalogInfoUses,
} from '@techstack/plugin-tech-stack-common';
import { AdoptionService } from '../service/AdoptionService';
import { ActionChoice } from './choices';
import { checkTechnology } from './createCheckTechnologiesAction';
import { sharedSchemas } from './schemas';

/** One finding of `validate-entity`. */
interface Finding {
  severity: 'error' | 'warning' | 'info';
  kind: 'hold' | 'not-in-guide' | 'not-adopt' | 'no-annotation';
  message: string;
  name?: string;
  ref?: string;
  ring?: 'adopt' | 'trial' | 'assess' | 'hold';
  reason?: string;
  alternatives?: ActionChoice[];
  suggestions?: string[];
}

/** Kinds whose entities are expected to declare what they use. */
const DECLARING_KINDS = new Set(['component']);

/**
 * `tech-stack:validate-entity`: the findings of a catalog-info.yaml against
 * the technology stack guide.
 */
export function createValidateEntityAction(options: {
  actionsRegistry: ActionsRegistryService;
  adoption: AdoptionService;
}) {
  const { actionsRegistry, adoption } = options;
  actionsRegistry.register({
    name: 'validate-entity',
    title: 'Validate a catalog-info.yaml against the stack guide',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    description: `Checks the text of a catalog-info.yaml (one or more entities) against the organisation's technology stack guide, as a reviewer would before it is merged.
It reads the ${ANNOTATION_TECHSTACK_USES} annotation (comma-separated technology names) of each entity and reports:
error "hold": a technology on hold, with the reason and the recommended alternatives;
warning "not-in-guide": a name the guide does not know, with the closest guide names;
info "not-adopt": a trial or assess technology where the guide recommends another;
warning "no-annotation": a Component that declares no technologies.
ok is true when there is no error and no warning. Invalid YAML is an InputError naming the line.`,
    schema: {
      input: z =>
        z.object({
          yaml: z
            .string()
            .min(1)
            .max(MAX_CATALOG_INFO_BYTES)
            .describe(
              `The full text of the catalog-info.yaml (at most ${
                MAX_CATALOG_INFO_BYTES / 1024
              } KB)`,
            ),
        }),
      output: z => {
        const { ring, choice } = sharedSchemas(z);
        return z.object({
          ok: z.boolean(),
          entities: z.array(
            z.object({
              entityRef: z.string().optional(),
              declared: z.array(z.string()),
              findings: z.array(
                z.object({
                  severity: z.enum(['error', 'warning', 'info']),
                  kind: z.enum([
                    'hold',
                    'not-in-guide',
                    'not-adopt',
                    'no-annotation',
                  ]),
                  message: z.string(),
                  name: z.string().optional(),
                  ref: z.string().optional(),
                  ring: ring.optional(),
                  reason: z.string().optional(),
                  alternatives: z.array(choice).optional(),
                  suggestions: z.array(z.string()).optional(),
                }),
              ),
            }),
          ),
          summary: z.object({
            errors: z.number(),
            warnings: z.number(),
            infos: z.number(),
          }),
        });
      },
    },
    action: async ({ input, credentials }) => {
      const documents = readCatalogInfoUses(input.yaml, 'yaml');
      const snapshot = await adoption.getSnapshot(credentials);
      const summary = { errors: 0, warnings: 0, infos: 0 };
      const entities = documents.map(document => {
        const findings: Finding[] = [];
        const label = document.entityRef ?? 'the entity';
        if (
          !document.annotated &&
          DECLARING_KINDS.has(document.kind?.toLocaleLowerCase('en-US') ?? '')
        ) {
          findings.push({
            severity: 'warning',
            kind: 'no-annotation',
            message: `${label} declares no technologies: add the ${ANNOTATION_TECHSTACK_USES} annotation with what it uses (comma-separated)`,
          });
        }
        for (const name of new Set(document.names)) {
          const check = checkTechnology(snapshot, name);
          const alternatives = check.alternatives.length
            ? { alternatives: check.alternatives }
            : {};
          const insteadText = check.alternatives.length
            ? `; recommended instead: ${check.alternatives
                .map(a => a.title)
                .join(', ')}`
            : '';
          if (check.status === 'hold') {
            findings.push({
              severity: 'error',
              kind: 'hold',
              message: `${check.title} is on hold${
                check.reason ? `: ${check.reason}` : ''
              }${insteadText}`,
              name,
              ref: check.ref,
              ring: 'hold',
              ...(check.reason ? { reason: check.reason } : {}),
              ...alternatives,
            });
          } else if (check.status === 'not-in-guide') {
            findings.push({
              severity: 'warning',
              kind: 'not-in-guide',
              message: `"${name}" is not in the technology stack guide${
                check.suggestions?.length
                  ? `; did you mean ${check.suggestions.join(', ')}?`
                  : ''
              }`,
              name,
              ...(check.suggestions ? { suggestions: check.suggestions } : {}),
            });
          } else if (check.status !== 'adopt' && check.alternatives.length) {
            findings.push({
              severity: 'info',
              kind: 'not-adopt',
              message: `${check.title} is ${check.status}${insteadText}`,
              name,
              ref: check.ref,
              ring: check.status,
              ...(check.reason ? { reason: check.reason } : {}),
              ...alternatives,
            });
          }
        }
        for (const finding of findings) {
          if (finding.severity === 'error') summary.errors++;
          else if (finding.severity === 'warning') summary.warnings++;
          else summary.infos++;
        }
        return {
          ...(document.entityRef ? { entityRef: document.entityRef } : {}),
          declared: document.names,
          findings,
        };
      });
      return {
        output: {
          ok: summary.errors === 0 && summary.warnings === 0,
          entities,
          summary,
        },
      };
    },
  });
}
