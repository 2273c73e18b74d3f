import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  readCampaigns,
  Ring,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';
import { NotificationLedger } from '../database/NotificationLedger';
import {
  MAX_SEND_ATTEMPTS,
  MAX_SENT_PER_RUN,
  TechnologyTransitionNotifier,
} from './TechnologyTransitionNotifier';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const kubernetes = (ring: Ring) => ({
  section: 'Core Infrastructure',
  layer: 'Kubernetes',
  ring,
});

function technology(name: string, title: string, ring: Ring): TechnologyEntity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, title },
    spec: {
      ring,
      layers: [kubernetes(ring)],
      type: 'platform',
      owner: 'group:default/platform-team',
      ...(ring === 'hold' ? { ringReason: 'Phased out' } : {}),
    },
  };
}

/** As the provider reads the guide's entities from the catalog before a run. */
const before = (entity: TechnologyEntity): Entity => ({
  ...entity,
  metadata: { ...entity.metadata, uid: `uid-${entity.metadata.name}` },
});

const component = (name: string, owner: string, uses: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'techstack.dev/uses': uses } },
  spec: { type: 'service', owner },
});

const guideBefore = [
  technology('eks', 'EKS', 'adopt'),
  technology('rancher', 'Rancher', 'trial'),
];
const guideAfter = [
  technology('eks', 'EKS', 'adopt'),
  technology('rancher', 'Rancher', 'hold'),
];
const run = {
  guideId: 'main',
  previous: guideBefore.map(before),
  entities: guideAfter,
};

/** A notification service that records what it is given, and fails while told to. */
function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  let failing: Error | undefined;
  const service: NotificationService = {
    async send(options) {
      if (failing) {
        throw failing;
      }
      sent.push(options);
    },
  };
  return {
    service,
    sent,
    fail(error?: Error) {
      failing = error;
    },
  };
}

async function setup(components: Entity[]) {
  const knex = await databases.init('SQLITE_3');
  const database = mockServices.database({ knex });
  const ledger = await NotificationLedger.create(database);
  const logger = mockServices.logger.mock();
  logger.child.mockReturnValue(logger);
  const catalog = catalogServiceMock({
    entities: [...guideAfter, ...components],
  });
  const notifications = recordingNotifications();
  const notifier = (service = notifications.service) =>
    new TechnologyTransitionNotifier({
      catalog,
      auth: mockServices.auth(),
      logger,
      notifications: service,
      ledger,
      severity: 'high',
    });
  return { ledger, logger, catalog, notifications, notifier, database };
}

describe('TechnologyTransitionNotifier', () => {
  const components = [
    component('edge-clusters', 'payments', 'Rancher, EKS'),
    component('billing', 'payments', 'Rancher'),
    component('fleet', 'data', 'Rancher'),
    component('website', 'web', 'EKS'),
  ];

  it('sends one notification per owner of what uses a technology moved to hold, once', async () => {
    const { notifier, notifications, ledger } = await setup(components);
    const summary = await notifier().guideApplied(run);
    expect(summary).toEqual({
      transitions: 1,
      recorded: 2,
      sent: 2,
      failed: 0,
      dropped: 0,
    });
    expect(notifications.sent.map(n => n.recipients)).toEqual([
      { type: 'entity', entityRef: 'group:default/data' },
      { type: 'entity', entityRef: 'group:default/payments' },
    ]);
    const payments = notifications.sent[1].payload;
    expect(payments).toMatchObject({
      title: 'Rancher is now on hold',
      link: '/catalog/default/technology/rancher',
      severity: 'high',
      topic: 'tech-stack',
      scope: expect.stringMatching(/^tech-stack:[0-9a-f]{64}$/),
    });
    expect(payments.description).toContain('Reason: Phased out.');
    expect(payments.description).toContain('Adopt instead: EKS.');
    expect(payments.description).toContain(
      'Components of payments using Rancher (2): billing, edge-clusters.',
    );
    expect(notifications.sent[0].payload.scope).not.toBe(payments.scope);

    // the same run again (a later run before the catalog caught up, a restart): nothing new
    expect(await notifier().guideApplied(run)).toEqual({
      transitions: 1,
      recorded: 0,
      sent: 0,
      failed: 0,
      dropped: 0,
    });
    // the run after, which finds it on hold: no transition at all
    expect(
      await notifier().guideApplied({
        ...run,
        previous: guideAfter.map(before),
      }),
    ).toMatchObject({ transitions: 0, sent: 0 });
    expect(notifications.sent).toHaveLength(2);
    expect(await ledger.countByStatus()).toEqual({ sent: 2 });
  });

  it('tells the owners when a technology leaves the guide', async () => {
    const { notifier, notifications } = await setup(components);
    await notifier().guideApplied({
      guideId: 'main',
      previous: guideBefore.map(before),
      entities: [technology('eks', 'EKS', 'adopt')],
    });
    expect(notifications.sent.map(n => n.payload.title)).toEqual([
      'Rancher was removed from the tech stack guide',
      'Rancher was removed from the tech stack guide',
    ]);
    expect(notifications.sent[0].payload.metadata).toMatchObject({
      reason: 'removed from the guide',
      alternatives: ['technology:default/eks'],
    });
  });

  it('names the deadline of a campaign away from the technology, and none for others', async () => {
    const { notifications, ledger, logger, catalog } = await setup(components);
    const campaigns = readCampaigns(
      new ConfigReader({
        techStack: {
          campaigns: [
            {
              id: 'rancher-out',
              technology: 'technology:default/rancher',
              replaceWith: ['eks', 'GKE'],
              deadline: '2099-05-01',
              reason: 'Support ends',
            },
            // a campaign on another technology is not named
            {
              technology: 'EKS',
              replaceWith: ['AKS'],
              deadline: '2099-06-01',
            },
          ],
        },
      }),
    );
    const notifier = new TechnologyTransitionNotifier({
      catalog,
      auth: mockServices.auth(),
      logger,
      notifications: notifications.service,
      ledger,
      campaigns,
    });
    await notifier.guideApplied(run);
    expect(notifications.sent).toHaveLength(2);
    for (const { payload } of notifications.sent) {
      expect(payload.description).toMatch(
        /^Migration campaign 'rancher-out': move to EKS, GKE by 2099-05-01 \(in \d+ days\)\. Why: Support ends\.$/m,
      );
      expect(payload.description).not.toContain('2099-06-01');
      expect(payload.metadata).toMatchObject({
        campaigns: [{ id: 'rancher-out', deadline: '2099-05-01' }],
      });
    }

    // without campaigns: no campaign line
    const { notifications: others, notifier: plain } = await setup(components);
    await plain().guideApplied(run);
    expect(others.sent[0].payload.description).not.toContain('campaign');
  });

  it('sends each notification once when two replicas see the same run at once', async () => {
    const { notifier, notifications } = await setup(components);
    const other = recordingNotifications();
    await Promise.all([
      notifier().guideApplied(run),
      notifier(other.service).guideApplied(run),
    ]);
    const all = [...notifications.sent, ...other.sent];
    expect(
      all
        .map(n => n.recipients)
        .sort((a: any, b: any) => a.entityRef.localeCompare(b.entityRef)),
    ).toEqual([
      { type: 'entity', entityRef: 'group:default/data' },
      { type: 'entity', entityRef: 'group:default/payments' },
    ]);
  });

  it('keeps the run going when sending fails, and retries on the next runs up to the limit', async () => {
    const { notifier, notifications, logger, ledger } = await setup(components);
    notifications.fail(new Error('Request failed with status 404'));
    expect(await notifier().guideApplied(run)).toMatchObject({
      recorded: 2,
      sent: 0,
      failed: 2,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Tech stack notifications: 2 of 2 could not be sent \(retried on the next runs\)\. Is @backstage\/plugin-notifications-backend installed\?.*status 404/,
      ),
    );
    // the next run, with nothing new, sends what is pending
    notifications.fail(undefined);
    expect(
      await notifier().guideApplied({
        ...run,
        previous: guideAfter.map(before),
      }),
    ).toMatchObject({ transitions: 0, sent: 2, failed: 0 });
    expect(notifications.sent).toHaveLength(2);

    // a send that never works is given up after the last attempt
    notifications.fail(new Error('down'));
    await notifier().guideApplied({
      guideId: 'main',
      previous: guideBefore.map(before),
      entities: [technology('eks', 'EKS', 'adopt')],
    });
    for (let i = 1; i < MAX_SEND_ATTEMPTS + 2; i++) {
      await notifier().guideApplied({ ...run, previous: [], entities: [] });
    }
    expect(await ledger.countByStatus()).toEqual({ sent: 2, failed: 2 });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        `(2 given up after ${MAX_SEND_ATTEMPTS} attempts; the others are retried on the next runs)`,
      ),
    );
  });

  it('keeps the run going when the catalog cannot be read', async () => {
    const { notifications, logger, ledger } = await setup(components);
    const catalog = catalogServiceMock.mock({
      queryEntities: async () => {
        throw new Error('catalog down');
      },
    });
    const notifier = new TechnologyTransitionNotifier({
      catalog,
      auth: mockServices.auth(),
      logger,
      notifications: notifications.service,
      ledger,
    });
    await expect(notifier.guideApplied(run)).resolves.toMatchObject({
      transitions: 1,
      recorded: 0,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /Tech stack guide 'main': could not work out whom to notify .*catalog down/,
      ),
    );
  });

  it(`sends at most ${MAX_SENT_PER_RUN} per run, the rest on the next runs`, async () => {
    const many = Array.from({ length: MAX_SENT_PER_RUN + 20 }, (_, i) =>
      component(`svc-${i}`, `team-${i}`, 'Rancher'),
    );
    const { notifier, notifications } = await setup(many);
    expect(await notifier().guideApplied(run)).toMatchObject({
      recorded: many.length,
      sent: MAX_SENT_PER_RUN,
    });
    expect(
      await notifier().guideApplied({ ...run, previous: [], entities: [] }),
    ).toMatchObject({ sent: 20 });
    expect(new Set(notifications.sent.map(n => n.payload.scope)).size).toBe(
      many.length,
    );
  });

  it('is not created when turned off, and fails on a wrong severity', async () => {
    const { database, catalog, logger } = await setup([]);
    const deps = {
      catalog,
      auth: mockServices.auth(),
      logger,
      notifications: recordingNotifications().service,
      database,
    };
    const config = (notifications: object) =>
      new ConfigReader({ techStack: { notifications } });
    await expect(
      TechnologyTransitionNotifier.fromConfig(config({ enabled: false }), deps),
    ).resolves.toBeUndefined();
    await expect(
      TechnologyTransitionNotifier.fromConfig(config({}), deps),
    ).resolves.toBeInstanceOf(TechnologyTransitionNotifier);
    await expect(
      TechnologyTransitionNotifier.fromConfig(
        config({ severity: 'loud' }),
        deps,
      ),
    ).rejects.toThrow("Invalid config at 'techStack.notifications.severity'");
  });

  it("fails on a bad campaign, naming its key, with the tech-stack backend's message", async () => {
    const { database, catalog, logger } = await setup([]);
    const deps = {
      catalog,
      auth: mockServices.auth(),
      logger,
      notifications: recordingNotifications().service,
      database,
    };
    const config = (campaigns: unknown) =>
      new ConfigReader({ techStack: { campaigns } } as any);
    await expect(
      TechnologyTransitionNotifier.fromConfig(
        config([
          {
            technology: 'Rancher',
            replaceWith: ['EKS'],
            deadline: '2027-02-30',
          },
        ]),
        deps,
      ),
    ).rejects.toThrow(
      "Invalid config at 'techStack.campaigns[0].deadline': expected a day as YYYY-MM-DD",
    );
    await expect(
      TechnologyTransitionNotifier.fromConfig(
        config([
          { technology: 'Rancher', replaceWith: [], deadline: '2027-05-01' },
        ]),
        deps,
      ),
    ).rejects.toThrow("Invalid config at 'techStack.campaigns[0].replaceWith'");
    await expect(
      TechnologyTransitionNotifier.fromConfig(
        config([
          {
            technology: 'Rancher',
            replaceWith: ['EKS'],
            deadline: '2027-05-01',
          },
        ]),
        deps,
      ),
    ).resolves.toBeInstanceOf(TechnologyTransitionNotifier);
  });
});
