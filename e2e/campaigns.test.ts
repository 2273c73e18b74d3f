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

const CAMPAIGN = 'rancher-to-managed-kubernetes';

describe('migration campaigns', () => {
  let browser: Browser;
  let remaining: Array<{ team: string; component: string }>;
  before(async () => {
    browser = await launchBrowser();
    // the example campaign of app-config.yaml, with the example components
    // that still use Rancher
    remaining = await eventually(
      async () => {
        const { status, body } = await backendApi('/api/tech-stack/campaigns');
        const campaign = body?.campaigns?.find((c: any) => c.id === CAMPAIGN);
        if (status !== 200 || !campaign || campaign.totals.remaining === 0) {
          return undefined;
        }
        return campaign.teams.flatMap((t: any) =>
          t.components.map((c: any) => ({
            team: t.title ?? t.ref,
            component: c.title ?? c.ref,
          })),
        );
      },
      180_000,
      'the Rancher campaign with its remaining components',
    );
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the Rancher campaign with its remaining component and team', async () => {
    // the example catalog: Edge Clusters of the Platform Team still uses Rancher
    assert.deepEqual(remaining, [
      { team: 'Platform Team', component: 'Edge Clusters' },
    ]);
    const page = await openPortal(browser, '/tech-radar/campaigns');
    const campaign = page.getByRole('region', {
      name: `Campaign ${CAMPAIGN}`,
    });
    await campaign.waitFor({ timeout: 60_000 });
    assert.ok(
      await page.getByRole('tab', { name: 'Campaigns' }).isVisible(),
      'the Campaigns tab',
    );
    await page.getByText('Rancher → EKS, GKE, AKS').waitFor();
    const table = campaign.getByRole('table');
    const row = table.getByRole('row').filter({ hasText: 'Platform Team' });
    await row.waitFor({ timeout: 30_000 });
    await row
      .getByRole('link', { name: 'Edge Clusters' })
      .waitFor({ timeout: 30_000 });
    assert.match(
      await campaign.getByTestId('campaign-remaining').innerText(),
      /^1 remaining component in 1 team/,
    );
    assert.match(
      await campaign.innerText(),
      /Deadline 2027-05-01 \(\d+ days left\)/,
    );
    await screenshot(page, 'campaigns');

    // the CSV, fetched with the user's token and offered as a download
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.equal(
      download.suggestedFilename(),
      `tech-stack-campaign-${CAMPAIGN}.csv`,
    );
  });

  it('draws the burn-down of Rancher from the adoption history', async () => {
    // the example history (techStack.history.exampleSeed) is written with the
    // first snapshot, a couple of minutes after the backend starts
    const history = await eventually(
      async () => {
        const { status, body } = await backendApi(
          `/api/tech-stack/campaigns/${CAMPAIGN}/history`,
        );
        return status === 200 && body?.points?.length >= 30 ? body : undefined;
      },
      360_000,
      'the example adoption history of the Rancher campaign',
    );
    const remaining: number[] = history.points.map((p: any) => p.remaining);
    // Rancher declines to the one component that still uses it today
    assert.equal(remaining[remaining.length - 1], 1);
    assert.ok(
      remaining[0] > remaining[remaining.length - 1],
      `Rancher declines over the history: ${remaining.join(',')}`,
    );
    assert.equal(history.deadline, '2027-05-01');

    const page = await openPortal(browser, '/tech-radar/campaigns');
    const campaign = page.getByRole('region', {
      name: `Campaign ${CAMPAIGN}`,
    });
    const chart = campaign.getByRole('img', {
      name: /^Rancher: components remaining per day/,
    });
    await chart.waitFor({ timeout: 60_000 });
    const label = (await chart.getAttribute('aria-label')) ?? '';
    assert.match(
      label,
      new RegExp(
        `^Rancher: components remaining per day, ${history.points[0].day} to ${
          history.points[history.points.length - 1].day
        }; latest remaining: 1; Deadline 2027-05-01$`,
      ),
    );
    // the remaining components, and the ideal line down to the deadline
    assert.equal(await chart.locator('polyline').count(), 2);
    assert.ok(await chart.getByText('Deadline').isVisible());
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page, 'campaigns-burn-down');
  });

  it('names the campaign on the component card', async () => {
    const page = await openPortal(
      browser,
      '/catalog/default/component/edge-clusters',
    );
    const list = page.getByRole('list', { name: 'Migration campaigns' });
    await list.waitFor({ timeout: 60_000 });
    assert.match(
      await list.innerText(),
      /Move off Rancher to EKS, GKE, AKS[\s\S]*Deadline 2027-05-01/,
    );
  });
});
