import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  BACKEND_URL,
  backendApi,
  eventually,
  guestToken,
  launchBrowser,
  openPortal,
  screenshot,
} from './browser';
import { hostileGuide } from './fixtures/hostileGuide';
import {
  adversarialGuide,
  ADVERSARY_MARKER,
} from './fixtures/adversarialGuide';
import {
  horizontalOverflow,
  longTexts,
  PageIncidents,
  pwned,
  unsafeLinks,
  watchPage,
} from './pageSafety';

// app-config.e2e.yaml: the `hostile` guide's target (relative to packages/backend)
const HOSTILE_GUIDE = path.resolve(
  __dirname,
  '../artifacts/e2e/hostile-guide.md',
);
const REPO_ROOT = path.resolve(__dirname, '..');

interface RadarEntry {
  name: string;
  title: string;
  sectors: string[];
  layers: Array<{ section: string; group?: string; layer: string }>;
}

/** Refreshes the hostile guide (forced: its versions differ a lot in size). */
async function refreshHostile(): Promise<number> {
  const { status } = await backendApi(
    '/api/catalog/tech-stack/refresh?guide=hostile&force=true',
    'POST',
  );
  return status;
}

async function radarEntries(): Promise<{
  sectors: string[];
  entries: RadarEntry[];
}> {
  const { status, body } = await backendApi('/api/tech-stack/radar');
  assert.equal(status, 200);
  return body;
}

/** Writes a guide to the hostile target and waits for one of its technologies in the radar. */
async function ingest(markdown: string, marker: string, what: string) {
  await fs.mkdir(path.dirname(HOSTILE_GUIDE), { recursive: true });
  await fs.writeFile(HOSTILE_GUIDE, markdown);
  await refreshHostile();
  return eventually(
    async () => {
      const radar = await radarEntries();
      return radar.entries.some(e => e.title === marker) ? radar : undefined;
    },
    180_000,
    what,
  );
}

function longest(values: Iterable<string>): string {
  let best = '';
  for (const value of values) if (value.length > best.length) best = value;
  return best;
}

/** Asserts that nothing on the page ran a payload or links unsafely, and that it fits the viewport. */
async function assertSafe(page: Page, incidents: PageIncidents, where: string) {
  assert.equal(await pwned(page), false, `${where}: a payload set the global`);
  assert.deepEqual(incidents.dialogs, [], `${where}: dialogs opened`);
  assert.deepEqual(incidents.errors, [], `${where}: page errors`);
  assert.deepEqual(await unsafeLinks(page), [], `${where}: unsafe links`);
  const overflow = await horizontalOverflow(page);
  assert.equal(
    overflow.px,
    0,
    `${where}: the page overflows the viewport by ${overflow.px} px (${overflow.culprit})`,
  );
}

/** Asserts that every visible piece of a long text is cut, with the full text on hover. */
async function assertCut(page: Page, full: string, where: string) {
  const shown = await longTexts(page, full.slice(0, 40), full);
  assert.ok(shown.length >= 1, `${where}: "${full.slice(0, 20)}…" is shown`);
  const width = page.viewportSize()!.width;
  for (const s of shown) {
    const what = `${where}: <${s.tag}> ${s.width}x${s.height} px`;
    assert.ok(s.right <= width, `${what} ends right of the viewport`);
    assert.ok(s.height <= 120, `${what} is not cut (too tall)`);
    assert.ok(s.fullOnHover, `${what} has no full text on hover`);
  }
}

describe('a hostile guide in the portal', () => {
  let browser: Browser;
  let configured = true;
  let radar: { sectors: string[]; entries: RadarEntry[] };
  /** The hostile guide's longest section, layer and technology title, as ingested. */
  let longSection = '';
  let longLayer = '';
  let wideTool: RadarEntry;
  /** A technology placed in the longest section (its page shows that name). */
  let longSectionTool: RadarEntry;

  before(async () => {
    browser = await launchBrowser();
    await fs.mkdir(path.dirname(HOSTILE_GUIDE), { recursive: true });
    await fs.writeFile(HOSTILE_GUIDE, hostileGuide());
    // the backend may still be starting: retry until it answers for the guide
    const status = await eventually(
      async () => {
        const s = await refreshHostile();
        return s === 503 || s === 401 ? undefined : s;
      },
      180_000,
      'the refresh endpoint',
    );
    configured = status !== 404;
    if (!configured) return;
    radar = await ingest(hostileGuide(), 'Evilbase', 'the hostile guide');
    const hostile = radar.entries.filter(e =>
      e.layers.some(l => l.section.startsWith('Payloads')),
    );
    longSection = longest(radar.sectors);
    longLayer = longest(radar.entries.flatMap(e => e.layers.map(l => l.layer)));
    wideTool = hostile.reduce((a, b) =>
      b.title.length > a.title.length ? b : a,
    );
    longSectionTool = radar.entries.find(e =>
      e.layers.some(l => l.section === longSection),
    )!;
  });
  after(async () => {
    await browser?.close();
  });

  it('ingests the payloads as names (sanity of the fixture)', t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    assert.ok(longSection.length >= 200, `long section: ${longSection.length}`);
    assert.ok(longLayer.length >= 200, `long layer: ${longLayer.length}`);
    assert.ok(wideTool.title.length >= 60, `wide tool: ${wideTool.title}`);
    assert.ok(longSectionTool, 'a technology in the longest section');
    const titles = radar.entries.map(e => e.title);
    for (const title of ['constructor', 'Evilbase']) {
      assert.ok(titles.includes(title), `${title} is a technology`);
    }
    return undefined;
  });

  it('runs no script and links nothing unsafe on the radar, its tooltip, legend and tables', async t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    const page = await openPortal(browser, '/tech-radar');
    const incidents = watchPage(page);
    const blip = page.locator(
      `[data-testid="tech-radar-blip"][aria-label^="${wideTool.title},"]`,
    );
    await blip.first().waitFor({ timeout: 60_000 });
    const svg = page.locator('svg[data-testid="tech-radar"]');
    const sizeBefore = await svg.boundingBox();
    assert.ok(
      sizeBefore && sizeBefore.width >= 400,
      `radar ${JSON.stringify(sizeBefore)}`,
    );
    await blip.first().hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    const tip = await tooltip.boundingBox();
    assert.ok(
      tip && tip.width <= 400 && tip.height <= 400,
      `tooltip size ${JSON.stringify(tip)}`,
    );
    await screenshot(page, 'security-radar-tooltip');
    assert.deepEqual(
      await svg.boundingBox(),
      sizeBefore,
      'the radar keeps its size',
    );

    await assertCut(page, longSection, 'radar (sector)');
    await assertCut(page, longLayer, 'radar (layer)');
    await assertSafe(page, incidents, 'radar');
    await page
      .locator('[data-testid="tech-radar-legend"]')
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'security-radar-legend');
    await page
      .getByRole('table', { name: longSection.slice(0, 40) })
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'security-layer-tables');
    await assertSafe(page, incidents, 'radar after scrolling');
  });

  it("shows Technology pages as text, without a path of the backend's disk", async t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    const names = [
      'evilbase',
      'constructor',
      'safe-tool',
      'mirror-db',
      wideTool.name,
      longSectionTool.name,
    ];
    for (const name of [...names, 'postgresql']) {
      const page = await openPortal(
        browser,
        `/catalog/default/technology/${name}`,
      );
      const incidents = watchPage(page);
      await page.getByText('Rings per layer').waitFor({ timeout: 60_000 });
      await assertSafe(page, incidents, `technology ${name}`);
      const text = await page.locator('body').innerText();
      assert.ok(
        !text.includes(REPO_ROOT),
        `technology ${name} shows ${REPO_ROOT}`,
      );
      if (name === wideTool.name) {
        // its one-word title wraps in the header (assertSafe checks the overflow)
        await screenshot(page, 'security-technology');
      }
      if (name === longSectionTool.name) {
        await assertCut(page, longSection, 'technology page (section)');
        await screenshot(page, 'security-technology-long-section');
      }
    }
  });

  it('keeps the adoption view safe', async t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    const page = await openPortal(browser, '/tech-radar/adoption');
    const incidents = watchPage(page);
    await page
      .getByRole('button', { name: /use PostgreSQL/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await assertSafe(page, incidents, 'adoption');
    await screenshot(page, 'security-adoption');
  });

  it("keeps the scaffolder's technology picker safe", async t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    const page = await openPortal(
      browser,
      '/create/templates/default/service-typescript-recommended-stack',
    );
    const incidents = watchPage(page);
    await page.getByRole('textbox', { name: /^Name/ }).fill('e2e-hostile');
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.click();
    await owner.fill('payments');
    await page
      .getByRole('option', { name: /payments/i })
      .first()
      .click();
    await page.getByRole('button', { name: 'Next' }).click();
    // the Relational layer offers the hostile alternatives beside PostgreSQL
    const relational = page.getByRole('button', { name: /Relational/ }).first();
    await relational.waitFor({ timeout: 30_000 });
    await relational.click();
    await screenshot(page, 'security-picker');
    const option = page.getByRole('option', { name: /Widetool/ });
    await option.first().waitFor({ timeout: 10_000 });
    const offered = radar.entries.find(
      e =>
        e.title.startsWith('Widetool') &&
        e.layers.some(l => l.layer === 'Relational'),
    );
    assert.ok(offered, 'a long name in the Relational layer');
    await assertCut(page, offered.title, 'picker option');
    await assertSafe(page, incidents, 'picker');
    await page.keyboard.press('Escape');
  });

  it('keeps the health endpoint and the radar answering within 1 s while ingesting an adversarial guide', async t => {
    if (!configured)
      return t.skip('portal started without app-config.e2e.yaml');
    const token = await guestToken();
    const timed = async (pathname: string, auth: boolean) => {
      const start = performance.now();
      const res = await fetch(`${BACKEND_URL}${pathname}`, {
        headers: auth ? { Authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined);
      await res?.arrayBuffer();
      return { ms: performance.now() - start, status: res?.status ?? 0 };
    };
    await fs.writeFile(HOSTILE_GUIDE, adversarialGuide());
    let done = false;
    const refresh = refreshHostile().finally(() => {
      done = true;
    });
    const samples: Array<{ path: string; ms: number; status: number }> = [];
    const started = Date.now();
    let ingested = false;
    // poll while the run goes on: until the marker reaches the catalog (and
    // the refresh call has answered), for two minutes at most
    while (Date.now() - started < 120_000 && !(ingested && done)) {
      for (const [p, auth] of [
        ['/.backstage/health/v1/readiness', false],
        ['/api/tech-stack/radar', true],
      ] as const) {
        samples.push({ path: p, ...(await timed(p, auth)) });
      }
      if (!ingested) {
        const marker = await backendApi(
          '/api/catalog/entities/by-name/technology/default/adversary-marker',
        );
        ingested = marker.status === 200;
      }
      await new Promise(r => setTimeout(r, 250));
    }
    await refresh;
    const worst = samples.reduce((a, b) => (b.ms > a.ms ? b : a));
    // figures, not a limit on the test's duration
    // eslint-disable-next-line no-console
    console.log(
      `[security] ${
        samples.length
      } requests during the adversarial ingestion; slowest ${
        worst.path
      } ${Math.round(worst.ms)} ms`,
    );
    assert.ok(ingested, `${ADVERSARY_MARKER} reached the catalog`);
    for (const s of samples) {
      assert.equal(s.status, 200, `${s.path} answered ${s.status}`);
      assert.ok(s.ms < 1000, `${s.path} took ${Math.round(s.ms)} ms`);
    }
  });

  after(async () => {
    if (!configured) return;
    // back to the hostile guide, so the portal is left with a small guide
    await ingest(hostileGuide(), 'Evilbase', 'the hostile guide, restored');
  });
});
