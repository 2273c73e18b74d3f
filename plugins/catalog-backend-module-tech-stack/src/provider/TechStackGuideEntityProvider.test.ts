import { LoggerService } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CatalogService,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readRingHistory } from './ringHistory';
import { TechStackGuideEntityProvider } from './TechStackGuideEntityProvider';

jest.setTimeout(60_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);

type Log = { level: string; message: string };

function recordingLogger(logs: Log[]): LoggerService {
  const logger: LoggerService = {
    error: message => void logs.push({ level: 'error', message }),
    warn: message => void logs.push({ level: 'warn', message }),
    info: message => void logs.push({ level: 'info', message }),
    debug: () => {},
    child: () => logger,
  };
  return logger;
}

/**
 * A catalog that holds what the last full mutation applied, read back by
 * every provider that shares it (as replicas share one catalog database).
 */
function sharedCatalog() {
  let stored: Entity[] = [];
  const applyMutation = jest.fn(
    async (
      mutation: Parameters<EntityProviderConnection['applyMutation']>[0],
    ) => {
      if (mutation.type === 'full') {
        stored = mutation.entities.map(e => e.entity);
      }
    },
  );
  const connection: EntityProviderConnection = {
    applyMutation,
    refresh: async () => {},
  };
  const catalog = {
    getEntities: async () => ({ items: stored }),
  } as unknown as CatalogService;
  return { connection, catalog, applyMutation, stored: () => stored };
}

describe('TechStackGuideEntityProvider', () => {
  const dir = createMockDirectory();
  let seed: string;

  beforeAll(async () => {
    seed = await fs.readFile(SEED_GUIDE, 'utf8');
  });

  async function connected(options: {
    logs?: Log[];
    shared?: ReturnType<typeof sharedCatalog>;
    target?: string;
    settings?: ConstructorParameters<
      typeof TechStackGuideEntityProvider
    >[0]['settings'];
  }) {
    const shared = options.shared ?? sharedCatalog();
    const provider = new TechStackGuideEntityProvider({
      guide: {
        id: 'main',
        target: options.target ?? dir.resolve('guide.md'),
        owner: 'group:default/platform-team',
        schedule: { frequency: { minutes: 30 }, timeout: { minutes: 1 } },
      },
      settings: options.settings,
      logger: recordingLogger(options.logs ?? []),
      urlReader: mockServices.urlReader.mock(),
      catalog: shared.catalog,
      auth: mockServices.auth(),
    });
    await provider.connect(shared.connection);
    return { provider, shared };
  }

  it('shows no absolute path of the disk in any annotation', async () => {
    dir.setContent({ 'guide.md': seed });
    const relative = path.relative(process.cwd(), dir.resolve('guide.md'));
    for (const target of [dir.resolve('guide.md'), relative]) {
      const { provider, shared } = await connected({ target });
      await provider.refresh();
      const entities = shared.stored();
      expect(entities.length).toBeGreaterThan(50);
      for (const entity of entities) {
        for (const value of Object.values(entity.metadata.annotations!)) {
          // nothing that starts at the disk's root, after a prefix or not
          expect(value).not.toMatch(/(?:^|[:\s(])\//);
          expect(value.startsWith(dir.path)).toBe(false);
        }
        expect(
          entity.metadata.annotations!['techstack.dev/source-location'],
        ).toMatch(new RegExp(`^${relative.replace(/\./g, '\\.')}#L\\d+$`));
        expect(
          entity.metadata.annotations!['backstage.io/managed-by-location'],
        ).toBe(`file:${relative}`);
      }
    }
  });

  it('refuses a parse past techStack.parser.timeout with one error, keeping the entities', async () => {
    dir.setContent({ 'guide.md': seed });
    const shared = sharedCatalog();
    await (await connected({ shared })).provider.refresh();
    const before = shared.stored();
    const logs: Log[] = [];
    const { provider } = await connected({
      shared,
      logs,
      settings: { parserTimeout: { milliseconds: 1 } },
    });
    const error = await provider.refresh().catch(e => e);
    expect(error.message).toMatch(
      /^Tech stack guide 'main' \(.*guide\.md\) was not ingested: parsing took longer than techStack\.parser\.timeout \(1 ms\)/,
    );
    expect(shared.applyMutation).toHaveBeenCalledTimes(1);
    expect(shared.stored()).toBe(before);
    expect(logs.filter(l => l.level === 'error')).toEqual([
      { level: 'error', message: error.message },
    ]);
  });

  it('refuses a run that drops more than maxDropShare, unless forced', async () => {
    dir.setContent({ 'guide.md': seed });
    const shared = sharedCatalog();
    const { provider } = await connected({ shared });
    const first = await provider.refresh();
    expect(first.previous).toBe(0);
    const count = first.technologies;

    // only the data section's first table is left
    const start = seed.indexOf('| **Relational**');
    const cut = seed.slice(0, start + seed.slice(start).indexOf('\n\n'));
    dir.setContent({ 'guide.md': cut });
    const error = await provider.refresh().catch(e => e);
    expect(error.name).toBe('ConflictError');
    expect(error.message).toContain(
      `its technology count would drop from ${count} to `,
    );
    expect(error.message).toContain(
      'POST /api/catalog/tech-stack/refresh?guide=main&force=true',
    );
    expect(error.message).toContain('techStack.ingestion.maxDropShare');
    expect(shared.stored()).toHaveLength(count);

    const forced = await provider.refresh({ force: true });
    expect(forced).toMatchObject({ forced: true, previous: count });
    expect(forced.technologies).toBeLessThan(count * 0.7);
    expect(shared.stored()).toHaveLength(forced.technologies);

    // a raised share lets the same drop through without force
    const relaxed = await connected({
      settings: { maxDropShare: 1 },
    });
    dir.setContent({ 'guide.md': seed });
    await relaxed.provider.refresh();
    dir.setContent({ 'guide.md': cut });
    await expect(relaxed.provider.refresh()).resolves.toMatchObject({
      forced: false,
    });
  });

  it('logs parser warnings at warn level: their count, then at most 20', async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) => `| Layer ${i} | Tool${i} | |`,
    );
    const guide = `# Guide\n\n## Tools\n\n| Layer | Recommended | Alternatives |\n| --- | --- | --- |\n${rows.join(
      '\n',
    )}\n\n\`\`\`mermaid\nflowchart LR\n${Array.from(
      { length: 30 },
      (_, i) => `  p${i}[Producers]`,
    ).join('\n')}\n\`\`\`\n`;
    dir.setContent({ 'guide.md': guide });
    const logs: Log[] = [];
    const { provider } = await connected({ logs });
    const result = await provider.refresh();
    const parserWarnings = result.warnings.length;
    const warns = logs.filter(l => l.level === 'warn');
    expect(parserWarnings).toBeGreaterThanOrEqual(30);
    expect(warns[0].message).toMatch(
      new RegExp(
        `^Tech stack guide 'main': ${parserWarnings} parser warnings?`,
      ),
    );
    expect(warns.length).toBe(1 + Math.min(20, parserWarnings));
  });

  it('records a ring change once when two replicas run on one catalog', async () => {
    dir.setContent({ 'guide.md': seed });
    const shared = sharedCatalog();
    const replicaA = (await connected({ shared })).provider;
    const replicaB = (await connected({ shared })).provider;
    await replicaA.refresh();

    dir.setContent({
      'guide.md': seed.replace(
        '| **Relational** | PostgreSQL | CockroachDB, TiDB |',
        '| **Relational** | CockroachDB | PostgreSQL, TiDB |',
      ),
    });
    await replicaB.refresh();
    await replicaA.refresh();
    await replicaB.refresh();
    const postgres = shared
      .stored()
      .find(e => e.metadata.name === 'postgresql')!;
    expect(readRingHistory(postgres)).toEqual([
      { date: expect.any(String), from: 'adopt', to: 'trial' },
    ]);
  });
});
