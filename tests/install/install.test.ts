/*
 * Our packages in a fresh Backstage app (scripts/install-test.sh made it,
 * followed the README's install section in it and started its backend, which
 * serves the built app): the CLI of the packed common package, the radar, a
 * Technology page, the template's stack step and the entity cards, in
 * Debian's Chromium; and the tech-stack tools on the app's MCP server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import {
  backendApi,
  eventually,
  launchBrowser,
  openPortal,
  screenshot,
} from '../../e2e/browser';
import { mcpRequest, mcpTool } from '../../e2e/mcp';

const APP_DIR = process.env.TS_INSTALL_APP_DIR ?? '';
/** Where the README's step copies this repository's examples to. */
const GUIDE = 'examples/tech-stack/technology-stack-guide.md';
const SEED_SECTORS = [
  'Core Infrastructure',
  'Data Layer',
  'AI/ML Infrastructure',
  'Observability',
  'Security',
  'Event-Driven Architecture',
  'Edge & CDN',
];

describe('the tech-stack CLI of the packed common package', () => {
  it('is the copy installed from the tarball, and parses the seed guide: 106 technologies in 7 sections', async () => {
    assert.ok(APP_DIR, 'TS_INSTALL_APP_DIR names the fresh app');
    const installed = await fs.realpath(
      path.join(APP_DIR, 'node_modules/@techstack/plugin-tech-stack-common'),
    );
    assert.ok(
      installed.startsWith(await fs.realpath(APP_DIR)),
      `installed in the app, not linked to the repository: ${installed}`,
    );
    const { stdout } = await promisify(execFile)(
      'yarn',
      ['tech-stack', 'parse', GUIDE, '--format', 'json'],
      { cwd: APP_DIR, maxBuffer: 64 * 1024 * 1024 },
    );
    const model = JSON.parse(stdout) as {
      sections: Array<{ title: string }>;
      technologies: unknown[];
    };
    assert.equal(model.technologies.length, 106);
    assert.equal(model.sections.length, 7);
  });
});

describe('the fresh app with our plugins', () => {
  let browser: Browser;
  const open = (route: string): Promise<Page> => openPortal(browser, route);

  before(async () => {
    browser = await launchBrowser();
    // the guide is ingested shortly after the backend starts
    await eventually(
      async () => {
        const { body } = await backendApi('/api/tech-stack/radar');
        return body?.entries?.length > 100 ? true : undefined;
      },
      180_000,
      'the seed technologies in the radar API',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the Tech Radar in the sidebar, with the seven sectors of the guide', async () => {
    const { body } = await backendApi('/api/tech-stack/radar');
    assert.deepEqual(body.sectors, SEED_SECTORS);
    const page = await open('/catalog');
    await page
      .locator('nav[aria-label="sidebar nav"]')
      .getByRole('link', { name: 'Tech Radar' })
      .click();
    await page.waitForURL(/\/tech-radar$/);
    await page
      .locator('[data-testid="tech-radar-blip"]')
      .first()
      .waitFor({ timeout: 60_000 });
    const legend = await page
      .locator('[aria-label^="Legend: "]')
      .evaluateAll(nodes =>
        nodes.map(n => n.getAttribute('aria-label')!.slice('Legend: '.length)),
      );
    assert.deepEqual(legend, SEED_SECTORS);
    await screenshot(page, 'install-radar');
  });

  it('renders a Technology page', async () => {
    const page = await open('/catalog/default/technology/postgresql');
    await page.getByText('Relational').first().waitFor({ timeout: 60_000 });
    assert.ok(
      await page
        .getByRole('heading', { name: /PostgreSQL/ })
        .first()
        .isVisible(),
    );
    await screenshot(page, 'install-technology');
  });

  it("shows the template's stack step with the adopt choice of each layer preselected", async () => {
    const page = await open(
      '/create/templates/default/service-typescript-recommended-stack',
    );
    await page.getByRole('textbox', { name: /^Name/ }).fill('install-test');
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.click();
    await owner.fill('payments');
    await page
      .getByRole('option', { name: /payments/i })
      .first()
      .click();
    await page.getByRole('button', { name: 'Next' }).click();
    const relational = page.getByRole('button', { name: /Relational/ });
    await relational.waitFor({ timeout: 60_000 });
    assert.match(await relational.innerText(), /PostgreSQL/);
    assert.match(
      await page.getByRole('button', { name: /Key-Value/ }).innerText(),
      /Redis/,
    );
    await screenshot(page, 'install-template-stack');
  });

  it('shows the "Tech stack" card on a component and the team\'s tools on its group', async () => {
    const component = await open('/catalog/default/component/orders-service');
    await component
      .getByText('Tech stack', { exact: true })
      .waitFor({ timeout: 60_000 });
    await component
      .getByText('PostgreSQL')
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(component, 'install-component');

    const team = await open('/catalog/default/group/payments-team');
    await team
      .getByText('Tools used by this team')
      .waitFor({ timeout: 60_000 });
    await team.getByText('PostgreSQL').first().waitFor({ timeout: 30_000 });
    await screenshot(team, 'install-team');
  });
});

describe("the fresh app's MCP server (create-app's MCP actions backend)", () => {
  it('offers the tech-stack tools, which answer from the guide', async () => {
    const { status, result } = await mcpRequest('tools/list', {});
    assert.equal(status, 200);
    const names: string[] = result.tools.map((t: { name: string }) => t.name);
    assert.ok(
      names.includes('tech-stack.get-recommended-stack') &&
        names.includes('tech-stack.who-uses'),
      `the tech-stack tools in ${names.join(', ')}`,
    );
    const { json } = await eventually(
      async () => {
        const answer = await mcpTool('tech-stack.get-recommended-stack', {
          need: 'relational database',
        });
        return answer.json?.layers?.length ? answer : undefined;
      },
      120_000,
      'the guide in get-recommended-stack',
    );
    assert.deepEqual(
      json.layers[0].recommended.map((c: { title: string }) => c.title),
      ['PostgreSQL'],
    );
  });
});
