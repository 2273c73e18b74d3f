import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

/**
 * Opens a template of the example portal, fills the service step (name, an
 * optional description, the payments team as owner) and goes to the stack step.
 */
async function openStackStep(
  browser: Browser,
  template: string,
  service: string,
  description?: string,
) {
  const page = await openPortal(
    browser,
    `/create/templates/default/${template}`,
  );
  await page.getByRole('textbox', { name: /^Name/ }).fill(service);
  if (description) {
    await page.getByRole('textbox', { name: /^Description/ }).fill(description);
  }
  const owner = page.getByRole('textbox', { name: 'Owner' });
  await owner.click();
  await owner.fill('payments');
  await page
    .getByRole('option', { name: /payments/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  return page;
}

/** Creates the service from the review step and waits for the task to finish. */
async function createAndWait(page: Page, failureShot: string) {
  await page.getByRole('button', { name: /^(Next|Review)$/ }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  await page
    .getByRole('link', { name: /Open in catalog/i })
    .waitFor({ timeout: 120_000 })
    .catch(async e => {
      await screenshot(page, failureShot);
      throw e;
    });
}

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
    const page = await openStackStep(
      browser,
      'service-typescript-recommended-stack',
      name,
      'Created by the browser test',
    );

    // the stack step: the adopt choice of each layer is preselected
    await page.getByText('Relational').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'scaffolder-stack');

    // the task runs: fetch, resolve, wire, publish-local (registers the service)
    await createAndWait(page, 'scaffolder-task-failed');
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

  it('marks a stack choice that no recipe wires with the reason', async () => {
    const page = await openStackStep(
      browser,
      'service-typescript-recommended-stack',
      `${name}-marks`,
    );
    const logs = page.getByRole('button', { name: /Logs/ });
    await logs.waitFor({ timeout: 30_000 });
    await logs.click();
    const elk = page.getByRole('option', { name: /ELK/ });
    await elk.waitFor({ timeout: 30_000 });
    assert.match(
      (await elk.textContent()) ?? '',
      /Not wired: a logging platform fed by the platform's log shippers/,
    );
    // A choice with a recipe carries no such note.
    const loki = page
      .getByRole('option')
      .filter({ hasText: 'Loki (trial)' })
      .first();
    assert.doesNotMatch(
      (await loki.textContent()) ?? '',
      /Not wired|No recipe/,
    );
    await screenshot(page, 'scaffolder-recipe-marks');
    await page.keyboard.press('Escape');
  });

  it('creates an AI service with a self-hosted inference server from the AI template', async () => {
    const aiName = `${name}-ai`;
    const page = await openStackStep(
      browser,
      'service-ai-python-recommended-stack',
      aiName,
    );

    // the recommended (first) cloud API is preselected; the inference server is optional
    const cloud = page.getByRole('button', { name: /Cloud APIs/ });
    await cloud.waitFor({ timeout: 30_000 });
    assert.match((await cloud.textContent()) ?? '', /Claude 3\.5/);
    await page.getByLabel(/Self-hosted inference server/).check();
    const inference = page.getByRole('button', { name: /^Inference/ });
    await inference.waitFor({ timeout: 30_000 });
    await screenshot(page, 'scaffolder-ai-stack');
    await createAndWait(page, 'scaffolder-ai-task-failed');

    const dir = path.join(PUBLISH_DIR, aiName);
    try {
      const compose = parse(
        await fs.readFile(path.join(dir, 'docker-compose.yaml'), 'utf8'),
      );
      assert.ok(compose.services.vllm, 'compose runs the inference server');
      const main = await fs.readFile(path.join(dir, 'app/main.py'), 'utf8');
      assert.match(main, /serve\(\{"\/ask": ask\}/);
      const uses = parse(
        await fs.readFile(path.join(dir, 'catalog-info.yaml'), 'utf8'),
      ).metadata.annotations['techstack.dev/uses'];
      assert.match(uses, /claude-3-5/);
      assert.match(uses, /vllm/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
