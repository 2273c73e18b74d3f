import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { technologyEntities } from '../__fixtures__/technologies';
import { createValidateAction } from './validate';

const component = (
  name: string,
  uses: string,
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    techstack.dev/uses: ${uses}
spec:
  type: service
`;

describe('tech-stack:validate', () => {
  const workspace = createMockDirectory();
  const action = createValidateAction({
    catalog: catalogServiceMock({ entities: technologyEntities() }),
  });

  async function validate(input: Record<string, unknown>) {
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: input as any,
      logger,
    });
    const result = await action.handler(ctx as any).then(
      () => undefined,
      e => e,
    );
    return { ctx, logger, error: result as Error | undefined };
  }

  it('passes a file whose technologies are all on the stack', async () => {
    workspace.setContent({
      'catalog-info.yaml': component(
        'orders',
        'postgresql, Redis, technology:default/apache-kafka, Kafka',
      ),
    });
    const { ctx, error } = await validate({});
    expect(error).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('ok', true);
    expect(ctx.output).toHaveBeenCalledWith('hold', []);
    expect(ctx.output).toHaveBeenCalledWith('unknown', []);
  });

  it('accepts every spelling of a technology the catalog accepts, and no product that only shares a word', async () => {
    workspace.setContent({
      'catalog-info.yaml': component(
        'orders',
        'ApacheKafka, apache kafka, Kafka, apache-kafka, APACHE_KAFKA',
      ),
    });
    const { ctx, error } = await validate({ failOnUnknown: true });
    expect(error).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('ok', true);
    expect(ctx.output).toHaveBeenCalledWith('unknown', []);

    workspace.setContent({
      'catalog-info.yaml': component('orders', 'Kafka, Kafka Streams'),
    });
    const streams = await validate({});
    expect(streams.ctx.output).toHaveBeenCalledWith('unknown', [
      'Kafka Streams',
    ]);
  });

  it('reports technologies on hold with their reason, and off-guide names', async () => {
    workspace.setContent({
      'svc/catalog-info.yaml': `${component(
        'orders',
        'PostgreSQL, TiDB, Memcached',
      )}---\n${component('billing', 'rancher')}`,
    });
    const { ctx, logger, error } = await validate({
      path: 'svc/catalog-info.yaml',
    });
    expect(error).toBeUndefined();
    expect(ctx.output).toHaveBeenCalledWith('ok', false);
    expect(ctx.output).toHaveBeenCalledWith('hold', [
      {
        name: 'TiDB',
        ref: 'technology:default/tidb',
        title: 'TiDB',
        reason: 'No operational experience; use PostgreSQL.',
        entity: 'component:default/orders',
      },
      expect.objectContaining({
        name: 'rancher',
        title: 'Rancher',
        entity: 'component:default/billing',
        reason: expect.stringMatching(/phased out/),
      }),
    ]);
    expect(ctx.output).toHaveBeenCalledWith('unknown', ['Memcached']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/TiDB is on hold: No operational experience/),
    );
  });

  it('fails on hold when asked to, with the reason', async () => {
    workspace.setContent({ 'catalog-info.yaml': component('orders', 'TiDB') });
    const { ctx, error } = await validate({ failOnHold: true });
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(
      /technologies on hold: TiDB \(No operational experience; use PostgreSQL\.\)/,
    );
    expect(ctx.output).toHaveBeenCalledWith('ok', false);
  });

  it('fails on unknown names when asked to', async () => {
    workspace.setContent({
      'catalog-info.yaml': component('orders', 'Memcached'),
    });
    const { error } = await validate({ failOnUnknown: true });
    expect(error?.message).toMatch(/not in the technology stack: Memcached/);
  });

  it('refuses a path outside the workspace and names a missing file', async () => {
    workspace.setContent({});
    expect(
      (await validate({ path: '../../etc/passwd' })).error?.message,
    ).toMatch(/outside/i);
    expect((await validate({})).error?.message).toBe(
      'path: catalog-info.yaml does not exist in the workspace',
    );
  });

  it('refuses a file over 1 MB, naming the path and the limit', async () => {
    workspace.setContent({
      'catalog-info.yaml': `# ${'x'.repeat(1024 * 1024)}\n`,
    });
    const { error } = await validate({});
    expect(error?.name).toBe('InputError');
    expect(error?.message).toMatch(
      /^path: catalog-info\.yaml has 1048579 bytes; at most 1048576 bytes \(1 MB\) are read$/,
    );
  });
});
