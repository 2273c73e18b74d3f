import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPortal, screenshot } from './browser';

describe('the example portal', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  it('signs in as guest and lists the example components in the catalog', async () => {
    const page = await openPortal(browser, '/catalog');
    await page
      .getByRole('link', { name: 'Orders Service' })
      .waitFor({ timeout: 120_000 })
      .catch(async e => {
        await screenshot(page, 'catalog-failed');
        throw e;
      });
    for (const title of [
      'Payments Service',
      'Storefront',
      'Support Assistant API',
    ]) {
      assert.ok(
        await page.getByRole('link', { name: title }).isVisible(),
        `${title} is listed`,
      );
    }
    await screenshot(page, 'catalog');
  });
});
