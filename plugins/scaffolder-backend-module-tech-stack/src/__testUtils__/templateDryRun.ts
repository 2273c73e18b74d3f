import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { technologyEntities } from '../__fixtures__/technologies';
import { scaffolderModuleTechStack } from '../module';

/** The shipped templates. */
export const TEMPLATES = path.resolve(
  __dirname,
  '../../../../examples/templates',
);

/** The template's files as the dry-run endpoint takes them: paths relative to template.yaml, base64. */
function directoryContents(
  dir: string,
  prefix = '',
): Array<{ path: string; base64Content: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return directoryContents(full, rel);
    return [
      { path: rel, base64Content: fs.readFileSync(full).toString('base64') },
    ];
  });
}

/** What a dry run answered, with the generated files decoded (path → text). */
export interface DryRunResult {
  status: number;
  body: any;
  files: Record<string, string>;
}

/**
 * The real scaffolder backend with this module and a catalog holding the
 * example Technology entities, ready to dry-run the shipped templates.
 */
export async function startTemplateBackend(options: {
  localPublishDir: string;
}) {
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleTechStack,
      catalogServiceMock.factory({ entities: technologyEntities() }),
      // A request without a token is anonymous, as in a real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          techStack: {
            scaffolder: { localPublishDir: options.localPublishDir },
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}/api/scaffolder`;

  /**
   * Dry-runs a template of `examples/templates/<folder>` (its `template.yaml`,
   * or another file of the folder) with the given values; the folder's
   * content folders go with it.
   */
  async function dryRun(
    folder: string,
    values: Record<string, unknown>,
    templateFile = 'template.yaml',
  ): Promise<DryRunResult> {
    const templateDir = path.join(TEMPLATES, folder);
    const template = parse(
      fs.readFileSync(path.join(templateDir, templateFile), 'utf8'),
    );
    const response = await fetch(`${baseUrl}/v2/dry-run`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: mockCredentials.user.header(),
      },
      body: JSON.stringify({
        template,
        values,
        directoryContents: fs
          .readdirSync(templateDir, { withFileTypes: true })
          .filter(entry => entry.isDirectory())
          .flatMap(entry =>
            directoryContents(path.join(templateDir, entry.name), entry.name),
          ),
      }),
    });
    const body = await response.json();
    const files = Object.fromEntries(
      (
        (body.directoryContents ?? []) as Array<{
          path: string;
          base64Content: string;
        }>
      ).map(f => [
        f.path,
        Buffer.from(f.base64Content, 'base64').toString('utf8'),
      ]),
    );
    return { status: response.status, body, files };
  }

  return { dryRun, baseUrl, stop: () => backend.stop() };
}
