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

/** Types `term` into the search page's search bar and waits for the results. */
async function searchFor(page: Page, term: string) {
  const box = page.getByRole('textbox', { name: 'Search' });
  await box.fill(term);
  await page.waitForURL(url => url.searchParams.get('query') === term, {
    timeout: 30_000,
  });
}

/** The result list item of the result titled `title`. */
function resultItem(page: Page, title: string) {
  return page
    .locator('article li')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
    .first();
}

/** The titles of the results shown, in order. */
async function resultTitles(page: Page): Promise<string[]> {
  return page
    .locator('article li a[href^="/catalog/default/"]')
    .allInnerTexts();
}

describe('Backstage search finds Technologies', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    // the catalog collator indexes every minute (app-config.yaml): wait for
    // the run after the guide's ingestion
    await eventually(
      async () => {
        const { status, body } = await backendApi(
          '/api/search/query?term=WandB',
        );
        return status === 200 &&
          body.results?.some(
            (r: any) => r.document.title === 'Weights & Biases',
          )
          ? true
          : undefined;
      },
      180_000,
      'Weights & Biases in the search index',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('finds Weights & Biases by its alias WandB, with its ring and layer', async () => {
    const page = await openPortal(browser, '/search');
    try {
      await searchFor(page, 'WandB');
      const link = page.getByRole('link', {
        name: 'Weights & Biases',
        exact: true,
      });
      await link.waitFor({ timeout: 30_000 });
      assert.equal((await resultTitles(page))[0], 'Weights & Biases');
      const item = resultItem(page, 'Weights & Biases');
      const text = (await item.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /Also known as W&B, WandB\./);
      assert.match(text, /Ring: trial\./);
      assert.match(
        text,
        /Layers: AI\/ML Infrastructure › MLOps › Experiment \(trial\)\./,
      );
      assert.match(text, /Kind: Technology/);
      await screenshot(page, 'search-wandb');
      // the result leads to the Technology's page
      await link.click();
      await page.waitForURL(/\/catalog\/default\/technology\/weights-biases/);
      await page
        .getByRole('heading', { name: 'Weights & Biases' })
        .first()
        .waitFor({ timeout: 60_000 });
    } catch (e) {
      await screenshot(page, 'search-wandb-failed');
      throw e;
    }
  });

  it('finds the technologies of a layer by its name', async () => {
    const page = await openPortal(browser, '/search');
    try {
      await searchFor(page, 'Experiment');
      for (const title of ['MLflow', 'Weights & Biases']) {
        await page
          .getByRole('link', { name: title, exact: true })
          .waitFor({ timeout: 30_000 });
        const text = (await resultItem(page, title).innerText()).replace(
          /\s+/g,
          ' ',
        );
        assert.match(text, /MLOps › Experiment \(trial\)/, title);
      }
      // the layer's two technologies come first, before the components that mention it
      assert.deepEqual((await resultTitles(page)).slice(0, 2).sort(), [
        'MLflow',
        'Weights & Biases',
      ]);
      await screenshot(page, 'search-layer');
    } catch (e) {
      await screenshot(page, 'search-layer-failed');
      throw e;
    }
  });
});
