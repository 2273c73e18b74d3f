import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { hideComponentPolicyModule } from './__testUtils__/hideEntitiesPolicy';
import { oboActorMockHttpAuthFactory } from './__testUtils__/oboActorMockHttpAuth';
import { techStackPlugin } from './plugin';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(120_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ADMIN = 'user:default/admin';
const RESTRICTED = 'user:default/alice';

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: data, title: Data }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: finance, title: Finance }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  annotations: { techstack.dev/uses: "PostgreSQL, Apache Kafka, Rancher, FooDB" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: pipeline, tags: [kafka] }
spec: { type: service, lifecycle: production, owner: data }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  annotations: { techstack.dev/uses: Kafka }
spec: { type: service, lifecycle: production, owner: finance }
`;

/**
 * The tech-stack actions as an AI agent reaches them: the real catalog with
 * the guide ingested by the tech-stack catalog module, the real permission
 * backend (a policy that hides the component `ledger` from everyone but
 * `admin`), this plugin, and Backstage's MCP actions backend; an MCP client
 * over Streamable HTTP at /api/mcp-actions/v1 with a user's token.
 */
describe('tech-stack actions over MCP', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;
  const clients: Client[] = [];

  const url = () =>
    new URL(`http://localhost:${backend.server.port()}/api/mcp-actions/v1`);

  async function connect(user: string): Promise<Client> {
    const client = new Client({ name: 'test-agent', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(url(), {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(user) },
        },
      }),
    );
    clients.push(client);
    return client;
  }

  /** Calls a tool and returns its structured answer (the JSON text it returns). */
  async function call(
    client: Client,
    name: string,
    args: Record<string, unknown>,
  ): Promise<{ isError: boolean; text: string; json: any }> {
    // Backstage's MCP server names tools <plugin id>.<action name>
    const result = (await client.callTool({
      name: `tech-stack.${name}`,
      arguments: args,
    })) as {
      isError?: boolean;
      content: Array<{ type: string; text?: string }>;
    };
    const text = result.content
      .filter(c => c.type === 'text')
      .map(c => c.text)
      .join('\n');
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { isError: Boolean(result.isError), text, json };
  }

  beforeAll(async () => {
    dir.setContent({
      'guide.md': await fs.readFile(SEED_GUIDE, 'utf8'),
      'org.yaml': ORG,
    });
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleTechStack,
        techStackPlugin,
        permissionPlugin,
        mcpActionsPlugin,
        oboActorMockHttpAuthFactory,
        hideComponentPolicyModule({ hidden: 'ledger', admin: ADMIN }),
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['tech-stack'] } },
            permission: { enabled: true },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              radar: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                {
                  technology: 'Rancher',
                  ring: 'hold',
                  reason: 'Phased out for managed Kubernetes',
                },
              ],
            },
          },
        }),
      ],
    });
    const admin = await connect(ADMIN);
    // stitched: the three Kafka users and Rancher on hold
    await waitFor('the catalog to stitch', async () => {
      const { json, text } = await call(admin, 'who-uses', {
        technology: 'Kafka',
      });
      const { json: rancher } = await call(admin, 'check-technologies', {
        names: ['Rancher'],
      });
      if (
        json?.totals?.components === 3 &&
        rancher?.technologies?.[0]?.status === 'hold'
      ) {
        return true;
      }
      throw new Error(`not yet: ${text.slice(0, 600)}`);
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map(c => c.close().catch(() => {})));
    await backend?.stop();
  });

  it('refuses a caller without a token', async () => {
    const response = await fetch(url(), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'anonymous', version: '1.0.0' },
        },
      }),
    });
    expect(response.status).toBe(401);
    const client = new Client({ name: 'anonymous', version: '1.0.0' });
    await expect(
      client.connect(new StreamableHTTPClientTransport(url())),
    ).rejects.toThrow(/401|Unauthorized/i);
  });

  it('lists the five tools with their input schemas and descriptions', async () => {
    const client = await connect(ADMIN);
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name).sort();
    expect(names).toEqual([
      'tech-stack.check-technologies',
      'tech-stack.get-recommended-stack',
      'tech-stack.get-team-stack',
      'tech-stack.validate-entity',
      'tech-stack.who-uses',
    ]);
    const check = tools.find(t => t.name === 'tech-stack.check-technologies')!;
    expect(check.inputSchema).toMatchObject({
      type: 'object',
      properties: { names: { type: 'array' } },
      required: ['names'],
    });
    expect(check.description).toMatch(/hold/);
    expect(check.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('get-recommended-stack: "relational database" answers PostgreSQL (adopt)', async () => {
    const client = await connect(RESTRICTED);
    const { isError, json } = await call(client, 'get-recommended-stack', {
      need: 'relational database',
    });
    expect(isError).toBe(false);
    expect(json.layers).toHaveLength(1);
    expect(json.layers[0]).toMatchObject({
      section: 'Data Layer',
      group: 'Operational Databases',
      layer: 'Relational',
      recommended: [
        {
          title: 'PostgreSQL',
          ref: 'technology:default/postgresql',
          ring: 'adopt',
        },
      ],
    });
    expect(json.layers[0].alternatives.map((a: any) => a.title)).toEqual(
      expect.arrayContaining(['CockroachDB', 'TiDB']),
    );
  });

  it('get-recommended-stack: a layer by name lists what is on hold with the reason', async () => {
    const client = await connect(RESTRICTED);
    const { json } = await call(client, 'get-recommended-stack', {
      section: 'Core Infrastructure',
      layer: 'kubernetes',
    });
    expect(json.layers).toHaveLength(1);
    expect(json.layers[0].recommended.map((c: any) => c.title)).toEqual(
      expect.arrayContaining(['EKS', 'GKE', 'AKS']),
    );
    expect(json.layers[0].onHold).toEqual([
      {
        title: 'Rancher',
        ref: 'technology:default/rancher',
        ring: 'hold',
        reason: 'Phased out for managed Kubernetes',
      },
    ]);
    const none = await call(client, 'get-recommended-stack', {
      need: 'quantum teleportation',
    });
    expect(none.json.layers).toEqual([]);
    expect(none.json.message).toMatch(/sections are: .*Data Layer/);
  });

  it('check-technologies: any spelling; hold with reason and alternatives; not in the guide with suggestions', async () => {
    const client = await connect(RESTRICTED);
    const { json } = await call(client, 'check-technologies', {
      names: ['postgres', 'apache-kafka', 'Rancher', 'Postgress'],
    });
    const [postgres, kafka, rancher, typo] = json.technologies;
    expect(postgres).toMatchObject({
      name: 'postgres',
      status: 'adopt',
      ref: 'technology:default/postgresql',
      title: 'PostgreSQL',
      alternatives: [],
    });
    expect(kafka).toMatchObject({
      status: 'adopt',
      ref: 'technology:default/apache-kafka',
    });
    expect(rancher).toMatchObject({
      status: 'hold',
      reason: 'Phased out for managed Kubernetes',
      layers: [expect.objectContaining({ layer: 'Kubernetes', ring: 'hold' })],
    });
    expect(rancher.alternatives.map((a: any) => a.title)).toEqual(
      expect.arrayContaining(['EKS', 'GKE', 'AKS']),
    );
    expect(typo.status).toBe('not-in-guide');
    expect(typo.suggestions).toContain('PostgreSQL');
    expect(json.summary).toEqual({
      adopt: 2,
      trial: 0,
      assess: 0,
      hold: 1,
      notInGuide: 1,
    });
  });

  it('who-uses Kafka: the teams and components with the evidence, as the caller may see them', async () => {
    const admin = await call(await connect(ADMIN), 'who-uses', {
      technology: 'Kafka',
    });
    expect(admin.json.technology).toMatchObject({
      ref: 'technology:default/apache-kafka',
      ring: 'adopt',
    });
    const teams = Object.fromEntries(
      admin.json.teams.map((t: any) => [t.ref, t.components]),
    );
    expect(Object.keys(teams).sort()).toEqual([
      'group:default/data',
      'group:default/finance',
      'group:default/payments',
    ]);
    expect(teams['group:default/payments']).toEqual([
      expect.objectContaining({
        ref: 'component:default/orders',
        sources: ['annotation'],
        evidence: expect.arrayContaining(['annotation:Apache Kafka']),
      }),
    ]);
    expect(teams['group:default/data'][0]).toMatchObject({
      ref: 'component:default/pipeline',
      sources: ['tag'],
      evidence: ['tag:kafka'],
    });

    // the hidden component is neither listed nor counted for another user
    const restricted = await call(await connect(RESTRICTED), 'who-uses', {
      technology: 'apache kafka',
    });
    expect(restricted.json.totals).toEqual({ teams: 2, components: 2 });
    expect(JSON.stringify(restricted.json)).not.toContain('ledger');

    const unknown = await call(await connect(RESTRICTED), 'who-uses', {
      technology: 'Kafak',
    });
    expect(unknown.isError).toBe(true);
    expect(unknown.text).toMatch(
      /NotFoundError: 'Kafak' is not a technology of the stack guide; did you mean .*Kafka/,
    );
  });

  it('get-team-stack: rings, hold and off-guide flagged', async () => {
    const client = await connect(RESTRICTED);
    const { json } = await call(client, 'get-team-stack', { team: 'payments' });
    expect(json.team).toEqual({
      ref: 'group:default/payments',
      title: 'Payments',
    });
    expect(json.technologies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: 'PostgreSQL',
          ring: 'adopt',
          onHold: false,
        }),
        expect.objectContaining({
          title: 'Rancher',
          ring: 'hold',
          onHold: true,
          reason: 'Phased out for managed Kubernetes',
          components: 1,
        }),
      ]),
    );
    expect(json.offGuide).toEqual([
      { name: 'FooDB', count: 1, components: ['component:default/orders'] },
    ]);
    expect(json.totals).toMatchObject({
      components: 1,
      onHold: 1,
      offGuide: 1,
    });

    const hidden = await call(client, 'get-team-stack', { team: 'finance' });
    expect(hidden.json.totals.components).toBe(0);
    const missing = await call(client, 'get-team-stack', { team: 'nobody' });
    expect(missing.isError).toBe(true);
    expect(missing.text).toMatch(
      /NotFoundError: No team 'group:default\/nobody'/,
    );
  });

  it('validate-entity: findings of a catalog-info.yaml against the guide', async () => {
    const client = await connect(RESTRICTED);
    const yaml = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: checkout
  annotations:
    techstack.dev/uses: PostgreSQL, Rancher, CockroachDB, Mongo-ish
spec: { type: service, lifecycle: experimental, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: bare }
spec: { type: service, lifecycle: experimental, owner: payments }
`;
    const { json } = await call(client, 'validate-entity', { yaml });
    expect(json.ok).toBe(false);
    const [checkout, bare] = json.entities;
    expect(checkout.entityRef).toBe('component:default/checkout');
    const byKind = Object.fromEntries(
      checkout.findings.map((f: any) => [f.kind, f]),
    );
    expect(byKind.hold).toMatchObject({
      severity: 'error',
      name: 'Rancher',
      reason: 'Phased out for managed Kubernetes',
    });
    expect(byKind.hold.message).toMatch(
      /Rancher is on hold.*recommended instead: /,
    );
    expect(byKind['not-adopt']).toMatchObject({
      severity: 'info',
      name: 'CockroachDB',
      alternatives: [expect.objectContaining({ title: 'PostgreSQL' })],
    });
    expect(byKind['not-in-guide']).toMatchObject({
      severity: 'warning',
      name: 'Mongo-ish',
    });
    expect(bare.findings).toEqual([
      expect.objectContaining({ kind: 'no-annotation', severity: 'warning' }),
    ]);
    expect(json.summary).toEqual({ errors: 1, warnings: 2, infos: 1 });

    const broken = await call(client, 'validate-entity', {
      yaml: 'kind: Component\nmetadata: [unclosed',
    });
    expect(broken.isError).toBe(true);
    expect(broken.text).toMatch(/InputError: yaml is not valid YAML/);
  });
});
