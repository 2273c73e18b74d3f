import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ANNOTATION_TECHSTACK_USES,
  parseUsesAnnotation,
} from '@techstack/plugin-tech-stack-common';
import fs from 'fs-extra';
import { readWorkspaceFile } from '../lib/readWorkspaceFile';
import {
  checkListBound,
  checkTextBound,
  INPUT_BOUNDS,
} from '../lib/inputBounds';
import { parseDocument } from 'yaml';
import { examples } from './usesAnnotation.examples';

/**
 * `tech-stack:annotate`: records in a `catalog-info.yaml` of the workspace which
 * technologies the service uses (`techstack.dev/uses`), keeping what the file
 * already holds and what it already declares.
 *
 * @public
 */
export function createUsesAnnotationAction() {
  return createTemplateAction({
    id: 'tech-stack:annotate',
    description: `Adds technologies to the ${ANNOTATION_TECHSTACK_USES} annotation of a catalog-info.yaml in the workspace`,
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        technologies: z =>
          z
            .array(z.string().min(1))
            .min(1)
            .describe(
              'Technology names, aliases or entity refs (at most 100, each at most 200 characters)',
            ),
        path: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe('The catalog-info.yaml, relative to the workspace'),
      },
      output: {
        uses: z => z.string().describe('The annotation value written'),
      },
    },
    async handler(ctx) {
      checkListBound(
        'technologies',
        ctx.input.technologies,
        INPUT_BOUNDS.technologies,
      );
      for (const [index, name] of ctx.input.technologies.entries()) {
        checkTextBound(`technologies[${index}]`, name, INPUT_BOUNDS.name);
      }
      checkTextBound('path', ctx.input.path, INPUT_BOUNDS.path);
      const target = resolveSafeChildPath(ctx.workspacePath, ctx.input.path);
      const doc = parseDocument(
        await readWorkspaceFile('path', ctx.input.path, target),
      );
      if (doc.errors.length > 0) {
        throw new InputError(
          `path: ${ctx.input.path} is not valid YAML: ${doc.errors[0].message}`,
        );
      }
      const annotationPath = [
        'metadata',
        'annotations',
        ANNOTATION_TECHSTACK_USES,
      ];
      const existing = parseUsesAnnotation(
        doc.getIn(annotationPath) as string | undefined,
      );
      const seen = new Set(existing.map(name => name.toLowerCase()));
      const merged = [...existing];
      for (const name of ctx.input.technologies.map(t => t.trim())) {
        if (name && !seen.has(name.toLowerCase())) {
          seen.add(name.toLowerCase());
          merged.push(name);
        }
      }
      const uses = merged.join(', ');
      doc.setIn(annotationPath, uses);
      await fs.writeFile(target, doc.toString());
      ctx.logger.info(
        `${ctx.input.path}: ${ANNOTATION_TECHSTACK_USES}: ${uses}`,
      );
      ctx.output('uses', uses);
    },
  });
}
