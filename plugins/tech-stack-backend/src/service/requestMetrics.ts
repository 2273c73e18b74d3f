import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import { RequestHandler } from 'express';
import { performance } from 'node:perf_hooks';

/** The metric's name: ours, so it never adds up with the OpenTelemetry HTTP instrumentation's. */
export const REQUEST_DURATION_METRIC = 'techstack.http.server.request.duration';

/** The bucket boundaries OpenTelemetry's semantic conventions advise for `http.server.request.duration`, in seconds. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

type RequestAttributes = {
  'http.request.method': string;
  'http.route': string;
  'http.response.status_code': number;
  'error.type'?: string;
};

/**
 * An express middleware, used first in the plugin's router, that records the
 * duration of every request answered by one of its routes (`/radar`,
 * `/adoption`, `/compliance`, `/stack`) in the histogram
 * `techstack.http.server.request.duration` (`s`), from the request reaching
 * the router to the last byte of the answer handed to the operating system,
 * with the attributes of OpenTelemetry's HTTP server conventions:
 * `http.request.method`, `http.route` (the route's template under the
 * plugin's base path, such as `/api/tech-stack/radar`; never the query),
 * `http.response.status_code`, and `error.type` (the status code) for a 5xx
 * answer. Errors answered by the backend's error handler count with their
 * status. Requests matching no route (404) and aborted ones are not recorded.
 */
export function requestMetrics(metrics: MetricsService): RequestHandler {
  const duration = metrics.createHistogram<RequestAttributes>(
    REQUEST_DURATION_METRIC,
    {
      description:
        'Duration of the requests to the tech-stack backend routes (radar, adoption, compliance, stack)',
      unit: 's',
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    },
  );
  return (req, res, next) => {
    const start = performance.now();
    // the router's base path is restored on the way out (before an error
    // reaches the backend's error handler), so it is read on the way in
    const baseUrl = req.baseUrl;
    res.once('finish', () => {
      const route: unknown = req.route?.path;
      if (typeof route !== 'string') {
        return;
      }
      const status = res.statusCode;
      duration.record((performance.now() - start) / 1000, {
        'http.request.method': req.method,
        'http.route': `${baseUrl}${route}`,
        'http.response.status_code': status,
        ...(status >= 500 ? { 'error.type': String(status) } : {}),
      });
    });
    next();
  };
}
