/*
 * Notifications on ring changes in the example portal, with the real
 * notifications backend: a guide of the test's own (`notify` in
 * app-config.e2e.yaml) and a service owned by the guest; the guide puts a
 * technology the service uses on hold, later removes it; the guest gets one
 * notification for each, never a repeat, and sees them on the Notifications
 * page. Everything the test adds is removed at the end, so the other tests
 * see the example guide alone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  BACKEND_URL,
  backendApi,
  eventually,
  guestToken,
  launchBrowser,
  openPortal,
  screenshot,
} from './browser';

const REPO_ROOT = path.resolve(__dirname, '..');
// app-config.e2e.yaml: the `notify` guide's target
const NOTIFY_GUIDE = path.join(REPO_ROOT, 'artifacts/e2e/notify-guide.md');
// inside techStack.scaffolder.localPublishDir, where file locations may be registered
const SERVICE_DIR = path.join(REPO_ROOT, '.local-services/e2e-notify');
const SERVICE_FILE = path.join(SERVICE_DIR, 'catalog-info.yaml');
const GUEST = 'user:development/guest';

function guide(sampledbColumn: 'alternatives' | 'hold' | 'gone'): string {
  const cell = (column: string) =>
    sampledbColumn === column ? 'Sampledb' : '';
  return `# Notification test guide

## Widgets

| Layer | Recommended | Alternatives | Hold |
| --- | --- | --- | --- |
| **Widget Store** | Examplium | ${cell('alternatives')} | ${cell('hold')} |
| **Widget Cache** | Cachium | Stashly | |
`;
}

const SERVICE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: e2e-notify-service
  title: Notify Service
  annotations:
    techstack.dev/uses: Examplium, Sampledb
spec:
  type: service
  lifecycle: experimental
  owner: ${GUEST}
`;

async function call(
  pathname: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${BACKEND_URL}${pathname}`, {
    method,
    headers: {
      Authorization: `Bearer ${await guestToken()}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

async function ingest(markdown: string) {
  await fs.writeFile(NOTIFY_GUIDE, markdown);
  const { status, body } = await call(
    '/api/catalog/tech-stack/refresh?guide=notify&force=true',
    'POST',
  );
  assert.equal(status, 200, JSON.stringify(body));
}

async function sampledbRing(): Promise<string | undefined> {
  const { body } = await backendApi(
    '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=sampledb&fields=spec.ring',
  );
  return body?.items?.[0]?.spec?.ring;
}

/** Notifications of earlier runs of this test on the same portal. */
const earlier = new Set<string>();

/** The guest's notifications about Sampledb from this run, oldest first. */
async function sampledbNotifications(): Promise<any[]> {
  const { status, body } = await backendApi(
    '/api/notifications?topic=tech-stack&orderField=created,asc&limit=50',
  );
  assert.equal(status, 200);
  return (body.notifications ?? [])
    .filter((n: any) => /Sampledb/.test(n.payload.title) && !earlier.has(n.id))
    .sort((a: any, b: any) => a.created.localeCompare(b.created));
}

describe('notifications when a technology goes on hold or leaves the guide', () => {
  let browser: Browser;
  let locationId: string | undefined;

  before(async () => {
    (await sampledbNotifications()).forEach(n => earlier.add(n.id));
    await fs.mkdir(path.dirname(NOTIFY_GUIDE), { recursive: true });
    await fs.mkdir(SERVICE_DIR, { recursive: true });
    await fs.writeFile(SERVICE_FILE, SERVICE);
    const registered = await call('/api/catalog/locations', 'POST', {
      type: 'file',
      target: SERVICE_FILE,
    });
    assert.ok(
      registered.status === 201 || registered.status === 409,
      `registering the service: ${registered.status} ${JSON.stringify(
        registered.body,
      )}`,
    );
    locationId = registered.body?.location?.id;
    await eventually(
      async () => {
        await ingest(guide('alternatives'));
        return (await sampledbRing()) === 'trial' ? true : undefined;
      },
      180_000,
      'Sampledb (trial) in the catalog',
    );
    // the service's usage of it, as the notifier finds it
    await eventually(
      async () => {
        const { body } = await backendApi(
          '/api/catalog/entities/by-name/component/default/e2e-notify-service',
        );
        return body?.relations?.some(
          (r: any) => r.targetRef === 'technology:default/sampledb',
        )
          ? true
          : undefined;
      },
      180_000,
      'the service related to Sampledb',
    );
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (locationId) {
      await call(`/api/catalog/locations/${locationId}`, 'DELETE');
    }
    await fs.rm(SERVICE_DIR, { recursive: true, force: true });
    await fs.rm(NOTIFY_GUIDE, { force: true });
    // the guide's runs now fail and keep its entities: remove them, so the
    // other tests see the example guide alone
    const { body } = await backendApi(
      '/api/catalog/entities/by-query?filter=kind=technology,metadata.annotations.techstack.dev/guide=notify&fields=metadata.uid',
    );
    for (const item of body?.items ?? []) {
      await call(`/api/catalog/entities/by-uid/${item.metadata.uid}`, 'DELETE');
    }
  });

  it('sends the owner one notification when the guide puts Sampledb on hold, with the alternatives and the service', async () => {
    assert.deepEqual(await sampledbNotifications(), []);
    await ingest(guide('hold'));
    const [notification, ...more] = await eventually(
      async () => {
        const found = await sampledbNotifications();
        return found.length ? found : undefined;
      },
      60_000,
      'the hold notification',
    );
    assert.deepEqual(more, []);
    assert.match(notification.payload.title, /Sampledb is now on hold/);
    assert.match(notification.payload.description, /Adopt instead: Examplium/);
    assert.match(
      notification.payload.description,
      /e2e-notify-service|Notify Service/,
    );
    assert.equal(
      notification.payload.link,
      '/catalog/default/technology/sampledb',
    );
    assert.equal(notification.payload.topic, 'tech-stack');

    // later runs of the same guide send nothing more
    await ingest(guide('hold'));
    await ingest(guide('hold'));
    assert.equal((await sampledbNotifications()).length, 1);
  });

  it('shows it on the Notifications page', async () => {
    const page = await openPortal(browser, '/notifications');
    await page
      .getByText(/Sampledb is now on hold/)
      .first()
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'notifications-hold');
    await page.close();
  });

  it('sends one more when the guide removes it', async () => {
    await ingest(guide('gone'));
    const all = await eventually(
      async () => {
        const found = await sampledbNotifications();
        return found.length === 2 ? found : undefined;
      },
      60_000,
      'the removal notification',
    );
    assert.match(all[1].payload.title, /Sampledb/);
    assert.match(all[1].payload.title, /was removed from the tech stack guide/);
    assert.match(
      all[1].payload.description,
      /removed from the tech stack guide 'notify' \(it was at hold\)/,
    );
    await ingest(guide('gone'));
    assert.equal((await sampledbNotifications()).length, 2);
  });
});
