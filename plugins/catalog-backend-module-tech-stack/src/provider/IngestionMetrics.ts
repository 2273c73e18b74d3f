import {
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceGauge,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';
import { performance } from 'node:perf_hooks';

/**
 * Bucket boundaries of `techstack.ingestion.duration`, in seconds: from a small
 * guide parsed at once to a run stopped by its schedule's timeout.
 */
const DURATION_BUCKETS = [
  0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
];

/**
 * What a run reports to the metrics when it applied its entities.
 *
 * @public
 */
export interface AppliedRun {
  technologies: number;
  warnings: readonly unknown[];
}

/**
 * The ingestion metrics of the tech stack guides, through Backstage's metrics
 * service (OpenTelemetry; meter `backstage-plugin-catalog`), one series per
 * guide (attribute `guide`, the configured id):
 *
 * - `techstack.ingestion.duration` (histogram, `s`; `guide`, `status`
 *   `applied` or `failed`): every run, failed ones included;
 * - `techstack.ingestion.technologies` (gauge, `{technology}`; `guide`): the
 *   Technology entities the last applied run handed to the catalog;
 * - `techstack.ingestion.warnings` (gauge, `{warning}`; `guide`): the parser's
 *   and the overrides' warnings of the last applied run;
 * - `techstack.ingestion.failures` (counter, `{failure}`; `guide`,
 *   `error.type`, the error's name such as `ConflictError`): failed runs;
 * - `techstack.ingestion.last_success` (gauge, `s`; `guide`): when the last
 *   applied run finished, in seconds since the Unix epoch.
 *
 * The values are those of the runs in this process: with several replicas,
 * each reports the runs it did (the scheduler gives each run to one of them).
 *
 * @public
 */
export class IngestionMetrics {
  readonly #duration: MetricsServiceHistogram<{
    guide: string;
    status: 'applied' | 'failed';
  }>;
  readonly #technologies: MetricsServiceGauge<{ guide: string }>;
  readonly #warnings: MetricsServiceGauge<{ guide: string }>;
  readonly #failures: MetricsServiceCounter<{
    guide: string;
    'error.type': string;
  }>;
  readonly #lastSuccess: MetricsServiceGauge<{ guide: string }>;

  /** Creates the instruments on the given plugin's metrics service. */
  static create(metrics: MetricsService): IngestionMetrics {
    return new IngestionMetrics(metrics);
  }

  private constructor(metrics: MetricsService) {
    this.#duration = metrics.createHistogram('techstack.ingestion.duration', {
      description:
        'Duration of a tech stack guide run (read, parse, overrides, apply), failed runs included',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
    this.#technologies = metrics.createGauge(
      'techstack.ingestion.technologies',
      {
        description:
          'Technology entities the last applied run of a guide handed to the catalog',
        unit: '{technology}',
      },
    );
    this.#warnings = metrics.createGauge('techstack.ingestion.warnings', {
      description: "Parser and override warnings of a guide's last applied run",
      unit: '{warning}',
    });
    this.#failures = metrics.createCounter('techstack.ingestion.failures', {
      description:
        'Runs of a guide that changed nothing in the catalog (unreadable, unparsable or empty guide, refused drop)',
      unit: '{failure}',
    });
    this.#lastSuccess = metrics.createGauge(
      'techstack.ingestion.last_success',
      {
        description:
          'When the last applied run of a guide finished, in seconds since the Unix epoch',
        unit: 's',
      },
    );
  }

  /**
   * Runs `run` (one run of the guide) and records it: its duration whatever
   * the outcome; when it resolves, the technologies, the warnings and the
   * time; when it rejects, one failure. Resolves or rejects as `run` does.
   */
  async observe<T extends AppliedRun>(
    guide: string,
    run: () => Promise<T>,
  ): Promise<T> {
    const start = performance.now();
    const seconds = () => (performance.now() - start) / 1000;
    let result: T;
    try {
      result = await run();
    } catch (error) {
      this.#duration.record(seconds(), { guide, status: 'failed' });
      this.#failures.add(1, {
        guide,
        'error.type': (error as Error | undefined)?.name || 'Error',
      });
      throw error;
    }
    this.#duration.record(seconds(), { guide, status: 'applied' });
    this.#technologies.record(result.technologies, { guide });
    this.#warnings.record(result.warnings.length, { guide });
    this.#lastSuccess.record(Date.now() / 1000, { guide });
    return result;
  }
}
