import { ConflictError } from '@backstage/errors';
import { DataPointType, Histogram } from '@opentelemetry/sdk-metrics';
import {
  createInMemoryMetrics,
  pointsOf,
} from '@internal/tech-stack-test-utils';
import { IngestionMetrics } from './IngestionMetrics';

describe('IngestionMetrics', () => {
  let memory: ReturnType<typeof createInMemoryMetrics>;
  let metrics: IngestionMetrics;

  beforeEach(() => {
    memory = createInMemoryMetrics();
    metrics = IngestionMetrics.create(memory.metricsService());
  });

  afterEach(() => memory.shutdown());

  it('records an applied run: duration, technologies, warnings and its time', async () => {
    const before = Date.now() / 1000;
    const result = { technologies: 42, warnings: ['a', 'b', 'c'] };
    await expect(metrics.observe('main', async () => result)).resolves.toBe(
      result,
    );
    const after = Date.now() / 1000;
    const found = await memory.collect('test');

    const duration = found.get('techstack.ingestion.duration')!;
    expect(duration.descriptor).toMatchObject({ unit: 's' });
    expect(duration.dataPointType).toBe(DataPointType.HISTOGRAM);
    const [point] = pointsOf(duration);
    expect(point.attributes).toEqual({ guide: 'main', status: 'applied' });
    expect((point.value as Histogram).count).toBe(1);
    expect((point.value as Histogram).buckets.boundaries).toContain(300);

    const gauge = (name: string) =>
      pointsOf(found.get(name), { guide: 'main' }).map(p => p.value);
    expect(found.get('techstack.ingestion.technologies')!.descriptor.unit).toBe(
      '{technology}',
    );
    expect(gauge('techstack.ingestion.technologies')).toEqual([42]);
    expect(found.get('techstack.ingestion.warnings')!.descriptor.unit).toBe(
      '{warning}',
    );
    expect(gauge('techstack.ingestion.warnings')).toEqual([3]);
    const [lastSuccess] = gauge('techstack.ingestion.last_success') as number[];
    expect(lastSuccess).toBeGreaterThanOrEqual(before);
    expect(lastSuccess).toBeLessThanOrEqual(after);
    expect(found.has('techstack.ingestion.failures')).toBe(false);
  });

  it('records a failed run as a failure, leaving the last good values', async () => {
    await metrics.observe('main', async () => ({
      technologies: 7,
      warnings: [],
    }));
    const good = await memory.collect('test');
    const lastSuccess = pointsOf(
      good.get('techstack.ingestion.last_success'),
    )[0].value;

    const error = new ConflictError('would drop');
    await expect(
      metrics.observe('main', () => Promise.reject(error)),
    ).rejects.toBe(error);
    await expect(
      metrics.observe('other', () => Promise.reject(new Error('unreadable'))),
    ).rejects.toThrow('unreadable');

    const found = await memory.collect('test');
    const failures = found.get('techstack.ingestion.failures')!;
    expect(failures.descriptor.unit).toBe('{failure}');
    expect(failures.dataPointType).toBe(DataPointType.SUM);
    expect(pointsOf(failures).map(p => [p.attributes, p.value])).toEqual(
      expect.arrayContaining([
        [{ guide: 'main', 'error.type': 'ConflictError' }, 1],
        [{ guide: 'other', 'error.type': 'Error' }, 1],
      ]),
    );
    const durations = pointsOf(found.get('techstack.ingestion.duration'), {
      guide: 'main',
    });
    expect(
      durations.map(p => [p.attributes.status, (p.value as Histogram).count]),
    ).toEqual(
      expect.arrayContaining([
        ['applied', 1],
        ['failed', 1],
      ]),
    );
    expect(
      pointsOf(found.get('techstack.ingestion.technologies')).map(p => [
        p.attributes.guide,
        p.value,
      ]),
    ).toEqual([['main', 7]]);
    expect(
      pointsOf(found.get('techstack.ingestion.last_success')).map(p => [
        p.attributes.guide,
        p.value,
      ]),
    ).toEqual([['main', lastSuccess]]);
  });
});
