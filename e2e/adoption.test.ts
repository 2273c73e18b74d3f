import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  backendApi,
  eventually,
  launchBrowser,
  openPortal,
  screenshot,
} from './browser';

async function api(pathname: string) {
  const { status, body } = await backendApi(pathname);
  assert.equal(status, 200, pathname);
  return body;
}

describe('which teams use which tools', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    // the example components are related to the guide's technologies
    await eventually(
      async () => {
        const body = await api('/api/tech-stack/adoption');
        return body.teams?.length >= 5 ? true : undefined;
      },
      180_000,
      'adoption of the example teams',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the heat map of teams by technologies, matching the catalog', async () => {
    // what the catalog says: Payments Team components declaring PostgreSQL
    const { items } = await api(
      '/api/catalog/entities/by-query?filter=kind=component,relations.ownedBy=group:default/payments-team&limit=100',
    );
    const paying = items.filter((e: any) =>
      /postgres/i.test(e.metadata.annotations?.['techstack.dev/uses'] ?? ''),
    );
    const payingWithPostgres = paying
      .map((e: any) => e.metadata.title ?? e.metadata.name)
      .sort();
    // a link shows the entity's name until its title has loaded
    const shownAs = (text: string) =>
      paying.find(
        (e: any) => e.metadata.name === text || e.metadata.title === text,
      )?.metadata.title ?? text;
    assert.ok(payingWithPostgres.length >= 2);

    const page = await openPortal(browser, '/tech-radar/adoption');
    const cell = page.getByRole('button', {
      name: `${payingWithPostgres.length} components of Payments Team use PostgreSQL`,
    });
    await cell.waitFor({ timeout: 60_000 });
    await screenshot(page, 'adoption');
    // column headers wrap between words only: a one-word name is one line
    const splitWords = await page
      .getByTestId('adoption-column-name')
      .evaluateAll(nodes =>
        nodes
          .map(node => {
            const text = (node.textContent ?? '').trim();
            const range = document.createRange();
            range.selectNodeContents(node);
            const lines = new Set(
              Array.from(range.getClientRects()).map(r => Math.round(r.top)),
            ).size;
            return { text, lines };
          })
          .filter(({ text, lines }) => !text.includes(' ') && lines > 1)
          .map(({ text }) => text),
      );
    assert.deepEqual(splitWords, [], 'one-word names broken across lines');
    await cell.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const listed = (
      await dialog
        .getByRole('list', { name: 'Components' })
        .getByRole('link')
        .allInnerTexts()
    )
      .map(shownAs)
      .sort();
    assert.deepEqual(listed, payingWithPostgres);
    await page.keyboard.press('Escape');

    // the ring filter lands in the URL and narrows the columns
    await page.getByLabel('Ring').selectOption('hold');
    await page.waitForURL(/[?&]ring=hold/);
    // PostgreSQL (adopt) leaves the map; Rancher (on hold) stays
    await page
      .getByRole('button', { name: /use PostgreSQL/ })
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    assert.equal(
      await page
        .getByRole('button', { name: /of Platform Team use Rancher/ })
        .count(),
      1,
    );
  });

  it('flags the off-guide tool on the component and shows the team its tools', async () => {
    const component = await openPortal(
      browser,
      '/catalog/default/component/legacy-reports',
    );
    const card = component.getByText('Tech stack', { exact: true });
    await card.waitFor({ timeout: 60_000 });
    await component.getByText('Not in the guide').waitFor({ timeout: 30_000 });
    assert.ok(await component.getByText('MySQL').first().isVisible());
    await screenshot(component, 'component-tech-stack');

    const team = await openPortal(
      browser,
      '/catalog/default/group/platform-team',
    );
    await team
      .getByText('Tools used by this team')
      .waitFor({ timeout: 60_000 });
    await team.getByText('Rancher').first().waitFor({ timeout: 30_000 });
    await screenshot(team, 'team-tools');
  });
});
