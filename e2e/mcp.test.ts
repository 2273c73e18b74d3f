/*
 * The example portal's MCP server (Backstage's MCP actions backend) as an AI
 * agent reaches it: the tech-stack tools are listed and answer from the
 * example organisation; a caller without a token is refused.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './browser';
import { mcpRequest, mcpTool } from './mcp';

describe('MCP tools of the example portal', () => {
  before(async () => {
    await eventually(
      async () => {
        const { json } = await mcpTool('tech-stack.who-uses', {
          technology: 'Kafka',
        });
        return json?.totals?.components >= 3 ? true : undefined;
      },
      180_000,
      'the example components in who-uses',
    );
  });

  it('refuses a caller without a token', async () => {
    const { status } = await mcpRequest('tools/list', {}, { token: null });
    assert.equal(status, 401);
  });

  it('lists the tech-stack tools beside the catalog tools', async () => {
    const { status, result } = await mcpRequest('tools/list', {});
    assert.equal(status, 200);
    const names: string[] = result.tools.map((t: any) => t.name);
    for (const tool of [
      'tech-stack.get-recommended-stack',
      'tech-stack.check-technologies',
      'tech-stack.who-uses',
      'tech-stack.get-team-stack',
      'tech-stack.validate-entity',
    ]) {
      assert.ok(names.includes(tool), `${tool} in ${names.join(', ')}`);
    }
    assert.ok(names.some(n => n.startsWith('catalog.')));
  });

  it('"recommended relational database" answers PostgreSQL (adopt)', async () => {
    const { json } = await mcpTool('tech-stack.get-recommended-stack', {
      need: 'recommended relational database',
    });
    assert.equal(json.layers.length, 1);
    assert.equal(json.layers[0].layer, 'Relational');
    assert.deepEqual(
      json.layers[0].recommended.map((c: any) => [c.title, c.ring]),
      [['PostgreSQL', 'adopt']],
    );
  });

  it('"who uses Kafka" answers the example teams with their components', async () => {
    const { json } = await mcpTool('tech-stack.who-uses', {
      technology: 'Kafka',
    });
    const teams = Object.fromEntries(
      json.teams.map((t: any) => [t.ref, t.components.map((c: any) => c.ref)]),
    );
    assert.deepEqual([...(teams['group:default/payments-team'] ?? [])].sort(), [
      'component:default/orders-service',
      'component:default/payments-service',
    ]);
    assert.ok(
      teams['group:default/data-team']?.includes(
        'component:default/event-pipeline',
      ),
    );
  });

  it("Rancher is on hold with the organisation's reason", async () => {
    const { json } = await mcpTool('tech-stack.check-technologies', {
      names: ['Rancher', 'k3s', 'NoSuchDB'],
    });
    const [rancher, k3s, unknown] = json.technologies;
    assert.equal(rancher.status, 'hold');
    assert.match(rancher.reason, /managed Kubernetes services/);
    assert.equal(k3s.status, 'trial');
    assert.equal(unknown.status, 'not-in-guide');
  });
});
