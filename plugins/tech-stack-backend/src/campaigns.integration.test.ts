import catalogPlugin from '@backstage/plugin-catalog-backend';
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
import { techStackPlugin } from './plugin';
import { waitFor } from '@internal/tech-stack-test-utils';

jest.setTimeout(90_000);

const SEED_GUIDE = path.resolve(
  __dirname,
  '../../../examples/technology-stack-guide.md',
);

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments, title: Payments }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: platform, title: Platform }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: orders
  title: "=Orders, the service"
  annotations: { techstack.dev/uses: "Redis, Rancher" }
spec: { type: service, lifecycle: production, owner: payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: edge-clusters
  annotations: { techstack.dev/uses: "k3s, Rancher" }
spec: { type: service, lifecycle: production, owner: platform }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: clusters
  annotations: { techstack.dev/uses: EKS }
spec: { type: service, lifecycle: production, owner: platform }
`;

const DAY_MS = 24 * 60 * 60 * 1000;
/** 100 days from today (UTC): on track whatever day the test runs. */
const DEADLINE = new Date(Date.now() + 100 * DAY_MS).toISOString().slice(0, 10);

describe('campaign endpoints (real catalog)', () => {
  const dir = createMockDirectory();
  let backend: TestBackend;

  const call = async (
    pathname: string,
    header = mockCredentials.user.header(),
  ) => {
    const response = await fetch(
      `http://localhost:${backend.server.port()}${pathname}`,
      { headers: { Authorization: header } },
    );
    return { response, text: await response.text() };
  };
  const api = async (pathname: string) => {
    const { response, text } = await call(pathname);
    return {
      status: response.status,
      body: text ? JSON.parse(text) : undefined,
    };
  };

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
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Component', 'Group', 'Location'] }],
              locations: [{ type: 'file', target: dir.resolve('org.yaml') }],
            },
            techStack: {
              radar: { cacheTtlSeconds: 0 },
              guides: [{ id: 'main', target: dir.resolve('guide.md') }],
              overrides: [
                { technology: 'Rancher', ring: 'hold', reason: 'Phased out' },
              ],
              campaigns: [
                {
                  id: 'rancher-to-managed-kubernetes',
                  technology: 'Rancher',
                  replaceWith: ['EKS', 'GKE', 'AKS'],
                  deadline: DEADLINE,
                  reason: 'Rancher is on hold',
                },
                {
                  technology: 'Ranchr',
                  replaceWith: ['EKS'],
                  deadline: DEADLINE,
                },
              ],
            },
          },
        }),
      ],
    });
    await waitFor('the catalog to stitch', async () => {
      const { body } = await api(
        '/api/catalog/entities/by-query?filter=kind=component&limit=100',
      );
      const items: any[] = body?.items ?? [];
      const ready =
        items.length === 3 &&
        items.every(
          e =>
            e.relations?.some((r: any) => r.type === 'ownedBy') &&
            e.relations?.some((r: any) => r.type === 'usesTechnology'),
        );
      const technologies = await api(
        '/api/catalog/entities/by-query?filter=kind=technology,metadata.name=rancher',
      );
      const groups = await api(
        '/api/catalog/entities/by-query?filter=kind=group',
      );
      return ready &&
        groups.body?.items?.length === 2 &&
        technologies.body?.items?.[0]?.spec?.ring === 'hold'
        ? true
        : undefined;
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  it('lists the campaigns with totals and the remaining components per team', async () => {
    const { status, body } = await api('/api/tech-stack/campaigns');
    expect(status).toBe(200);
    expect(body.campaigns).toHaveLength(2);
    const [rancher, unknown] = body.campaigns;
    expect(rancher).toMatchObject({
      id: 'rancher-to-managed-kubernetes',
      technology: { name: 'Rancher', ref: 'technology:default/rancher' },
      deadline: DEADLINE,
      daysLeft: 100,
      status: 'on-track',
      reason: 'Rancher is on hold',
      totals: { remaining: 2, migrated: 1, teams: 2 },
      migrated: [{ ref: 'component:default/clusters' }],
    });
    expect(rancher.replaceWith.map((r: any) => r.ref)).toEqual([
      'technology:default/eks',
      'technology:default/gke',
      'technology:default/aks',
    ]);
    expect(
      rancher.teams.map((t: any) => [
        t.ref,
        t.title,
        t.remaining,
        t.components.map((c: any) => c.ref),
      ]),
    ).toEqual([
      ['group:default/payments', 'Payments', 1, ['component:default/orders']],
      [
        'group:default/platform',
        'Platform',
        1,
        ['component:default/edge-clusters'],
      ],
    ]);
    expect(unknown).toMatchObject({
      id: 'ranchr',
      status: 'unknown-technology',
      technology: { name: 'Ranchr' },
      totals: { remaining: 0 },
    });
    expect(unknown.technology.suggestions).toContain('Rancher');
  });

  it('narrows to the campaigns of one component', async () => {
    const edge = await api(
      '/api/tech-stack/campaigns?entityRef=component:default/edge-clusters',
    );
    expect(edge.body.campaigns.map((c: any) => c.id)).toEqual([
      'rancher-to-managed-kubernetes',
    ]);
    const clusters = await api(
      '/api/tech-stack/campaigns?entityRef=component:default/clusters',
    );
    expect(clusters.body.campaigns).toEqual([]);
  });

  it('exports the remaining components as CSV, safe for spreadsheets', async () => {
    const { response, text } = await call(
      '/api/tech-stack/campaigns/rancher-to-managed-kubernetes/export.csv',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'text/csv; charset=utf-8',
    );
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="tech-stack-campaign-rancher-to-managed-kubernetes.csv"',
    );
    expect(text).toBe(
      [
        'campaign,team,component_ref,component_title,evidence',
        `rancher-to-managed-kubernetes,group:default/payments,component:default/orders,"'=Orders, the service",annotation:Rancher`,
        'rancher-to-managed-kubernetes,group:default/platform,component:default/edge-clusters,,annotation:Rancher',
        '',
      ].join('\r\n'),
    );
  });

  it('names the campaigns on the compliance answer', async () => {
    const { body } = await api('/api/tech-stack/compliance?team=payments');
    expect(body.teams[0].components).toEqual([
      expect.objectContaining({
        ref: 'component:default/orders',
        findings: [expect.objectContaining({ kind: 'hold', name: 'Rancher' })],
        campaigns: [
          {
            id: 'rancher-to-managed-kubernetes',
            technology: 'Rancher',
            deadline: DEADLINE,
            daysLeft: 100,
            status: 'on-track',
          },
        ],
      }),
    ]);
  });

  it.each([
    ['/api/tech-stack/campaigns/nothing-here/export.csv', 404],
    ['/api/tech-stack/campaigns/Bad%20Id/export.csv', 400],
  ])('answers %s with %i', async (url, status) => {
    expect((await api(url)).status).toBe(status);
  });

  it.each([
    '/api/tech-stack/campaigns',
    '/api/tech-stack/campaigns/rancher-to-managed-kubernetes/export.csv',
  ])('refuses anonymous calls to %s', async url => {
    const { response } = await call(url, mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('fails the start on a bad campaign, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          catalogPlugin,
          techStackPlugin,
          mockServices.rootConfig.factory({
            data: {
              techStack: {
                campaigns: [
                  {
                    technology: 'Rancher',
                    replaceWith: ['EKS'],
                    deadline: '2027-13-01',
                  },
                ],
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/techStack\.campaigns\[0\]\.deadline/);
  });
});
