import catalogPlugin from '@backstage/plugin-catalog-backend';
import permissionPlugin from '@backstage/plugin-permission-backend';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
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
const HIDDEN = 'component:default/ledger';

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
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
  annotations: { techstack.dev/uses: Redis }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger
  annotations: { techstack.dev/uses: "Redis, Rancher" }
spec: { type: service, lifecycle: production, owner: finance }
`;

/**
 * The real catalog, the real permission backend with a policy that hides the
 * component `ledger` from everyone but `admin`, the tech-stack catalog module
 * and this plugin (with its per-caller caches on): no endpoint shows the
 * hidden component, or counts it, to a caller who may not read it.
 */
describe('tech-stack endpoints under a catalog permission policy', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;

  const api = async (pathname: string, user: string) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: mockCredentials.user.header(user) } },
    );
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: text ? JSON.parse(text) : undefined,
    };
  };

  /** The status, with the error message when there is one (for failure output). */
  const outcome = (answer: { status: number; body: any }) =>
    answer.body?.error
      ? { status: answer.status, error: answer.body.error.message }
      : { status: answer.status };

  const entry = (radar: any, name: string) =>
    radar.entries.find((e: any) => e.name === name);

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
        oboActorMockHttpAuthFactory,
        hideComponentPolicyModule({ hidden: 'ledger', admin: ADMIN }),
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              // every answer compares the usage index with the catalog first
              adoption: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
              campaigns: [
                {
                  technology: 'Rancher',
                  replaceWith: ['EKS'],
                  deadline: '2099-01-01',
                },
              ],
            },
          },
        }),
      ],
    });
    // stitched as the admin sees it: both usages of both components
    await waitFor('the catalog to stitch', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=redis',
        ADMIN,
      );
      const redis = body?.items?.[0];
      const users = (redis?.relations ?? []).filter(
        (r: any) => r.type === 'technologyUsedBy',
      ).length;
      const rancher = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
        ADMIN,
      );
      // The technology is stitched apart from its users: wait for them too.
      for (const name of ['orders', 'ledger']) {
        const component = await api(
          `/api/catalog/entities/by-name/component/default/${name}`,
          ADMIN,
        );
        if (component.status !== 200) return undefined;
      }
      return users === 2 &&
        rancher.body?.items?.[0]?.spec?.ring === 'hold' &&
        rancher.body.items[0].relations?.some(
          (r: any) => r.type === 'technologyUsedBy',
        )
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('the policy applies in the catalog itself', async () => {
    const admin = await api(
      `/api/catalog/entities/by-name/component/default/ledger`,
      ADMIN,
    );
    expect(outcome(admin)).toEqual({ status: 200 });
    const restricted = await api(
      `/api/catalog/entities/by-name/component/default/ledger`,
      RESTRICTED,
    );
    expect(restricted.status).toBe(404);
  });

  it('radar: usage, component and team counts leave the hidden component out', async () => {
    // the admin's radar first, so a cache shared across callers would leak it
    const admin = await api('/api/tech-stack/radar', ADMIN);
    expect(outcome(admin)).toEqual({ status: 200 });
    expect(entry(admin.body, 'redis')).toMatchObject({
      usageCount: 2,
      componentCount: 2,
      teamCount: 2,
    });
    expect(entry(admin.body, 'rancher')).toMatchObject({
      usageCount: 1,
      componentCount: 1,
      teamCount: 1,
    });

    const restricted = await api('/api/tech-stack/radar', RESTRICTED);
    expect(outcome(restricted)).toEqual({ status: 200 });
    expect(entry(restricted.body, 'redis')).toMatchObject({
      usageCount: 1,
      componentCount: 1,
      teamCount: 1,
    });
    expect(entry(restricted.body, 'rancher')).toMatchObject({
      usageCount: 0,
      componentCount: 0,
      teamCount: 0,
    });
    // the technologies themselves stay visible
    expect(restricted.body.entries).toHaveLength(admin.body.entries.length);
  });

  it('adoption: neither the component nor its usages', async () => {
    const admin = await api(
      '/api/tech-stack/adoption?include=components',
      ADMIN,
    );
    expect(outcome(admin)).toEqual({ status: 200 });
    expect(admin.text).toContain(HIDDEN);
    expect(admin.body.totals).toMatchObject({ components: 2, usages: 3 });

    const restricted = await api(
      '/api/tech-stack/adoption?include=components',
      RESTRICTED,
    );
    expect(outcome(restricted)).toEqual({ status: 200 });
    expect(restricted.text).not.toContain('ledger');
    expect(restricted.body.totals).toMatchObject({
      teams: 1,
      components: 1,
      usages: 1,
    });
    expect(restricted.body.teams.map((t: any) => t.ref)).toEqual([
      'group:default/payments',
    ]);
    expect(
      restricted.body.technologies.find((t: any) => t.name === 'redis'),
    ).toMatchObject({ componentCount: 1, teamCount: 1 });
  });

  it('compliance: the hidden component is not reported', async () => {
    const admin = await api('/api/tech-stack/compliance', ADMIN);
    expect(admin.body.teams).toEqual([
      expect.objectContaining({
        ref: 'group:default/finance',
        hold: 1,
        components: [expect.objectContaining({ ref: HIDDEN })],
      }),
    ]);

    const restricted = await api('/api/tech-stack/compliance', RESTRICTED);
    expect(outcome(restricted)).toEqual({ status: 200 });
    expect(restricted.body.teams).toEqual([]);
    expect(restricted.body.totals).toMatchObject({ components: 0, hold: 0 });
    expect(restricted.text).not.toContain('ledger');
  });

  it('campaigns: the hidden component neither remains nor is exported', async () => {
    const admin = await api('/api/tech-stack/campaigns', ADMIN);
    expect(admin.body.campaigns[0]).toMatchObject({
      id: 'rancher',
      status: 'on-track',
      totals: { remaining: 1, teams: 1 },
    });
    const restricted = await api('/api/tech-stack/campaigns', RESTRICTED);
    expect(restricted.body.campaigns[0]).toMatchObject({
      id: 'rancher',
      status: 'done',
      totals: { remaining: 0, teams: 0 },
      teams: [],
    });
    expect(restricted.text).not.toContain('ledger');
    const csv = await fetch(
      `http://localhost:${backend.server.port()}/api/tech-stack/campaigns/rancher/export.csv`,
      { headers: { Authorization: mockCredentials.user.header(RESTRICTED) } },
    );
    expect(csv.status).toBe(200);
    expect(await csv.text()).toBe(
      'campaign,team,component_ref,component_title,evidence\r\n',
    );
  });

  it('stack: the hidden component is not found, and not in its team', async () => {
    const admin = await api(`/api/tech-stack/stack?entityRef=${HIDDEN}`, ADMIN);
    expect(outcome(admin)).toEqual({ status: 200 });
    expect(admin.body.components.map((c: any) => c.ref)).toEqual([HIDDEN]);

    const restricted = await api(
      `/api/tech-stack/stack?entityRef=${HIDDEN}`,
      RESTRICTED,
    );
    expect(restricted.status).toBe(404);
    expect(restricted.body.error.name).toBe('NotFoundError');

    const team = await api(
      '/api/tech-stack/stack?entityRef=group:default/finance',
      RESTRICTED,
    );
    expect(outcome(team)).toEqual({ status: 200 });
    expect(team.body.components).toEqual([]);
    expect(team.body.technologies).toEqual([]);
    expect(team.text).not.toContain('ledger');
  });

  it('never shows the guide path on the backend disk', async () => {
    const { text } = await api('/api/tech-stack/radar', RESTRICTED);
    expect(text).toContain('"sourceLocation":"guide.md#L');
    expect(text).not.toContain(dir.path);
  });
});
