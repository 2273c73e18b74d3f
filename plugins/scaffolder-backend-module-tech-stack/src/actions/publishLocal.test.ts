import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { createPublishLocalAction } from './publishLocal';

describe('tech-stack:publish-local', () => {
  const root = createMockDirectory();
  const publishDir = () => root.resolve('published');
  const catalog = catalogServiceMock.mock();

  beforeEach(() => {
    jest.resetAllMocks();
    catalog.addLocation.mockResolvedValue({
      location: {
        id: 'l1',
        type: 'file',
        target: 'x',
        entityRef: 'location:default/l1',
      },
      entities: [],
    });
    root.setContent({
      workspace: {
        'catalog-info.yaml':
          'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: orders\nspec:\n  type: service\n',
        'docker-compose.yaml': 'services: {}\n',
        src: { 'index.ts': 'export {};\n' },
      },
    });
  });

  async function publish(
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) {
    const action = createPublishLocalAction({
      catalog,
      localPublishDir: publishDir(),
    });
    const ctx = {
      ...createMockActionContext({
        workspacePath: root.resolve('workspace'),
        input: input as any,
        logger: mockServices.logger.mock(),
      }),
      ...extra,
    };
    await action.handler(ctx as any);
    return ctx;
  }

  it('copies the workspace, registers the file location and outputs where it is', async () => {
    const ctx = await publish({ name: 'orders' });
    const target = path.join(publishDir(), 'orders');
    expect(fs.readFileSync(path.join(target, 'src/index.ts'), 'utf8')).toBe(
      'export {};\n',
    );
    const catalogInfo = path.join(target, 'catalog-info.yaml');
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: catalogInfo },
      { credentials: await ctx.getInitiatorCredentials() },
    );
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoPath', catalogInfo);
    expect(ctx.output).toHaveBeenCalledWith('folder', target);
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
  });

  it('names paths as the publish folder is configured, never as resolved on disk', async () => {
    const configured = path.relative(process.cwd(), publishDir());
    expect(path.isAbsolute(configured)).toBe(false);
    const action = createPublishLocalAction({
      catalog,
      localPublishDir: configured,
    });
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      workspacePath: root.resolve('workspace'),
      input: { name: 'orders' } as any,
      logger,
    });
    await action.handler(ctx as any);
    const location = path.join(configured, 'orders', 'catalog-info.yaml');
    expect(
      fs.existsSync(path.join(publishDir(), 'orders', 'catalog-info.yaml')),
    ).toBe(true);
    // The catalog gets the absolute path it needs; the user sees the configured form.
    expect(catalog.addLocation).toHaveBeenCalledWith(
      {
        type: 'file',
        target: path.join(publishDir(), 'orders', 'catalog-info.yaml'),
      },
      expect.anything(),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'folder',
      path.join(configured, 'orders'),
    );
    expect(ctx.output).toHaveBeenCalledWith('catalogInfoPath', location);
    const said = JSON.stringify([
      (ctx.output as jest.Mock).mock.calls,
      logger.info.mock.calls,
      logger.warn.mock.calls,
    ]);
    // No absolute path: nothing starts with "/" after a quote or a space.
    expect(said).not.toMatch(/["\s]\//);

    const error = await action.handler(ctx as any).catch(e => e);
    expect(error.message).toBe(
      `name: ${path.join(
        configured,
        'orders',
      )} already exists and is not empty; choose another name or set overwrite: true`,
    );
  });

  it('refuses to overwrite a non-empty folder unless told to', async () => {
    root.addContent({ published: { orders: { 'old.txt': 'old' } } });
    await expect(publish({ name: 'orders' })).rejects.toThrow(
      /already exists and is not empty.*overwrite: true/,
    );
    await publish({ name: 'orders', overwrite: true, register: false });
    expect(fs.existsSync(path.join(publishDir(), 'orders/old.txt'))).toBe(
      false,
    );
    expect(
      fs.existsSync(path.join(publishDir(), 'orders/catalog-info.yaml')),
    ).toBe(true);
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it.each(['../escape', 'a/b', '', '-x', 'x'.repeat(64)])(
    'refuses the name %j',
    async name => {
      await expect(publish({ name })).rejects.toThrow(
        /^name: .* is not a valid entity name/,
      );
      expect(fs.existsSync(publishDir())).toBe(false);
    },
  );

  it('refuses a source path outside the workspace', async () => {
    await expect(publish({ name: 'orders', sourcePath: '..' })).rejects.toThrow(
      /outside/i,
    );
  });

  it('writes nothing outside the workspace in a dry run', async () => {
    const ctx = await publish({ name: 'orders' }, { isDryRun: true });
    expect(fs.existsSync(publishDir())).toBe(false);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/orders',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      path.join(publishDir(), 'orders/catalog-info.yaml'),
    );
  });

  it('explains how to allow file locations when the catalog refuses them', async () => {
    catalog.addLocation.mockRejectedValue(
      new InputError('Registered locations must be of an allowed type ["url"]'),
    );
    await expect(publish({ name: 'orders' })).rejects.toThrow(
      /setAllowedLocationTypes\(\['url', 'file'\]\)/,
    );
  });

  it('accepts a location that is already registered', async () => {
    const conflict = Object.assign(new Error('exists'), {
      name: 'ConflictError',
    });
    catalog.addLocation.mockRejectedValue(conflict);
    await expect(publish({ name: 'orders' })).resolves.toBeDefined();
  });
});
