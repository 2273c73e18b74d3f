import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { metrics } from '@opentelemetry/api';
import {
  DataPointType,
  Histogram,
  InstrumentType,
} from '@opentelemetry/sdk-metrics';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  createInMemoryMetrics,
  pointsOf,
} from '@internal/tech-stack-test-utils';
import { catalogModuleTechStack } from './module';

jest.setTimeout(60_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

/** Backstage's default metrics service names the meter after the plugin. */
const SCOPE = 'backstage-plugin-catalog';

describe('ingestion metrics (real catalog, OpenTelemetry in memory)', () => {
  const dir = createMockDirectory();
  const memory = createInMemoryMetrics();
  let backend: TestBackend;
  let seedCount: number;

  const refresh = async () => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}/api/catalog/tech-stack/refresh?guide=main`,
      {
        method: 'POST',
        headers: { Authorization: mockCredentials.user.header() },
      },
    );
    return { status: response.status, body: await response.json() };
  };

  const histogramCount = (
    found: Awaited<ReturnType<typeof memory.collect>>,
    status: string,
  ) =>
    pointsOf(found.get('techstack.ingestion.duration'), {
      guide: 'main',
      status,
    }).reduce((sum, point) => sum + (point.value as Histogram).count, 0);

  const gauge = (
    found: Awaited<ReturnType<typeof memory.collect>>,
    name: string,
  ) => pointsOf(found.get(name), { guide: 'main' }).map(p => p.value);

  beforeAll(async () => {
    // before the backend starts: the metrics service takes its meter from the
    // global provider when the catalog plugin initialises
    if (!metrics.setGlobalMeterProvider(memory.provider)) {
      throw new Error('another global meter provider is registered');
    }

    const seedText = await fs.readFile(SEED_GUIDE, 'utf8');
    seedCount = guideToTechnologyEntities(parseGuide(seedText), {
      owner: 'group:default/platform-team',
      guideId: 'main',
    }).filter((e: Entity) => e.kind === 'Technology').length;
    dir.setContent({ 'guide.md': seedText });

    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        mockServices.rootConfig.factory({
          data: {
            catalog: { processingInterval: { seconds: 1 } },
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
              overrides: [{ technology: 'NoSuchTool', ring: 'hold' }],
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await memory.shutdown();
    metrics.disable();
  });

  it('records an applied run: its duration, technologies, warnings and time', async () => {
    const before = Date.now() / 1000;
    const { status, body } = await refresh();
    const after = Date.now() / 1000;
    expect(status).toBe(200);
    const [outcome] = body.guides;
    expect(outcome.technologies).toBe(seedCount);
    // the unknown override is one warning at least
    expect(outcome.warningCount).toBeGreaterThan(0);

    const found = await memory.collect(SCOPE);
    expect(found.get('techstack.ingestion.duration')?.descriptor).toMatchObject(
      { unit: 's', type: InstrumentType.HISTOGRAM },
    );
    expect(found.get('techstack.ingestion.duration')?.dataPointType).toBe(
      DataPointType.HISTOGRAM,
    );
    // the requested run, and the startup run unless the request waited for it
    expect(histogramCount(found, 'applied')).toBeGreaterThanOrEqual(1);
    const [duration] = pointsOf(found.get('techstack.ingestion.duration'), {
      status: 'applied',
    });
    expect((duration.value as Histogram).sum).toBeGreaterThan(0);
    expect((duration.value as Histogram).sum).toBeLessThan(60 * 2);

    expect(
      found.get('techstack.ingestion.technologies')?.descriptor,
    ).toMatchObject({ unit: '{technology}', type: InstrumentType.GAUGE });
    expect(gauge(found, 'techstack.ingestion.technologies')).toEqual([
      seedCount,
    ]);
    expect(found.get('techstack.ingestion.warnings')?.descriptor.unit).toBe(
      '{warning}',
    );
    expect(gauge(found, 'techstack.ingestion.warnings')).toEqual([
      outcome.warningCount,
    ]);
    expect(found.get('techstack.ingestion.last_success')?.descriptor.unit).toBe(
      's',
    );
    const [lastSuccess] = gauge(
      found,
      'techstack.ingestion.last_success',
    ) as number[];
    expect(lastSuccess).toBeGreaterThanOrEqual(before);
    expect(lastSuccess).toBeLessThanOrEqual(after);
    expect(found.has('techstack.ingestion.failures')).toBe(false);
  });

  it('counts a failed run, keeping the last good run and its values', async () => {
    const good = await memory.collect(SCOPE);
    const lastSuccess = gauge(good, 'techstack.ingestion.last_success');
    const appliedRuns = histogramCount(good, 'applied');

    await fs.writeFile(dir.resolve('guide.md'), '# Nothing here yet\n');
    const { status, body } = await refresh();
    expect(status).toBe(502);
    expect(body.guides[0]).toMatchObject({
      status: 'failed',
      error: { name: 'InputError' },
    });

    const found = await memory.collect(SCOPE);
    const failures = found.get('techstack.ingestion.failures');
    expect(failures?.descriptor).toMatchObject({
      unit: '{failure}',
      type: InstrumentType.COUNTER,
    });
    expect(
      pointsOf(failures).map(point => [point.attributes, point.value]),
    ).toEqual([[{ guide: 'main', 'error.type': 'InputError' }, 1]]);
    expect(histogramCount(found, 'failed')).toBe(1);
    expect(histogramCount(found, 'applied')).toBe(appliedRuns);
    expect(gauge(found, 'techstack.ingestion.last_success')).toEqual(
      lastSuccess,
    );
    expect(gauge(found, 'techstack.ingestion.technologies')).toEqual([
      seedCount,
    ]);
  });
});
