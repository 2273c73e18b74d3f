import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';
import express from 'express';
import request from 'supertest';
import { createRouter } from '../../router';
import { AdoptionService } from '../AdoptionService';
import { createTestAdoptionService } from '../__testUtils__/testAdoptionService';
import { RadarService } from '../RadarService';
import { exampleEntities } from '../__testUtils__/fixtures';
import { AdoptionHistory } from '../history/AdoptionHistory';
import { AdoptionHistoryStore } from '../history/AdoptionHistoryStore';
import { openPluginDatabase } from '../history/migrations';
import { CampaignService } from './CampaignService';
import { getCampaignHistory } from './campaignHistory';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: testDatabaseIds('the campaign burn-down'),
  disableDocker: true,
});

const RANCHER = 'technology:default/rancher';
const REDIS = 'technology:default/redis';
const ENGINEERING = 'group:default/engineering';
const PAYMENTS = 'group:default/payments';
/** A user from whom the policy hides the technology Rancher. */
const ALICE = 'user:default/alice';

function isAlice(credentials: BackstageCredentials) {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef === ALICE;
}

async function setup(id: TestDatabaseId) {
  const knex = await databases.init(id);
  const store = new AdoptionHistoryStore(
    await openPluginDatabase(mockServices.database({ knex })),
  );
  // three days of Rancher going down, Redis growing
  const days: Array<[string, number, number]> = [
    ['2026-03-01', 3, 1],
    ['2026-03-02', 2, 2],
    ['2026-03-04', 1, 3],
  ];
  for (const [day, rancher, redis] of days) {
    await store.writeDay({
      day,
      takenAt: new Date(`${day}T03:00:00Z`),
      adoption: [
        { technologyRef: RANCHER, teamRef: ENGINEERING, components: 1 },
        {
          technologyRef: RANCHER,
          teamRef: PAYMENTS,
          components: rancher - 1,
        },
        { technologyRef: REDIS, teamRef: PAYMENTS, components: redis },
      ],
      compliance: [],
    });
  }
  const entities = exampleEntities();
  const { service: everything } = await createTestAdoptionService({
    catalog: catalogServiceMock({ entities }),
  });
  const { service: withoutRancher } = await createTestAdoptionService({
    catalog: catalogServiceMock({
      entities: entities.filter(e => e.metadata.name !== 'rancher'),
    }),
  });
  // the permission policy: Alice does not see the technology Rancher
  const adoption = {
    getSnapshot: (credentials: BackstageCredentials) =>
      (isAlice(credentials) ? withoutRancher : everything).getSnapshot(
        credentials,
      ),
  } as AdoptionService;
  const now = () => new Date('2026-03-04T12:00:00Z');
  const history = new AdoptionHistory({
    store,
    adoption,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
    retentionDays: 730,
    now,
  });
  const campaigns = new CampaignService({
    campaigns: [
      {
        id: 'rancher-out',
        technology: 'Rancher',
        replaceWith: ['Redis'],
        deadline: '2026-06-01',
      },
      {
        id: 'frobnicator-out',
        technology: 'Frobnicator',
        replaceWith: ['Redis'],
        deadline: '2026-06-01',
      },
    ],
    snapshot: credentials => adoption.getSnapshot(credentials),
    now,
  });
  return { history, campaigns };
}

describe.each(databases.eachSupportedId())('campaign history on %s', id => {
  it('answers the components remaining per snapshot day', async () => {
    const { history, campaigns } = await setup(id);
    const ask = (query: Record<string, string> = {}) =>
      getCampaignHistory({
        campaigns,
        history,
        credentials: mockCredentials.user(),
        id: 'rancher-out',
        query,
      });

    await expect(ask()).resolves.toEqual({
      id: 'rancher-out',
      technology: { ref: RANCHER, title: 'Rancher' },
      deadline: '2026-06-01',
      from: '2025-09-06',
      to: '2026-03-04',
      points: [
        { day: '2026-03-01', remaining: 3, teams: 2 },
        { day: '2026-03-02', remaining: 2, teams: 2 },
        { day: '2026-03-04', remaining: 1, teams: 1 },
      ],
    });
    // a range, and a team (with the groups below it)
    await expect(
      ask({ from: '2026-03-02', to: '2026-03-03' }),
    ).resolves.toMatchObject({
      points: [{ day: '2026-03-02', remaining: 2, teams: 2 }],
    });
    await expect(ask({ team: 'payments' })).resolves.toMatchObject({
      team: { ref: PAYMENTS, title: 'Team payments' },
      points: [
        { day: '2026-03-01', remaining: 2 },
        { day: '2026-03-02', remaining: 1 },
        { day: '2026-03-04', remaining: 0 },
      ],
    });
  });

  it('answers 404 for an unknown campaign, technology or hidden technology', async () => {
    const { history, campaigns } = await setup(id);
    const ask = (campaign: string, user?: string) =>
      getCampaignHistory({
        campaigns,
        history,
        credentials: mockCredentials.user(user),
        id: campaign,
        query: {},
      });
    await expect(ask('nothing-out')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: "No campaign with the id 'nothing-out'",
    });
    await expect(ask('frobnicator-out')).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining("no technology 'Frobnicator'"),
    });
    await expect(ask('rancher-out', ALICE)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(ask('rancher-out', 'user:default/bob')).resolves.toMatchObject(
      { technology: { ref: RANCHER } },
    );
  });
});

describe('GET /campaigns/:id/history', () => {
  async function app() {
    const { history, campaigns } = await setup('SQLITE_3');
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      radarService: {} as RadarService,
      adoptionService: {} as AdoptionService,
      campaignService: campaigns,
      adoptionHistory: history,
    });
    return express().use(router).use(mockErrorHandler());
  }

  it('answers the burn-down', async () => {
    const response = await request(await app()).get(
      '/campaigns/rancher-out/history?from=2026-03-01&to=2026-03-04',
    );
    expect(response.status).toBe(200);
    expect(response.body.points.map((p: any) => p.remaining)).toEqual([
      3, 2, 1,
    ]);
  });

  it.each([
    ['rancher-out/history?from=2026-13-01', 400, "'from'"],
    ['rancher-out/history?to=yesterday', 400, "'to'"],
    ['rancher-out/history?from=2026-03-04&to=2026-03-01', 400, "'from'"],
    ['rancher-out/history?team=', 400, "'team'"],
    ['Rancher_Out/history', 400, "'id'"],
    ['nothing-out/history', 404, "'nothing-out'"],
    ['rancher-out/history?team=nobody', 404, 'nobody'],
  ])('answers %s with %i naming %s', async (path, status, name) => {
    const response = await request(await app()).get(`/campaigns/${path}`);
    expect(response.status).toBe(status);
    expect(response.body.error.message).toContain(name);
  });
});
