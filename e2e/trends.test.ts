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

const DAY_MS = 24 * 60 * 60 * 1000;

describe('adoption over time', () => {
  let browser: Browser;
  let points: Array<{ day: string; components: number; teams: number }>;
  before(async () => {
    browser = await launchBrowser();
    // the example history (techStack.history.exampleSeed) is written with the
    // first snapshot, a couple of minutes after the backend starts
    points = await eventually(
      async () => {
        const { status, body } = await backendApi(
          '/api/tech-stack/adoption/history?technology=PostgreSQL',
        );
        return status === 200 && body?.points?.length >= 30
          ? body.points
          : undefined;
      },
      360_000,
      'the example adoption history of PostgreSQL',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('charts the components using PostgreSQL on its Technology page', async () => {
    const first = points[0];
    const latest = points[points.length - 1];
    assert.ok(
      Date.parse(latest.day) - Date.parse(first.day) >= 90 * DAY_MS,
      `months of history: ${first.day} to ${latest.day}`,
    );
    assert.ok(latest.components > 0);

    const page = await openPortal(
      browser,
      '/catalog/default/technology/postgresql/technology',
    );
    await page
      .getByText('Components using it over time')
      .waitFor({ timeout: 60_000 });
    const chart = page.getByRole('img', { name: /^Components using it, / });
    await chart.waitFor({ timeout: 60_000 });
    assert.equal(
      await chart.getAttribute('aria-label'),
      `Components using it, ${first.day} to ${latest.day}; latest components: ${latest.components}, teams: ${latest.teams}`,
    );
    // the components and the teams, each a line
    assert.equal(await chart.locator('polyline').count(), 2);
    await page
      .getByText(
        `${latest.day}: ${latest.components} ${
          latest.components === 1 ? 'component' : 'components'
        } in`,
      )
      .waitFor({ timeout: 30_000 });
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'technology-trend');
  });
});
