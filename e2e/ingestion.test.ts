import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { backendApi, eventually } from './browser';

const GUIDE = path.resolve(__dirname, '../examples/technology-stack-guide.md');

const api = backendApi;

// the example guide only (the e2e config adds a second one, `hostile`)
const REFRESH_MAIN = '/api/catalog/tech-stack/refresh?guide=main';

async function technologyNames(): Promise<string[]> {
  const { status, body } = await api(
    '/api/catalog/entities/by-query?filter=kind=technology&fields=metadata.name&limit=1000',
  );
  assert.equal(status, 200);
  return (body.items as Array<{ metadata: { name: string } }>)
    .map(e => e.metadata.name)
    .sort();
}

describe('the running portal keeps the guide', () => {
  it('relates the example components to the technologies they use', async () => {
    const orders = await eventually(
      async () => {
        const { status, body } = await api(
          '/api/catalog/entities/by-name/component/default/orders-service',
        );
        const targets: string[] = (body?.relations ?? [])
          .filter((r: { type: string }) => r.type === 'usesTechnology')
          .map((r: { targetRef: string }) => r.targetRef);
        return status === 200 && targets.length >= 4 ? targets : undefined;
      },
      180_000,
      'usesTechnology relations on orders-service',
    );
    assert.deepEqual(orders.sort(), [
      'technology:default/apache-kafka',
      'technology:default/postgresql',
      'technology:default/prometheus',
      'technology:default/redis',
    ]);
    const { body: postgres } = await api(
      '/api/catalog/entities/by-name/technology/default/postgresql',
    );
    const users = postgres.relations
      .filter((r: { type: string }) => r.type === 'technologyUsedBy')
      .map((r: { targetRef: string }) => r.targetRef);
    assert.ok(users.includes('component:default/orders-service'));
  });

  it('loses no technology when the guide file is deleted or corrupted, and recovers', async () => {
    const original = await fs.readFile(GUIDE);
    const before = await eventually(
      async () => {
        const names = await technologyNames();
        return names.length > 100 ? names : undefined;
      },
      180_000,
      'the seed technologies',
    );
    try {
      await fs.rm(GUIDE);
      const deleted = await api(REFRESH_MAIN, 'POST');
      assert.notEqual(deleted.status, 200, 'a refresh without the guide fails');
      assert.deepEqual(await technologyNames(), before);

      await fs.writeFile(GUIDE, Buffer.from([0, 159, 146, 150, 0, 1, 2, 3]));
      const corrupt = await api(REFRESH_MAIN, 'POST');
      assert.notEqual(corrupt.status, 200, 'a refresh of a binary guide fails');
      await new Promise(r => setTimeout(r, 3000));
      assert.deepEqual(await technologyNames(), before);
    } finally {
      await fs.writeFile(GUIDE, original);
    }
    const restored = await api(REFRESH_MAIN, 'POST');
    assert.equal(restored.status, 200);
    assert.equal(restored.body.guides[0].technologies, before.length);
  });
});
