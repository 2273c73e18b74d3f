import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { GuideRunStore } from './GuideRunStore';
import {
  NotificationEvent,
  notificationEventId,
  NotificationLedger,
} from './NotificationLedger';
import { testDatabaseIds } from '@internal/tech-stack-test-utils';

jest.setTimeout(60_000);

const ids = testDatabaseIds('the notification ledger');
const databases = TestDatabases.create({ ids, disableDocker: true });

function event(owner: string, basis = 'uid@created'): NotificationEvent {
  const key = {
    guideId: 'main',
    technologyRef: 'technology:default/rancher',
    transition: 'hold',
    basis,
    ownerRef: `group:default/${owner}`,
  };
  return {
    ...key,
    id: notificationEventId(key),
    notification: {
      recipients: { type: 'entity', entityRef: key.ownerRef },
      payload: { title: `Rancher is now on hold (${owner})` },
    },
  };
}

describe('notificationEventId', () => {
  it('is the same for the same key (refs in any case), and differs with any part', () => {
    const a = event('payments');
    expect(
      notificationEventId({
        ...a,
        technologyRef: 'Technology:default/Rancher',
        ownerRef: 'Group:default/Payments',
      }),
    ).toBe(a.id);
    expect(a.id).toMatch(/^[0-9a-f]{64}$/);
    expect(event('payments', 'uid@2026-02-01').id).not.toBe(a.id);
    expect(notificationEventId({ ...a, transition: 'removed' })).not.toBe(a.id);
    expect(event('data').id).not.toBe(a.id);
  });
});

describe.each(ids)('NotificationLedger on %s', databaseId => {
  async function open() {
    const knex = await databases.init(databaseId);
    const database = mockServices.database({ knex });
    // the module's other store shares the migrations: both open, in either order
    await GuideRunStore.create(database);
    const ledger = await NotificationLedger.create(database);
    return { knex, database, ledger };
  }

  it('records a notification once, whoever records it, and hands it to one claimer', async () => {
    const { database, ledger } = await open();
    const other = await NotificationLedger.create(database);
    const events = Array.from({ length: 30 }, (_, i) => event(`team-${i}`));

    // two replicas record the same transitions at once: each row inserted once
    const [a, b] = await Promise.all([
      ledger.record(events),
      other.record([...events].reverse()),
    ]);
    expect(a.length + b.length).toBe(events.length);
    expect(new Set([...a, ...b]).size).toBe(events.length);
    // a later run, or a restart, records nothing new
    expect(await ledger.record(events)).toEqual([]);

    // two replicas claim at once: every notification goes to exactly one
    const [first, second] = await Promise.all([
      ledger.claim({ limit: 100, staleAfterMs: 60_000 }),
      other.claim({ limit: 100, staleAfterMs: 60_000 }),
    ]);
    const claimedIds = [...first, ...second].map(c => c.id);
    expect(claimedIds.sort()).toEqual(events.map(e => e.id).sort());
    expect(first[0] ?? second[0]).toMatchObject({
      guideId: 'main',
      technologyRef: 'technology:default/rancher',
      attempts: 1,
      notification: { payload: { title: expect.stringMatching(/^Rancher/) } },
    });
    expect(await ledger.claim({ limit: 100, staleAfterMs: 60_000 })).toEqual(
      [],
    );
    for (const claim of [...first, ...second]) {
      await ledger.markSent(claim.id);
    }
    expect(await ledger.countByStatus()).toEqual({ sent: events.length });
  });

  it('claims oldest first, up to the limit', async () => {
    const { ledger } = await open();
    await ledger.record([event('a')], new Date('2026-01-01T00:00:00Z'));
    await ledger.record([event('b')], new Date('2026-01-02T00:00:00Z'));
    await ledger.record([event('c')], new Date('2026-01-03T00:00:00Z'));
    const claims = await ledger.claim({ limit: 2, staleAfterMs: 60_000 });
    expect(claims.map(c => c.ownerRef)).toEqual([
      'group:default/a',
      'group:default/b',
    ]);
  });

  it('puts a failed send back for a later run, and gives it up after the last attempt', async () => {
    const { ledger } = await open();
    await ledger.record([event('payments')]);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [claim] = await ledger.claim({ limit: 10, staleAfterMs: 60_000 });
      expect(claim.attempts).toBe(attempt);
      expect(
        await ledger.release(claim, 'Request failed with status 404', {
          maxAttempts: 3,
        }),
      ).toBe(attempt < 3 ? 'pending' : 'failed');
    }
    expect(await ledger.claim({ limit: 10, staleAfterMs: 60_000 })).toEqual([]);
    expect(await ledger.countByStatus()).toEqual({ failed: 1 });
  });

  it('claims again what a dead process left in sending, once it is stale', async () => {
    const { ledger } = await open();
    await ledger.record([event('payments')]);
    const t0 = new Date('2026-03-01T10:00:00Z');
    const [claim] = await ledger.claim({
      limit: 1,
      staleAfterMs: 60_000,
      now: t0,
    });
    expect(claim).toBeDefined();
    const early = new Date(t0.getTime() + 30_000);
    expect(
      await ledger.claim({ limit: 1, staleAfterMs: 60_000, now: early }),
    ).toEqual([]);
    const late = new Date(t0.getTime() + 61_000);
    const [again] = await ledger.claim({
      limit: 1,
      staleAfterMs: 60_000,
      now: late,
    });
    expect(again).toMatchObject({ id: claim.id, attempts: 2 });
    // closing the row twice (the first claimer waking up late) is harmless
    await ledger.markSent(again.id);
    await ledger.markSent(claim.id);
    expect(await ledger.countByStatus()).toEqual({ sent: 1 });
  });

  it('forgets sent and failed notifications after the retention, never pending ones', async () => {
    const { ledger } = await open();
    const old = new Date('2025-01-01T00:00:00Z');
    await ledger.record([event('sent'), event('pending')], old);
    for (const claim of await ledger.claim({
      limit: 10,
      staleAfterMs: 60_000,
    })) {
      if (claim.ownerRef === 'group:default/sent') {
        await ledger.markSent(claim.id);
      } else {
        await ledger.release(claim, 'not yet', { maxAttempts: 5 });
      }
    }
    await ledger.record([event('recent')]);
    for (const claim of await ledger.claim({
      limit: 10,
      staleAfterMs: 60_000,
    })) {
      if (claim.ownerRef === 'group:default/recent') {
        await ledger.markSent(claim.id);
      } else {
        await ledger.release(claim, 'not yet', { maxAttempts: 5 });
      }
    }

    expect(await ledger.prune(new Date('2026-01-01T00:00:00Z'))).toBe(1);
    expect(await ledger.countByStatus()).toEqual({ sent: 1, pending: 1 });
  });
});
