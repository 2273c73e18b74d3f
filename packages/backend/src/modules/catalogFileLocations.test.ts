import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { promises as fs } from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { catalogModuleFileLocations } from './catalogFileLocations';

jest.setTimeout(60_000);

const component = (name: string) =>
  `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: experimental
  owner: group:default/team-a
`;

describe('catalogModuleFileLocations (real catalog backend)', () => {
  const root = createMockDirectory();
  const publishDir = () => root.resolve('services');
  let backend: TestBackend;
  let baseUrl: string;

  beforeAll(async () => {
    root.setContent({
      services: { orders: { 'catalog-info.yaml': component('orders') } },
      outside: {
        'secret.yaml': component('secret'),
        'declared.yaml': component('declared'),
      },
    });
    // A link inside the service folder that points outside of it.
    await fs.symlink(
      root.resolve('outside/secret.yaml'),
      root.resolve('services/link.yaml'),
    );
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleFileLocations,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                { type: 'file', target: root.resolve('outside/declared.yaml') },
              ],
            },
            techStack: { scaffolder: { localPublishDir: publishDir() } },
          },
        }),
      ],
    });
    const { port } = backend.server.address() as AddressInfo;
    baseUrl = `http://localhost:${port}/api/catalog`;
  });

  afterAll(() => backend?.stop());

  async function call(method: string, pathname: string, body?: unknown) {
    const response = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers: {
        authorization: mockCredentials.user.header(),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  const register = (target: string, dryRun: boolean) =>
    call('POST', `/locations${dryRun ? '?dryRun=true' : ''}`, {
      type: 'file',
      target,
    });

  const registeredTargets = async () =>
    (
      (await call('GET', '/locations')).body as Array<{
        data: { target: string };
      }>
    ).map(l => l.data.target);

  it.each([
    ['an absolute path elsewhere on disk', () => '/etc/passwd'],
    ['a path that leaves the folder with ..', () => `${publishDir()}/../../x`],
    [
      'a relative path that leaves the folder',
      () => path.relative(process.cwd(), root.resolve('outside/secret.yaml')),
    ],
    [
      'a symbolic link inside the folder pointing outside',
      () => path.join(publishDir(), 'link.yaml'),
    ],
    [
      'a glob pattern',
      () => `${publishDir()}/{../outside/secret,orders/catalog-info}.yaml`,
    ],
  ])(
    'refuses to register or dry-run %s, with a clear message',
    async (_, target) => {
      for (const dryRun of [true, false]) {
        const { status, body } = await register(target(), dryRun);
        expect({ dryRun, status, name: body.error.name }).toEqual({
          dryRun,
          status: 403,
          name: 'NotAllowedError',
        });
        expect(body.error.message).toContain(
          `file location ${target()} is not allowed`,
        );
        expect(body.error.message).toContain(
          `file locations must be inside techStack.scaffolder.localPublishDir (${publishDir()})`,
        );
      }
      expect(await registeredTargets()).not.toContain(target());
    },
  );

  it('refuses a location request body over 100 KB, naming the limit', async () => {
    const { status, body } = await call('POST', '/locations?dryRun=true', {
      type: 'file',
      target: `${publishDir()}/${'x'.repeat(200 * 1024)}`,
    });
    expect(status).toBe(400);
    expect(body.error.message).toBe(
      'A location request body may have at most 102400 bytes',
    );
  });

  it('refuses to move a registered location outside the folder', async () => {
    const target = path.join(publishDir(), 'orders/catalog-info.yaml');
    const created = await register(target, false);
    expect(created.status).toBe(201);
    const { status, body } = await call(
      'PUT',
      `/locations/${created.body.location.id}`,
      {
        type: 'file',
        target: '/etc/passwd',
      },
    );
    expect(status).toBe(403);
    expect(body.error.message).toContain(
      'file location /etc/passwd is not allowed',
    );
    expect(await registeredTargets()).toContain(target);
  });

  /** Polls the catalog until the entity is there (the processing loop runs in the background). */
  async function eventuallyEntity(name: string) {
    let status = 0;
    while (status !== 200) {
      await new Promise(resolve => setTimeout(resolve, 200));
      status = (
        await call('GET', `/entities/by-name/component/default/${name}`)
      ).status;
    }
    return status;
  }

  it('dry-runs, registers and ingests a file inside the folder', async () => {
    const target = path.join(publishDir(), 'orders/catalog-info.yaml');
    const dryRun = await register(target, true);
    expect(dryRun.status).toBe(201);
    expect(
      dryRun.body.entities.map((e: any) => `${e.kind}:${e.metadata.name}`),
    ).toEqual(expect.arrayContaining(['Component:orders']));
    // Registered by the previous test (absolute, as tech-stack:publish-local does).
    expect(await registeredTargets()).toContain(target);
    expect(await eventuallyEntity('orders')).toBe(200);
  });

  it('lets the catalog read the files the app-config declares, and no other file by any other way', async () => {
    // The processor refuses to read a file the HTTP guard never saw: a
    // Location entity inside an allowed file pointing outside the folder.
    await fs.writeFile(
      path.join(publishDir(), 'nested.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: nested
spec:
  type: file
  target: ../outside/secret.yaml
`,
    );
    const nested = await register(path.join(publishDir(), 'nested.yaml'), true);
    expect(nested.status).toBe(400);
    expect(nested.body.error.message).toMatch(
      /Processor FileLocationGuardProcessor threw an error while reading file:.*secret\.yaml.*is not allowed: it is outside the service folder/,
    );

    // Nor through POST /validate-entity, which processes a Location entity too.
    const validated = await call('POST', '/validate-entity', {
      location: 'url:https://example.com/catalog-info.yaml',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Location',
        metadata: { name: 'sneaky' },
        spec: { type: 'file', target: '/etc/passwd' },
      },
    });
    expect(validated.status).toBe(400);
    expect(JSON.stringify(validated.body)).toContain(
      'file location /etc/passwd is not allowed',
    );

    // The declared file is ingested by the catalog's processing loop.
    let entity: { status: number } | undefined;
    while (entity?.status !== 200) {
      entity = await call(
        'GET',
        '/entities/by-name/component/default/declared',
      );
      await new Promise(resolve => setTimeout(resolve, 200));
    }
    expect(entity.status).toBe(200);
  });
});
