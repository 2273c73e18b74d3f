import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError, isError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'fs-extra';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { checkTextBound, INPUT_BOUNDS } from '../lib/inputBounds';
import { isValidEntityName } from '../lib/isValidEntityName';
import { defaultLocalPublishDir } from '../lib/scaffolderConfig';
import { examples } from './publishLocal.examples';

/**
 * Options of {@link createPublishLocalAction}.
 *
 * @public
 */
export interface PublishLocalActionOptions {
  catalog: CatalogService;
  /**
   * `techStack.scaffolder.localPublishDir` as configured: absolute, or
   * relative to the backend's working directory; `<os tmp>/tech-stack-services`
   * by default. Outputs, logs and errors name paths in this form, never the
   * resolved absolute path.
   */
  localPublishDir?: string;
}

async function isNonEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** The ref of the entity a catalog-info.yaml describes (its Component first). */
async function entityRefOf(file: string): Promise<string | undefined> {
  if (!(await fs.pathExists(file))) return undefined;
  const entities = parseAllDocuments(await fs.readFile(file, 'utf8'))
    .map(doc => (doc as { toJS(): unknown }).toJS() as any)
    .filter(e => e?.kind && e?.metadata?.name);
  const entity = entities.find(e => e.kind === 'Component') ?? entities[0];
  return entity
    ? stringifyEntityRef({
        kind: entity.kind,
        namespace: entity.metadata.namespace,
        name: entity.metadata.name,
      })
    : undefined;
}

/**
 * `tech-stack:publish-local`: publishes the workspace (or a folder of it)
 * without a git host, by copying it to `<localPublishDir>/<name>`, and
 * registers its catalog-info.yaml in the catalog as a `file` location (the
 * catalog must allow `file` locations under the publish folder, see the
 * README). Paths in its outputs, logs and errors are the publish folder as
 * configured joined with the service's folder (`../../.local-services/orders`),
 * so the backend's disk layout is not shown to the user. In a dry run it
 * writes nothing outside the workspace and registers nothing.
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  const { catalog } = options;
  const configuredDir = options.localPublishDir ?? defaultLocalPublishDir();
  const publishDir = path.resolve(configuredDir);
  /** A path under the publish folder, as the configuration writes the folder. */
  const shown = (...parts: string[]) => path.join(configuredDir, ...parts);
  return createTemplateAction({
    id: 'tech-stack:publish-local',
    description:
      'Publishes the workspace to a local folder (no git host needed) and registers its catalog-info.yaml as a file location',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'The folder name under the publish directory: a valid entity name',
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to publish; the workspace by default',
            ),
        overwrite: z =>
          z
            .boolean()
            .optional()
            .describe('Replace an existing, non-empty folder of that name'),
        register: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Register the catalog-info.yaml in the catalog; true by default',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'The catalog-info.yaml, relative to the published folder',
            ),
      },
      output: {
        folder: z =>
          z
            .string()
            .describe(
              'The published folder: the publish folder as configured, joined with the name',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .describe('The published catalog-info.yaml, in the same form'),
        entityRef: z =>
          z
            .string()
            .optional()
            .describe('The entity the catalog-info.yaml describes'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      checkTextBound('name', input.name, INPUT_BOUNDS.name);
      checkTextBound('sourcePath', input.sourcePath, INPUT_BOUNDS.path);
      checkTextBound(
        'catalogInfoPath',
        input.catalogInfoPath,
        INPUT_BOUNDS.path,
      );
      if (!isValidEntityName(input.name)) {
        throw new InputError(
          `name: "${input.name}" is not a valid entity name (letters, digits, - _ ., at most 63 characters)`,
        );
      }
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        input.sourcePath ?? '.',
      );
      const target = resolveSafeChildPath(publishDir, input.name);
      const catalogInfoFile = input.catalogInfoPath ?? 'catalog-info.yaml';
      const catalogInfoPath = resolveSafeChildPath(target, catalogInfoFile);
      const relativeCatalogInfo = path.relative(target, catalogInfoPath);
      const folder = shown(input.name);
      const location = shown(input.name, relativeCatalogInfo);
      const entityRef = await entityRefOf(
        resolveSafeChildPath(source, catalogInfoFile),
      );

      if ((await isNonEmptyDir(target)) && !input.overwrite) {
        throw new ConflictError(
          `name: ${folder} already exists and is not empty; choose another name or set overwrite: true`,
        );
      }

      ctx.output('folder', folder);
      ctx.output('catalogInfoPath', location);
      if (entityRef) ctx.output('entityRef', entityRef);

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would copy ${
            input.sourcePath ?? 'the workspace'
          } to ${folder}${
            input.register === false ? '' : ` and register ${location}`
          }`,
        );
        return;
      }

      if (input.overwrite) {
        await fs.emptyDir(target);
      }
      await fs.ensureDir(target);
      await fs.copy(source, target);
      ctx.logger.info(`Published to ${folder}`);

      if (input.register === false) return;
      if (!(await fs.pathExists(catalogInfoPath))) {
        throw new InputError(
          `catalogInfoPath: ${catalogInfoFile} is not in the published folder`,
        );
      }
      try {
        await catalog.addLocation(
          // The catalog needs the absolute path: it resolves a relative
          // target against the location's own folder, not the working
          // directory. Users are shown `location`.
          { type: 'file', target: catalogInfoPath },
          { credentials: await ctx.getInitiatorCredentials() },
        );
        ctx.logger.info(`Registered file location ${location}`);
      } catch (error) {
        if (
          isError(error) &&
          (error.name === 'ConflictError' ||
            (error as { statusCode?: number }).statusCode === 409)
        ) {
          ctx.logger.info(`${location} is already registered`);
          return;
        }
        if (
          isError(error) &&
          error.message.toLowerCase().includes('allowed type')
        ) {
          throw new InputError(
            `The catalog does not accept file locations (${error.message}); allow them with a catalog module calling catalogLocationsExtensionPoint.setAllowedLocationTypes(['url', 'file']), or set register: false`,
          );
        }
        throw error;
      }
    },
  });
}
