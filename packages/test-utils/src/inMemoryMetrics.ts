import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import {
  AggregationTemporality,
  DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';

/**
 * An OpenTelemetry meter provider that exports into memory, collected on
 * demand. Register `provider` globally (`metrics.setGlobalMeterProvider`)
 * before a backend starts to read what Backstage's metrics service records,
 * or hand `metricsService()` to the class under test.
 */
export function createInMemoryMetrics() {
  const exporter = new InMemoryMetricExporter(
    AggregationTemporality.CUMULATIVE,
  );
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: 3_600_000,
  });
  const provider = new MeterProvider({ readers: [reader] });
  return {
    provider,
    /** A metrics service on a meter of this provider (as Backstage's default one is). */
    metricsService: (scope = 'test'): MetricsService =>
      provider.getMeter(scope),
    /** Collects now; the metrics of one meter scope, by name. */
    async collect(scope: string): Promise<Map<string, MetricData>> {
      exporter.reset();
      await reader.forceFlush();
      const found = new Map<string, MetricData>();
      for (const resource of exporter.getMetrics()) {
        for (const scopeMetrics of resource.scopeMetrics) {
          if (scopeMetrics.scope.name !== scope) {
            continue;
          }
          for (const metric of scopeMetrics.metrics) {
            found.set(metric.descriptor.name, metric);
          }
        }
      }
      return found;
    },
    shutdown: () => provider.shutdown(),
  };
}

/** The data points of a metric whose attributes include `attributes`. */
export function pointsOf(
  metric: MetricData | undefined,
  attributes: Record<string, unknown> = {},
): DataPoint<unknown>[] {
  return ((metric?.dataPoints ?? []) as DataPoint<unknown>[]).filter(point =>
    Object.entries(attributes).every(
      ([key, value]) => point.attributes[key] === value,
    ),
  );
}
