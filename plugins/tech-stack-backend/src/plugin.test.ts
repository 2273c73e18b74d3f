import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { techStackPlugin } from './plugin';

const postgres = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name: 'postgresql', namespace: 'default', title: 'PostgreSQL' },
  spec: {
    ring: 'adopt',
    type: 'tool',
    owner: 'group:default/platform',
    layers: [
      {
        section: 'Data Layer',
        group: 'Operational Databases',
        layer: 'Relational',
        ring: 'adopt',
      },
    ],
  },
};
const vercel = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name: 'vercel', namespace: 'default', title: 'Vercel' },
  spec: {
    ring: 'trial',
    type: 'platform',
    owner: 'group:default/platform',
    layers: [{ section: 'Core Infrastructure', layer: 'Cloud', ring: 'trial' }],
  },
};

describe('tech-stack backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        techStackPlugin,
        catalogServiceMock.factory({ entities: [postgres, vercel] }),
        // requests without a token are anonymous, as in a real backend
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('serves the radar built from Technology entities', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/tech-stack/radar')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.rings).toEqual(['adopt', 'trial', 'assess', 'hold']);
    expect(res.body.entries.map((e: { title: string }) => e.title)).toEqual([
      'PostgreSQL',
      'Vercel',
    ]);
    expect(res.body.entries[0]).toMatchObject({
      ref: 'technology:default/postgresql',
      ring: 'adopt',
      sectors: ['Data Layer'],
    });
  });

  it('filters by guide', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/tech-stack/radar?guide=unknown-guide')
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([]);
  });

  it.each([
    ['guide=bad%20guide!'],
    [`guide=${'a'.repeat(64)}`],
    ['guide=a&guide=b'],
  ])('rejects bad input %s with 400 naming the parameter', async query => {
    const server = await start();
    const res = await request(server)
      .get(`/api/tech-stack/radar?${query}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain('guide');
  });

  it('serves the radar as of a date and what changed', async () => {
    const server = await start();
    const radar = await request(server)
      .get('/api/tech-stack/radar?date=2024-02-29')
      .set('Authorization', mockCredentials.user.header());
    expect(radar.status).toBe(200);
    // no ring history: the rings then are not known
    expect(radar.body).toMatchObject({
      asOf: '2024-02-29',
      historyComplete: false,
    });
    expect(radar.body.entries[0]).toMatchObject({
      ring: 'adopt',
      ringKnown: false,
    });
    const changes = await request(server)
      .get('/api/tech-stack/radar/changes?from=2024-01-01&to=2024-12-31')
      .set('Authorization', mockCredentials.user.header());
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      movedIn: [],
      movedOut: [],
      added: [],
      removed: [],
      historyComplete: false,
    });
    expect(changes.body.note).toContain('removals');
  });

  const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
    .toISOString()
    .slice(0, 10);
  it.each([
    ['radar?date=2024-13-01', 'date', 'YYYY-MM-DD'],
    ['radar?date=2023-02-29', 'date', 'YYYY-MM-DD'],
    ['radar?date=01/02/2024', 'date', 'YYYY-MM-DD'],
    ['radar?date=1999-12-31', 'date', '2000 to 2100'],
    [`radar?date=${tomorrow}`, 'date', 'not in the future'],
    ['radar/changes?to=2024-01-01', 'from', 'required'],
    ['radar/changes?from=2024-01-01', 'to', 'required'],
    ['radar/changes?from=2024-02-01&to=2024-01-01', 'from', 'after to'],
    ['radar/changes?from=2010-01-01&to=2024-01-01', 'from', 'days before'],
    [`radar/changes?from=2024-01-01&to=${tomorrow}`, 'to', 'future'],
  ])('rejects %s with 400 naming %s', async (path, name, message) => {
    const server = await start();
    const res = await request(server)
      .get(`/api/tech-stack/${path}`)
      .set('Authorization', mockCredentials.user.header());
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toContain(`'${name}'`);
    expect(res.body.error.message).toContain(message);
  });

  it('serves radar fields for services too', async () => {
    const server = await start();
    const res = await request(server)
      .get('/api/tech-stack/radar')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.sectors).toEqual(['Data Layer', 'Core Infrastructure']);
    expect(res.body.entries[1]).toMatchObject({
      title: 'Vercel',
      usageCount: 0,
      movement: 'none',
      aliases: [],
    });
  });

  it('refuses unauthenticated calls', async () => {
    const server = await start();
    const res = await request(server).get('/api/tech-stack/radar');
    expect(res.status).toBe(401);
  });
});
