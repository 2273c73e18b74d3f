import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { catalogModuleTechStack } from './module';
import { readRingHistory } from './provider/ringHistory';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(60_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

type Log = { level: string; message: string };

/** A plugin logger that records what our module (and the catalog) log. */
function recordingLogger(logs: Log[]) {
  const make = (): LoggerService => ({
    error: message => void logs.push({ level: 'error', message }),
    warn: message => void logs.push({ level: 'warn', message }),
    info: message => void logs.push({ level: 'info', message }),
    debug: () => {},
    child: () => make(),
  });
  return createServiceFactory({
    service: coreServices.logger,
    deps: {},
    factory: () => make(),
  });
}

const componentsYaml = (components: Record<string, string>) =>
  Object.entries(components)
    .map(
      ([name, uses]) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    techstack.dev/uses: "${uses}"
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
`,
    )
    .join('---\n');

describe('catalog module tech-stack (real catalog)', () => {
  const dir = createMockDirectory();
  const logs: Log[] = [];
  let backend: TestBackend;
  let seedText: string;
  let expectedNames: string[];

  const api = async (
    pathname: string,
    init: { method?: string; auth?: boolean } = {},
  ) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      {
        method: init.method ?? 'GET',
        headers: {
          Authorization:
            init.auth === false
              ? mockCredentials.none.header()
              : mockCredentials.user.header(),
        },
      },
    );
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };

  const technologies = async (): Promise<Entity[]> => {
    const { status, body } = await api(
      '/api/catalog/entities/by-query?filter=kind=technology&limit=1000',
    );
    if (status !== 200) {
      throw new Error(`catalog answered ${status}`);
    }
    return body.items;
  };

  const technology = async (name: string): Promise<Entity | undefined> => {
    const { status, body } = await api(
      `/api/catalog/entities/by-name/technology/default/${name}`,
    );
    return status === 200 ? body : undefined;
  };

  const refresh = (query = '') =>
    api(`/api/catalog/tech-stack/refresh${query}`, { method: 'POST' });

  beforeAll(async () => {
    seedText = await fs.readFile(SEED_GUIDE, 'utf8');
    expectedNames = guideToTechnologyEntities(parseGuide(seedText), {
      owner: 'group:default/platform-team',
      guideId: 'main',
    })
      .map((e: Entity) => e.metadata.name)
      .sort();
    dir.setContent({
      'guide.md': seedText,
      'components.yaml': componentsYaml({
        'service-a': 'postgres, Redis',
        'service-b': 'Redis',
        'kafka-joined': 'ApacheKafka',
        'kafka-spaced': 'apache kafka',
        'kafka-alias': 'Kafka',
        'kafka-streams': 'Kafka Streams, Cloudflare Workers',
      }),
    });

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        recordingLogger(logs),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Location'] }],
              locations: [
                { type: 'file', target: dir.resolve('components.yaml') },
              ],
            },
            techStack: {
              guides: [
                {
                  id: 'main',
                  target: dir.resolve('guide.md'),
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              ],
              overrides: [
                { technology: 'Redis', ring: 'hold', reason: 'Licence change' },
                { technology: 'NoSuchTool', ring: 'hold' },
              ],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('ingests every technology of the seed guide, with layers, owner and locations', async () => {
    expect(expectedNames.length).toBeGreaterThan(50);
    const items = await waitFor('all seed technologies', async () => {
      const found = await technologies();
      return found.length === expectedNames.length ? found : undefined;
    });
    expect(items.map(e => e.metadata.name).sort()).toEqual(expectedNames);

    const kafka = items.find(e => e.metadata.name === 'apache-kafka')!;
    expect((kafka.spec as any).layers.length).toBeGreaterThanOrEqual(2);
    const postgres = items.find(e => e.metadata.name === 'postgresql')!;
    expect(postgres.spec).toMatchObject({
      ring: 'adopt',
      owner: 'group:default/platform-team',
    });
    // the configured target is absolute: entities show it relative to the working directory
    const shown = path.relative(process.cwd(), dir.resolve('guide.md'));
    expect(postgres.metadata.annotations).toMatchObject({
      'backstage.io/managed-by-location': `file:${shown}`,
      'backstage.io/managed-by-origin-location': `file:${shown}`,
      'techstack.dev/guide': 'main',
    });
    expect(
      postgres.metadata.annotations!['techstack.dev/source-location'],
    ).toMatch(new RegExp(`^${shown.replace(/\./g, '\\.')}#L\\d+$`));
    for (const entity of items) {
      for (const value of Object.values(entity.metadata.annotations ?? {})) {
        expect(value).not.toMatch(/(?:^|[:\s(])\//);
      }
    }
    await waitFor('ownedBy relation', async () =>
      (
        await technology('postgresql')
      )?.relations?.find(
        r =>
          r.type === 'ownedBy' && r.targetRef === 'group:default/platform-team',
      ),
    );
  });

  it('applies overrides before the catalog sees the entities, warning about unknown ones', async () => {
    const redis = await technology('redis');
    expect(redis?.spec).toMatchObject({
      ring: 'hold',
      ringReason: 'Licence change',
    });
    expect(
      (redis?.spec as any).layers.every((l: any) => l.ring === 'hold'),
    ).toBe(true);
    expect(
      logs.some(l => l.level === 'warn' && /NoSuchTool/.test(l.message)),
    ).toBe(true);
  });

  it('emits usage relations both ways', async () => {
    const component = await waitFor('service-a relations', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-name/component/default/service-a',
      );
      const targets = (body?.relations ?? [])
        .filter((r: any) => r.type === 'usesTechnology')
        .map((r: any) => r.targetRef)
        .sort();
      return targets.length === 2 ? targets : undefined;
    });
    expect(component).toEqual([
      'technology:default/postgresql',
      'technology:default/redis',
    ]);
    await waitFor('technologyUsedBy on postgresql', async () =>
      (
        await technology('postgresql')
      )?.relations?.find(
        r =>
          r.type === 'technologyUsedBy' &&
          r.targetRef === 'component:default/service-a',
      ),
    );
  });

  it('relates every spelling of a name to one technology, and products sharing a word to their own', async () => {
    const usesOf = (name: string) =>
      waitFor(`usesTechnology of ${name}`, async () => {
        const { body } = await api(
          `/api/catalog/entities/by-name/component/default/${name}`,
        );
        const targets = (body?.relations ?? [])
          .filter((r: any) => r.type === 'usesTechnology')
          .map((r: any) => r.targetRef)
          .sort();
        return targets.length ? targets : undefined;
      });
    for (const name of ['kafka-joined', 'kafka-spaced', 'kafka-alias']) {
      expect({ name, uses: await usesOf(name) }).toEqual({
        name,
        uses: ['technology:default/apache-kafka'],
      });
    }
    expect(await usesOf('kafka-streams')).toEqual([
      'technology:default/cloudflare-workers',
      'technology:default/kafka-streams',
    ]);
  });

  it('reports an unknown usage name as a processing error on the component', async () => {
    await waitFor('service-b', async () => {
      const { status } = await api(
        '/api/catalog/entities/by-name/component/default/service-b',
      );
      return status === 200 ? true : undefined;
    });
    await fs.writeFile(
      dir.resolve('components.yaml'),
      componentsYaml({
        'service-a': 'postgres, Redis',
        'service-b': 'Redis, Rediss',
      }),
    );
    const item = await waitFor('processing error on service-b', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-name/component/default/service-b',
      );
      return body?.status?.items?.find(
        (i: any) => i.type === 'backstage.io/catalog-processing',
      );
    });
    expect(item.level).toBe('error');
    expect(item.message).toMatch(
      /InputError: Annotation techstack\.dev\/uses .*'Rediss'.*did you mean 'Redis'/,
    );
  });

  it('never drops a new component that names an unknown technology', async () => {
    await fs.writeFile(
      dir.resolve('components.yaml'),
      componentsYaml({
        'service-a': 'postgres, Redis',
        'service-b': 'Redis, Rediss',
        'service-c': 'Redis, MySQL',
      }),
    );
    const entity = await waitFor('service-c in the catalog', async () => {
      const { status, body } = await api(
        '/api/catalog/entities/by-name/component/default/service-c',
      );
      return status === 200 ? body : undefined;
    });
    // related to what it names; the unknown one points nowhere (a relation
    // warning on its page) until the next pass reports the processing error
    expect(
      entity.relations
        .filter((r: any) => r.type === 'usesTechnology')
        .map((r: any) => r.targetRef)
        .sort(),
    ).toEqual(['technology:default/mysql', 'technology:default/redis']);
    const item = await waitFor('processing error on service-c', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-name/component/default/service-c',
      );
      return body?.status?.items?.find(
        (i: any) => i.type === 'backstage.io/catalog-processing',
      );
    });
    expect(item.message).toMatch(/'MySQL'/);
  });

  it('refresh answers per guide, needs credentials and knows its guides', async () => {
    expect(
      (
        await api('/api/catalog/tech-stack/refresh', {
          method: 'POST',
          auth: false,
        })
      ).status,
    ).toBe(401);
    expect((await refresh('?guide=nope')).status).toBe(404);
    const { status, body } = await refresh('?guide=main');
    expect(status).toBe(200);
    expect((await refresh('?guide=main&force=maybe')).status).toBe(400);
    expect(body.guides).toEqual([
      {
        id: 'main',
        status: 'applied',
        technologies: expectedNames.length,
        previous: expectedNames.length,
        forced: false,
        warnings: expect.any(Array),
        warningCount: expect.any(Number),
        finishedAt: expect.any(String),
      },
    ]);
    expect(
      logs.some(
        l =>
          l.level === 'warn' && /'main': \d+ parser warnings?/.test(l.message),
      ),
    ).toBe(true);
  });

  it('follows a changed guide: rings move (with history) and removed tools disappear', async () => {
    const changed = seedText
      .replace(
        '| **Relational** | PostgreSQL | CockroachDB, TiDB |',
        '| **Relational** | CockroachDB | PostgreSQL, TiDB |',
      )
      .replace(
        '| **Key-Value** | Redis | DragonflyDB, Valkey |',
        '| **Key-Value** | Redis | DragonflyDB |',
      );
    expect(changed).not.toBe(seedText);
    await fs.writeFile(dir.resolve('guide.md'), changed);
    const { status, body } = await refresh();
    expect(status).toBe(200);
    expect(body.guides[0].technologies).toBe(expectedNames.length - 1);

    await waitFor('valkey removed', async () =>
      (await technology('valkey')) ? undefined : true,
    );
    const postgres = await waitFor('postgresql on trial', async () => {
      const entity = await technology('postgresql');
      return (entity?.spec as any)?.ring === 'trial' ? entity : undefined;
    });
    expect(readRingHistory(postgres!)).toEqual([
      { date: expect.any(String), from: 'adopt', to: 'trial' },
    ]);
    // unchanged rings carry no history
    expect(readRingHistory((await technology('redis'))!)).toEqual([]);
  });

  it('keeps the last good entities when the guide is unreadable or empty', async () => {
    const before = (await technologies()).length;
    const errorsBefore = logs.filter(l => l.level === 'error').length;

    await fs.rm(dir.resolve('guide.md'));
    const deleted = await refresh();
    expect(deleted.status).toBe(502);
    expect(deleted.body.guides[0]).toMatchObject({
      id: 'main',
      status: 'failed',
      technologies: 0,
      error: { message: expect.stringMatching(/'main'.*does not exist/) },
    });
    expect(deleted.body.error.message).not.toMatch(/(?:^|[:\s(])\//);

    await fs.writeFile(dir.resolve('guide.md'), '# Nothing here yet\n');
    const empty = await refresh();
    expect(empty.status).toBe(502);
    expect(empty.body.guides[0].error.message).toMatch(
      /contains no technologies/,
    );

    const newErrors = logs
      .filter(l => l.level === 'error')
      .slice(errorsBefore)
      .filter(l => l.message.includes("'main'"));
    expect(newErrors).toHaveLength(2);
    expect(newErrors[0].message).toContain(
      path.relative(process.cwd(), dir.resolve('guide.md')),
    );
    expect(newErrors[0].message).not.toMatch(/(?:^|[:\s(])\//);

    await new Promise(resolve => setTimeout(resolve, 2500));
    expect((await technologies()).length).toBe(before);
  });

  it('refuses a run that drops most technologies, and applies it when forced', async () => {
    await fs.writeFile(dir.resolve('guide.md'), seedText);
    const restored = await refresh('?guide=main');
    expect(restored.status).toBe(200);
    const count = restored.body.guides[0].technologies;
    await waitFor('all technologies back', async () =>
      (await technologies()).length === count ? true : undefined,
    );

    const start = seedText.indexOf('| **Relational**');
    const cut = seedText.slice(
      0,
      start + seedText.slice(start).indexOf('\n\n'),
    );
    await fs.writeFile(dir.resolve('guide.md'), cut);
    const refused = await refresh('?guide=main');
    expect(refused.status).toBe(502);
    expect(refused.body.guides[0]).toMatchObject({
      status: 'failed',
      error: { name: 'ConflictError' },
    });
    const message: string = refused.body.guides[0].error.message;
    expect(message).toContain(`would drop from ${count} to `);
    expect(message).toContain(
      'POST /api/catalog/tech-stack/refresh?guide=main&force=true',
    );
    await new Promise(resolve => setTimeout(resolve, 2500));
    expect((await technologies()).length).toBe(count);

    const forced = await refresh('?guide=main&force=true');
    expect(forced.status).toBe(200);
    expect(forced.body.guides[0]).toMatchObject({
      status: 'applied',
      forced: true,
      previous: count,
    });
    const small = forced.body.guides[0].technologies;
    expect(small).toBeLessThan(count * 0.7);
    await waitFor('the forced run applied', async () =>
      (await technologies()).length === small ? true : undefined,
    );

    // the force was used up: the next run checks again (growing is fine)
    await fs.writeFile(dir.resolve('guide.md'), seedText);
    const grown = await refresh();
    expect(grown.body.guides[0]).toMatchObject({
      status: 'applied',
      forced: false,
      technologies: count,
    });
  });
});
