import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import {
  backendApi,
  eventually,
  launchBrowser,
  openPortal,
  screenshot,
} from './browser';

// app-config.yaml: techStack.scaffolder.localPublishDir, relative to packages/backend
const PUBLISH_DIR = path.resolve(__dirname, '../.local-services');

const api = (pathname: string) => backendApi(pathname);

describe('creating a service on the recommended stack', () => {
  let browser: Browser;
  const name = `e2e-orders-${Date.now().toString(36)}`;

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await fs.rm(path.join(PUBLISH_DIR, name), { recursive: true, force: true });
  });

  it('runs the TypeScript template end to end and finds the new service in the catalog with its technologies', async () => {
    const postgresUsage = async () => {
      const { body } = await api('/api/tech-stack/radar');
      return (body?.entries ?? []).find(
        (e: { name: string }) => e.name === 'postgresql',
      )?.usageCount as number | undefined;
    };
    const usageBefore = await eventually(postgresUsage, 180_000, 'radar');
    const page = await openPortal(
      browser,
      '/create/templates/default/service-typescript-recommended-stack',
    );
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await page
      .getByRole('textbox', { name: /^Description/ })
      .fill('Created by the browser test');
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.click();
    await owner.fill('payments');
    await page
      .getByRole('option', { name: /payments/i })
      .first()
      .click();
    await page.getByRole('button', { name: 'Next' }).click();

    // the stack step: the adopt choice of each layer is preselected
    await page.getByText('Relational').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'scaffolder-stack');
    await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // the task runs: fetch, resolve, wire, publish-local (registers the service)
    await page
      .getByRole('link', { name: /Open in catalog/i })
      .waitFor({ timeout: 120_000 })
      .catch(async e => {
        await screenshot(page, 'scaffolder-task-failed');
        throw e;
      });
    await screenshot(page, 'scaffolder-done');

    // the service on disk: compose and manifests for the chosen stack
    const dir = path.join(PUBLISH_DIR, name);
    const compose = parse(
      await fs.readFile(path.join(dir, 'docker-compose.yaml'), 'utf8'),
    );
    assert.ok(
      compose.services.postgresql || compose.services.postgres,
      'compose has PostgreSQL',
    );
    assert.ok(compose.services.redis, 'compose has Redis');
    const deployment = parse(
      await fs.readFile(path.join(dir, 'k8s/deployment.yaml'), 'utf8'),
    );
    assert.equal(deployment.kind, 'Deployment');
    assert.equal(deployment.metadata.name, name);

    // the catalog: the new component, related to what it uses
    const relations = await eventually(
      async () => {
        const { status, body } = await api(
          `/api/catalog/entities/by-name/component/default/${name}`,
        );
        const uses: string[] = (body?.relations ?? [])
          .filter((r: { type: string }) => r.type === 'usesTechnology')
          .map((r: { targetRef: string }) => r.targetRef);
        return status === 200 && uses.length > 0 ? uses : undefined;
      },
      120_000,
      `component ${name} with usesTechnology relations`,
    );
    assert.ok(relations.includes('technology:default/postgresql'));
    assert.ok(relations.includes('technology:default/redis'));

    // the radar counts the new user (its cache lives 30 s)
    await eventually(
      async () => ((await postgresUsage())! > usageBefore ? true : undefined),
      120_000,
      'the radar usage count of PostgreSQL to include the new service',
    );
  });
});
