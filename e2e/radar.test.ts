import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  backendApi,
  eventually,
  launchBrowser,
  openPortal,
  screenshot,
} from './browser';

interface RadarResponse {
  sectors: string[];
  entries: Array<{ title: string; name: string; sectors: string[] }>;
}

async function radarFromApi(): Promise<RadarResponse> {
  const { status, body } = await backendApi('/api/tech-stack/radar');
  assert.equal(status, 200);
  return body as RadarResponse;
}

const blips = (page: Page) => page.locator('[data-testid="tech-radar-blip"]');

async function blipLabels(page: Page, visibleOnly = false): Promise<string[]> {
  const all = blips(page);
  const locator = visibleOnly ? all.filter({ visible: true }) : all;
  return locator.evaluateAll(nodes =>
    nodes.map(n => n.getAttribute('aria-label') ?? ''),
  );
}

describe('the tech radar page', () => {
  let browser: Browser;
  let radar: RadarResponse;

  before(async () => {
    browser = await launchBrowser();
    // the guide is ingested shortly after the backend starts
    radar = await eventually(
      async () => {
        const r = await radarFromApi();
        return r.entries.length > 100 ? r : undefined;
      },
      180_000,
      'the seed technologies in the radar API',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the seven sectors of the seed guide and a blip for every technology', async () => {
    assert.deepEqual(radar.sectors, [
      'Core Infrastructure',
      'Data Layer',
      'AI/ML Infrastructure',
      'Observability',
      'Security',
      'Event-Driven Architecture',
      'Edge & CDN',
    ]);
    const page = await openPortal(browser, '/tech-radar');
    await blips(page).first().waitFor({ timeout: 60_000 });
    const labels = await blipLabels(page);
    // one blip per technology and sector it appears in
    const expected = radar.entries.flatMap(e =>
      e.sectors.map(s => `${e.title}|${s}`),
    );
    const shown = labels.map(l => {
      const parts = l.split(', ');
      return `${parts.slice(0, -2).join(', ')}|${parts[parts.length - 1]}`;
    });
    assert.deepEqual([...shown].sort(), [...expected].sort());
    await screenshot(page, 'radar');
  });

  it('lets the keyboard reach the blips, with a tooltip on focus', async () => {
    const page = await openPortal(browser, '/tech-radar');
    await blips(page).first().waitFor({ timeout: 60_000 });
    await page.getByLabel('Search technologies').focus();
    let onBlip = false;
    for (let i = 0; i < 10 && !onBlip; i++) {
      await page.keyboard.press('Tab');
      onBlip = await page.evaluate(
        () =>
          document.activeElement?.getAttribute('data-testid') ===
          'tech-radar-blip',
      );
    }
    assert.ok(onBlip, 'Tab reaches a blip within 10 presses');
    const first = await page.evaluate(() =>
      document.activeElement?.getAttribute('aria-label'),
    );
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() =>
      document.activeElement?.getAttribute('aria-label'),
    );
    assert.ok(second && second !== first, 'an arrow key moves to another blip');
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ timeout: 5_000 });
    assert.ok(
      (await tooltip.innerText()).includes(second!.split(', ')[0]),
      'the tooltip names the focused technology',
    );
    await screenshot(page, 'radar-keyboard');
  });

  it('filters the radar and the tables by search, and keeps it in the URL', async () => {
    const page = await openPortal(browser, '/tech-radar');
    await blips(page).first().waitFor({ timeout: 60_000 });
    const before = (await blipLabels(page, true)).length;
    await page.getByLabel('Search technologies').fill('kafka');
    await page.waitForURL(/[?&]q=kafka/);
    const visible = await eventually(async () => {
      const labels = await blipLabels(page, true);
      return labels.length < before ? labels : undefined;
    }, 10_000);
    assert.ok(visible.length > 0);
    assert.ok(
      visible.every(l => /kafka/i.test(l)),
      `only Kafka blips stay: ${visible.join(' / ')}`,
    );
    // the tables below show Kafka's layers and not, say, PostgreSQL's
    assert.equal(
      await page.getByRole('rowheader', { name: 'Message Broker' }).count(),
      1,
    );
    assert.equal(
      await page.getByRole('rowheader', { name: 'Relational' }).count(),
      0,
    );
    assert.equal(
      await page.getByRole('link', { name: 'PostgreSQL' }).count(),
      0,
    );
    // a shared link opens the same view
    const shared = await openPortal(browser, `/tech-radar?q=kafka`);
    await blips(shared).first().waitFor({ timeout: 60_000 });
    assert.deepEqual(
      (await blipLabels(shared, true)).sort(),
      [...visible].sort(),
    );
    await screenshot(page, 'radar-search');
  });

  it('opens the Technology entity page from a blip', async () => {
    const page = await openPortal(browser, '/tech-radar');
    const postgres = page.locator(
      '[data-testid="tech-radar-blip"][aria-label^="PostgreSQL,"]',
    );
    await postgres.waitFor({ timeout: 60_000 });
    await postgres.click();
    await page.waitForURL(/\/catalog\/default\/technology\/postgresql/);
    await page.getByText('Relational').first().waitFor({ timeout: 30_000 });
    assert.ok(
      await page
        .getByRole('heading', { name: /PostgreSQL/ })
        .first()
        .isVisible(),
    );
    await screenshot(page, 'technology-page');
  });

  it('shows the radar as of a date, and what changed', async () => {
    const past = '2020-01-01';
    const today = new Date().toISOString().slice(0, 10);
    const { status, body: then } = await backendApi(
      `/api/tech-stack/radar?date=${past}`,
    );
    assert.equal(status, 200);
    assert.equal(then.asOf, past);
    // the catalog module records ring changes, not first appearances: a
    // technology without a recorded change keeps its earliest known ring,
    // and the answer says the history does not reach back that far
    const unknown = then.entries.filter(
      (e: { ringKnown?: boolean }) => e.ringKnown === false,
    ).length;
    assert.equal(then.historyComplete, unknown === 0);

    const page = await openPortal(browser, `/tech-radar?date=${past}`);
    const banner = page.getByTestId('tech-radar-as-of');
    await banner.waitFor({ timeout: 60_000 });
    const text = await banner.innerText();
    assert.ok(text.includes(`Radar as of ${past}`), text);
    assert.equal(
      text.includes(`history before ${past} is incomplete`),
      then.historyComplete === false,
    );
    if (then.entries.length === 0) {
      await page
        .getByText(`No technologies on the radar on ${past}.`)
        .waitFor({ timeout: 10_000 });
      assert.equal(await blips(page).count(), 0);
    } else {
      await blips(page).first().waitFor({ timeout: 60_000 });
      assert.equal(
        await blips(page).count(),
        then.entries.reduce(
          (n: number, e: { sectors: string[] }) => n + e.sectors.length,
          0,
        ),
      );
    }

    const now = await openPortal(
      browser,
      `/tech-radar?date=${today}&changesFrom=${today}&changesTo=${today}`,
    );
    const rancher = now.locator(
      '[data-testid="tech-radar-blip"][aria-label^="Rancher,"]',
    );
    await rancher.first().waitFor({ timeout: 60_000 });
    assert.match(
      (await rancher.first().getAttribute('aria-label')) ?? '',
      /^Rancher, Hold, /,
    );
    const { body: changes } = await backendApi(
      `/api/tech-stack/radar/changes?from=${today}&to=${today}`,
    );
    assert.deepEqual(changes.removed, []);
    await now.getByRole('button', { name: 'What changed' }).click();
    await now
      .getByRole('region', { name: `Added (${changes.added.length})` })
      .waitFor({ timeout: 30_000 });
    await now
      .getByRole('region', { name: 'Removed (0)' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'radar-as-of');
    await screenshot(now, 'radar-as-of-changes');
  });
});
