import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { technology, technologyEntities } from '../__fixtures__/technologies';
import { createResolveAction } from './resolve';

describe('tech-stack:resolve', () => {
  const catalog = catalogServiceMock({ entities: technologyEntities() });
  const action = createResolveAction({ catalog });

  function run(layers: unknown) {
    const logger = mockServices.logger.mock();
    const ctx = createMockActionContext({ input: { layers } as any, logger });
    return { ctx, logger, done: action.handler(ctx as any) };
  }

  it('resolves recommended and named choices, with the uses annotation', async () => {
    const { ctx, logger, done } = run({
      Relational: 'recommended',
      'Key-Value': 'Valkey',
      Document: 'mongo',
      Traces: 'technology:default/tempo',
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('stack', [
      {
        layer: 'Relational',
        section: 'Data Layer',
        group: 'Operational Databases',
        ref: 'technology:default/postgresql',
        name: 'postgresql',
        title: 'PostgreSQL',
        ring: 'adopt',
      },
      expect.objectContaining({
        layer: 'Key-Value',
        name: 'valkey',
        ring: 'trial',
      }),
      expect.objectContaining({
        layer: 'Document',
        name: 'mongodb',
        ring: 'adopt',
      }),
      expect.objectContaining({
        layer: 'Traces',
        name: 'tempo',
        section: 'Observability',
      }),
    ]);
    expect(ctx.output).toHaveBeenCalledWith(
      'uses',
      'postgresql, valkey, mongodb, tempo',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/layers\.Key-Value: Valkey is in trial.*Redis/),
    );
  });

  it('accepts every spelling of a technology, and keeps products sharing a word apart', async () => {
    const withStreams = createResolveAction({
      catalog: catalogServiceMock({
        entities: [
          ...technologyEntities(),
          technology('kafka-streams', 'Kafka Streams', [
            ['Event-Driven Architecture', 'Message Broker', 'trial'],
          ]),
        ],
      }),
    });
    const resolveBroker = async (choice: string) => {
      const ctx = createMockActionContext({
        input: { layers: { 'Message Broker': choice } } as any,
        logger: mockServices.logger.mock(),
      });
      await withStreams.handler(ctx as any);
      const stack = (ctx.output as jest.Mock).mock.calls.find(
        ([key]) => key === 'stack',
      )?.[1];
      return stack.map((entry: { name: string }) => entry.name);
    };
    for (const choice of [
      'ApacheKafka',
      'apache kafka',
      'Kafka',
      'apache-kafka',
      'technology:default/apache-kafka',
    ]) {
      expect({ choice, names: await resolveBroker(choice) }).toEqual({
        choice,
        names: ['apache-kafka'],
      });
    }
    expect(await resolveBroker('Kafka Streams')).toEqual(['kafka-streams']);
  });

  it('takes the list form, matches layer names loosely and picks the first of the best ring', async () => {
    const { ctx, logger, done } = run([
      { layer: 'message broker' },
      { layer: 'key value', choice: 'recommended' },
    ]);
    await done;
    expect(ctx.output).toHaveBeenCalledWith('stack', [
      expect.objectContaining({
        layer: 'Message Broker',
        name: 'apache-kafka',
        ring: 'trial',
      }),
      expect.objectContaining({
        layer: 'Key-Value',
        name: 'redis',
        ring: 'adopt',
      }),
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Message Broker has no adopt technology/),
    );
  });

  it('refuses a technology on hold with the reason and the adopt alternatives', async () => {
    const { done } = run({ Relational: 'TiDB', Kubernetes: 'rancher' });
    await expect(done).rejects.toThrow(
      /layers\.Relational: TiDB is on hold: No operational experience; use PostgreSQL\. Adopt instead: PostgreSQL/,
    );
    const again = run({ Kubernetes: 'rancher' });
    await expect(again.done).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /Rancher is on hold: New clusters run on the managed.*Adopt instead: EKS/,
      ),
    });
  });

  it('names the field and lists the valid choices for an unknown technology', async () => {
    const { done } = run({ 'Key-Value': 'Memcached' });
    await expect(done).rejects.toThrow(
      'layers.Key-Value: "Memcached" is not a technology of layer Key-Value; valid choices: Redis (adopt), DragonflyDB (trial), Valkey (trial), or "recommended"',
    );
  });

  it('says where a known technology is placed when it is chosen for another layer', async () => {
    const { done } = run({ Relational: 'Redis' });
    await expect(done).rejects.toThrow(
      /Redis is placed in Key-Value\); valid choices: PostgreSQL \(adopt\)/,
    );
  });

  it('lists the valid layers for an unknown layer', async () => {
    const { done } = run({ Graph: 'recommended' });
    await expect(done).rejects.toThrow(
      /layers\.Graph: there is no layer "Graph".*valid layers: Kubernetes, Relational, Document, Key-Value/,
    );
  });

  it('asks for a section when a layer name is ambiguous, and accepts it', async () => {
    await expect(run({ Serving: 'recommended' }).done).rejects.toThrow(
      /layers\.Serving: "Serving" is a layer of several sections \(AI\/ML Infrastructure › MLOps › Serving; Platform › Serving\); add "section"/,
    );
    const { ctx, done } = run({
      Serving: { choice: 'recommended', section: 'Platform' },
    });
    await done;
    expect(ctx.output).toHaveBeenCalledWith('stack', [
      expect.objectContaining({
        name: 'kserve',
        ring: 'assess',
        section: 'Platform',
      }),
    ]);
  });

  it('reports every problem at once', async () => {
    const { done } = run({
      Relational: 'TiDB',
      'Key-Value': 'Memcached',
      Nope: 'x',
    });
    const error = await done.catch(e => e);
    expect(error.message.split('\n')).toHaveLength(3);
  });

  it('reads the catalog with the initiator credentials', async () => {
    const spy = jest.spyOn(catalog, 'getEntities');
    const { ctx, done } = run({ Relational: 'recommended' });
    await done;
    expect(spy).toHaveBeenCalledWith(
      { filter: { kind: 'Technology' } },
      { credentials: await ctx.getInitiatorCredentials() },
    );
  });

  it('refuses more than 50 layers and overlong names, naming the field and the limit', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`Layer ${i}`, 'recommended']),
    );
    await expect(run(many).done).rejects.toThrow(
      'layers: at most 50 entries are allowed, got 51',
    );
    await expect(run({ Relational: 'p'.repeat(201) }).done).rejects.toThrow(
      'layers[0].choice: at most 200 characters are allowed, got 201',
    );
    await expect(
      run([{ layer: 'Relational', section: 's'.repeat(500) }]).done,
    ).rejects.toThrow(
      'layers[0].section: at most 200 characters are allowed, got 500',
    );
  });
});
