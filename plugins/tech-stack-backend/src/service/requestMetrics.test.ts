import { InputError } from '@backstage/errors';
import { Histogram, InstrumentType } from '@opentelemetry/sdk-metrics';
import express from 'express';
import Router from 'express-promise-router';
import request from 'supertest';
import {
  createInMemoryMetrics,
  pointsOf,
} from '@internal/tech-stack-test-utils';
import { REQUEST_DURATION_METRIC, requestMetrics } from './requestMetrics';

describe('requestMetrics', () => {
  const memory = createInMemoryMetrics();
  const router = Router();
  router.use(requestMetrics(memory.metricsService()));
  router.get('/radar', async (_req, res) => {
    await new Promise(resolve => setTimeout(resolve, 20));
    res.json({ entries: [] });
  });
  router.get('/adoption', async req => {
    throw new InputError(`bad ${req.query.limit}`);
  });
  router.get('/stack', async () => {
    throw new Error('boom');
  });
  const app = express();
  app.use('/api/tech-stack', router);
  app.use(
    (
      error: Error,
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      res.status(error.name === 'InputError' ? 400 : 500).json({});
    },
  );

  afterAll(() => memory.shutdown());

  /** The 'finish' event may follow the client's answer by a tick: collects until `count` requests are in. */
  const collectPoints = async (count: number) => {
    for (let attempt = 0; ; attempt++) {
      const found = await memory.collect('test');
      const points = pointsOf(found.get(REQUEST_DURATION_METRIC));
      const total = points.reduce(
        (sum, point) => sum + (point.value as Histogram).count,
        0,
      );
      if (total >= count || attempt === 20) {
        return { metric: found.get(REQUEST_DURATION_METRIC), points };
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  };

  it('records each answered route with its template, method and status', async () => {
    expect(
      (await request(app).get('/api/tech-stack/radar?guide=a')).status,
    ).toBe(200);
    await request(app).get('/api/tech-stack/radar?guide=b');
    expect(
      (await request(app).get('/api/tech-stack/adoption?limit=0')).status,
    ).toBe(400);
    expect((await request(app).get('/api/tech-stack/stack')).status).toBe(500);
    expect((await request(app).get('/api/tech-stack/nope')).status).toBe(404);

    const { metric, points } = await collectPoints(4);
    expect(metric?.descriptor).toMatchObject({
      name: 'techstack.http.server.request.duration',
      type: InstrumentType.HISTOGRAM,
      unit: 's',
    });
    expect(
      points
        .map(point => [point.attributes, (point.value as Histogram).count])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ).toEqual([
      [
        {
          'http.request.method': 'GET',
          'http.route': '/api/tech-stack/adoption',
          'http.response.status_code': 400,
        },
        1,
      ],
      [
        {
          'http.request.method': 'GET',
          'http.route': '/api/tech-stack/radar',
          'http.response.status_code': 200,
        },
        2,
      ],
      [
        {
          'error.type': '500',
          'http.request.method': 'GET',
          'http.route': '/api/tech-stack/stack',
          'http.response.status_code': 500,
        },
        1,
      ],
    ]);
    const radar = pointsOf(metric, { 'http.route': '/api/tech-stack/radar' })[0]
      .value as Histogram;
    expect(radar.min).toBeGreaterThanOrEqual(0.015);
    expect(radar.max).toBeLessThan(5);
    expect(radar.buckets.boundaries).toContain(0.005);
  });
});
