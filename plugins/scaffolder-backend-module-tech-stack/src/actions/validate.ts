import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_TECHSTACK_USES,
  readCatalogInfoUses,
} from '@techstack/plugin-tech-stack-common';
import { checkTextBound, INPUT_BOUNDS } from '../lib/inputBounds';
import { loadTechnologies } from '../lib/loadTechnologies';
import { readWorkspaceFile } from '../lib/readWorkspaceFile';
import {
  TechnologyLookup,
  technologyRef,
  technologyTitle,
} from '../lib/TechnologyLookup';
import { examples } from './validate.examples';

/**
 * Options of {@link createValidateAction}.
 *
 * @public
 */
export interface ValidateActionOptions {
  catalog: CatalogService;
}

/**
 * A technology on hold that a catalog-info.yaml declares.
 *
 * @public
 */
export interface HoldFinding {
  /** The name as the file writes it. */
  name: string;
  ref: string;
  title: string;
  reason?: string;
  /** The entity of the file that declares it (`component:default/orders`). */
  entity?: string;
}

/**
 * `tech-stack:validate`: checks the `techstack.dev/uses` annotations of a
 * catalog-info.yaml in the workspace against the live catalog: technologies
 * on hold (with the reason) and names that are not in the guide.
 *
 * @public
 */
export function createValidateAction(options: ValidateActionOptions) {
  const { catalog } = options;
  return createTemplateAction({
    id: 'tech-stack:validate',
    description: `Checks the ${ANNOTATION_TECHSTACK_USES} annotation of a catalog-info.yaml against the technology stack: technologies on hold and off-guide names`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string()
            .optional()
            .describe(
              'The catalog-info.yaml, relative to the workspace; catalog-info.yaml by default',
            ),
        failOnHold: z =>
          z
            .boolean()
            .optional()
            .describe('Fail the step when a technology is on hold'),
        failOnUnknown: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Fail the step when a name is not in the technology stack',
            ),
      },
      output: {
        ok: z =>
          z.boolean().describe('No technology on hold and no unknown name'),
        hold: z =>
          z
            .array(
              z.object({
                name: z.string(),
                ref: z.string(),
                title: z.string(),
                reason: z.string().optional(),
                entity: z.string().optional(),
              }),
            )
            .describe('Technologies on hold'),
        unknown: z =>
          z
            .array(z.string())
            .describe('Names that are not in the technology stack'),
      },
    },
    async handler(ctx) {
      const file = ctx.input.path ?? 'catalog-info.yaml';
      checkTextBound('path', file, INPUT_BOUNDS.path);
      const target = resolveSafeChildPath(ctx.workspacePath, file);
      const declared: Array<{ name: string; entity?: string }> = [];
      for (const document of readCatalogInfoUses(
        await readWorkspaceFile('path', file, target),
        `path: ${file}`,
      )) {
        for (const name of document.names) {
          declared.push({
            name,
            ...(document.entityRef ? { entity: document.entityRef } : {}),
          });
        }
      }

      const lookup = new TechnologyLookup(
        await loadTechnologies(catalog, await ctx.getInitiatorCredentials()),
      );
      const hold: HoldFinding[] = [];
      const unknown: string[] = [];
      for (const { name, entity: declaredBy } of declared) {
        const entity = lookup.find(name);
        if (!entity) {
          if (!unknown.includes(name)) unknown.push(name);
          continue;
        }
        if (entity.spec.ring === 'hold') {
          const finding: HoldFinding = {
            name,
            ref: technologyRef(entity),
            title: technologyTitle(entity),
            ...(entity.spec.ringReason
              ? { reason: entity.spec.ringReason }
              : {}),
            ...(declaredBy ? { entity: declaredBy } : {}),
          };
          hold.push(finding);
          ctx.logger.warn(
            `${file}: ${finding.title} is on hold${
              finding.reason ? `: ${finding.reason}` : ''
            }`,
          );
        }
      }
      for (const name of unknown) {
        ctx.logger.warn(
          `${file}: "${name}" is not a technology of the stack guide`,
        );
      }
      const ok = hold.length === 0 && unknown.length === 0;
      ctx.output('ok', ok);
      ctx.output('hold', hold);
      ctx.output('unknown', unknown);
      if (ctx.input.failOnHold && hold.length > 0) {
        throw new InputError(
          `${file}: technologies on hold: ${hold
            .map(h => `${h.title}${h.reason ? ` (${h.reason})` : ''}`)
            .join('; ')}`,
        );
      }
      if (ctx.input.failOnUnknown && unknown.length > 0) {
        throw new InputError(
          `${file}: not in the technology stack: ${unknown.join(', ')}`,
        );
      }
      if (ok) {
        ctx.logger.info(
          `${file}: ${declared.length} technologies, all on the stack and none on hold`,
        );
      }
    },
  });
}
