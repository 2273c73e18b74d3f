import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  checkListBound,
  checkTextBound,
  INPUT_BOUNDS,
} from '../lib/inputBounds';
import { isValidEntityName } from '../lib/isValidEntityName';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { StackItem } from '../lib/resolveStack';
import { RecipeBook, recipeFolders } from '../recipes/RecipeBook';
import { planWiring } from '../wire/planWiring';
import { codeLanguageOf, planCode } from '../wire/planCode';
import { writeCode } from '../wire/writeCode';
import { writeWiring } from '../wire/writeWiring';
import { examples } from './wire.examples';

/**
 * Options of {@link createWireAction}.
 *
 * @public
 */
export interface WireActionOptions {
  /** The organisation's recipe folder (`techStack.scaffolder.recipesDir`). */
  recipesDir?: string;
  /** The built-in recipe folder; the package's `recipes/` by default. */
  builtInRecipesDir?: string;
}

const validator = makeValidator();

const STACK_ITEM_FIELDS = [
  'name',
  'title',
  'layer',
  'section',
  'group',
  'ref',
  'ring',
] as const;

/** The bounds of the wire inputs; see `INPUT_BOUNDS`. */
function checkBounds(input: {
  stack: Array<Partial<Record<(typeof STACK_ITEM_FIELDS)[number], string>>>;
  name: string;
  owner: string;
  system?: string;
  description?: string;
  targetPath?: string;
}): void {
  checkListBound('stack', input.stack, INPUT_BOUNDS.stackSize);
  for (const [index, item] of input.stack.entries()) {
    for (const field of STACK_ITEM_FIELDS) {
      const value = item[field];
      checkTextBound(
        `stack[${index}].${field}`,
        typeof value === 'string' ? value : undefined,
        INPUT_BOUNDS.name,
      );
    }
  }
  checkTextBound('name', input.name, INPUT_BOUNDS.name);
  checkTextBound('owner', input.owner, INPUT_BOUNDS.ref);
  checkTextBound('system', input.system, INPUT_BOUNDS.ref);
  checkTextBound('description', input.description, INPUT_BOUNDS.description);
  checkTextBound('targetPath', input.targetPath, INPUT_BOUNDS.path);
}

/**
 * `tech-stack:wire`: writes the files that pre-wire a service to a resolved
 * stack into the workspace: `docker-compose.yaml`, `.env.example`,
 * `otel-collector.yaml`, `k8s/` manifests and `catalog-info.yaml`, built
 * from the technologies' recipes (YAML data, extendable through
 * `techStack.scaffolder.recipesDir`). Existing files are merged, keeping
 * what they hold. Inputs past the action's bounds (`INPUT_BOUNDS`) fail with an InputError
 * naming the field and the limit.
 *
 * @public
 */
export function createWireAction(options: WireActionOptions = {}) {
  return createTemplateAction({
    id: 'tech-stack:wire',
    description:
      'Pre-wires a service to a resolved stack: docker-compose, env, OpenTelemetry collector, Kubernetes manifests and catalog-info.yaml, from technology recipes',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        stack: z =>
          z
            .array(
              z
                .object({
                  name: z.string().min(1),
                  title: z.string().optional(),
                  layer: z.string().optional(),
                  section: z.string().optional(),
                  group: z.string().optional(),
                  ref: z.string().optional(),
                  ring: z.string().optional(),
                })
                .passthrough(),
            )
            .describe(
              'The stack output of tech-stack:resolve (at most 50 technologies)',
            ),
        name: z => z.string().min(1).describe('The service (entity) name'),
        owner: z =>
          z.string().min(1).describe('Entity ref of the owning group'),
        system: z => z.string().optional().describe('Entity ref of the system'),
        description: z =>
          z.string().optional().describe('What the service does'),
        language: z =>
          z
            .string()
            .optional()
            .describe(
              'typescript, python, …: tags the entity; typescript and python also get client code',
            ),
        port: z =>
          z
            .number()
            .int()
            .min(1)
            .max(65535)
            .optional()
            .describe('The port the service listens on; 8080 by default'),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to wire; the workspace by default',
            ),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('The files written, relative to the target folder'),
        services: z =>
          z.array(z.string()).describe('The docker-compose services'),
        missing: z =>
          z
            .array(z.string())
            .describe(
              'Technologies of the stack without a recipe (recorded, not wired)',
            ),
        connected: z =>
          z
            .array(z.string())
            .describe(
              'Technologies the service connects to at start and checks in /readyz (client code of the language)',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      checkBounds(input);
      if (!isValidEntityName(input.name)) {
        throw new InputError(
          `name: "${input.name}" is not a valid entity name (letters, digits, - _ ., at most 63 characters)`,
        );
      }
      const language = input.language || undefined;
      if (
        language &&
        !validator.isValidTag(language.toLocaleLowerCase('en-US'))
      ) {
        throw new InputError(
          `language: "${language}" cannot be an entity tag (lowercase letters, digits, + # : and single dashes, at most 63 characters)`,
        );
      }
      const baseDir = resolveSafeChildPath(
        ctx.workspacePath,
        input.targetPath ?? '.',
      );
      const book = await RecipeBook.load(
        recipeFolders({
          recipesDir: options.recipesDir,
          builtInRecipesDir: options.builtInRecipesDir,
        }),
      );
      const stack = input.stack.map(item => ({
        ...item,
        title: item.title ?? item.name,
      })) as StackItem[];
      const plan = planWiring(
        stack,
        {
          name: input.name,
          owner: input.owner,
          system: input.system || undefined,
          description: input.description || undefined,
          language,
          port: input.port ?? 8080,
        },
        book,
      );
      for (const warning of plan.warnings) {
        ctx.logger.warn(warning);
      }
      for (const item of plan.missing) {
        ctx.logger.warn(
          `No recipe for ${
            item.title ?? item.name
          }: recorded in catalog-info.yaml, not wired (add one under techStack.scaffolder.recipesDir)`,
        );
      }
      for (const [slug, recipe] of plan.recipes) {
        ctx.logger.info(`${slug}: recipe ${recipe.source}`);
      }
      const files = await writeWiring(baseDir, plan);
      const codeLanguage = codeLanguageOf(language);
      const code = codeLanguage
        ? planCode(plan.recipes, codeLanguage, book)
        : undefined;
      if (code) {
        for (const warning of code.warnings) {
          ctx.logger.warn(warning);
        }
        for (const slug of code.withoutCode) {
          ctx.logger.info(
            `${slug}: its recipe has no ${code.language} client code; wired in compose and the manifests, not checked by /readyz`,
          );
        }
        const written = await writeCode(baseDir, code);
        for (const warning of written.warnings) {
          ctx.logger.warn(warning);
        }
        files.push(...written.files);
      } else if (plan.recipes.size > 0) {
        ctx.logger.info(
          `No client code for language "${
            language ?? ''
          }" (recipes have code for typescript and python)`,
        );
      }
      ctx.logger.info(`Wrote ${files.join(', ')}`);
      ctx.output('files', files);
      ctx.output('services', plan.services);
      ctx.output(
        'missing',
        plan.missing.map(item => item.name),
      );
      ctx.output(
        'connected',
        code?.entries.map(entry => entry.technology) ?? [],
      );
    },
  });
}
