import { Entity } from '@backstage/catalog-model';
import { UsageSnapshot } from '../adoption/UsageSnapshot';
import { buildCompliance } from '../adoption/buildCompliance';
import { component, group, technology } from '../__testUtils__/fixtures';
import {
  buildCampaign,
  buildCampaigns,
  campaignStatus,
} from './buildCampaigns';
import { CampaignConfig } from '@techstack/plugin-tech-stack-common';

const NOW = new Date('2026-12-06T18:30:00Z');

function snapshot(components: Entity[]) {
  return UsageSnapshot.fromEntities(
    {
      technologies: [
        technology('rancher', 'Rancher', 'hold', { ringReason: 'Phased out' }),
        technology('eks', 'EKS', 'adopt'),
        technology('gke', 'GKE', 'adopt'),
        technology('k3s', 'k3s', 'trial'),
      ],
      components,
      groups: [group('platform'), group('payments'), group('data')],
      resources: [],
    },
    { tags: true, dependencies: true },
  );
}

const campaign: CampaignConfig = {
  id: 'rancher-out',
  technology: 'Rancher',
  replaceWith: ['EKS', 'gke'],
  deadline: '2027-05-01',
  reason: 'On hold',
};

const orgComponents = [
  component('edge', 'platform', { uses: 'k3s, Rancher' }),
  component('ops', 'platform', { tags: ['rancher'] }),
  component('orders', 'payments', { uses: 'Rancher, EKS' }),
  component('billing', 'payments', { uses: 'GKE' }),
  component('pipeline', 'data', { uses: 'k3s' }),
];

describe('campaignStatus', () => {
  it.each([
    [0, -10, 'done'],
    [0, 100, 'done'],
    [1, -1, 'overdue'],
    [1, 0, 'at-risk'],
    [1, 30, 'at-risk'],
    [1, 31, 'on-track'],
  ])('%i remaining, %i days left: %s', (remaining, days, status) => {
    expect(campaignStatus(remaining, days)).toBe(status);
  });
});

describe('buildCampaign', () => {
  it('groups the remaining components per team, most first, with evidence', () => {
    const result = buildCampaign(snapshot(orgComponents), campaign, NOW);
    expect(result).toEqual({
      id: 'rancher-out',
      technology: {
        name: 'Rancher',
        ref: 'technology:default/rancher',
        title: 'Rancher',
      },
      replaceWith: [
        { name: 'EKS', ref: 'technology:default/eks', title: 'EKS' },
        { name: 'gke', ref: 'technology:default/gke', title: 'GKE' },
      ],
      deadline: '2027-05-01',
      daysLeft: 146,
      status: 'on-track',
      reason: 'On hold',
      totals: { remaining: 3, migrated: 1, teams: 2 },
      teams: [
        {
          ref: 'group:default/platform',
          title: 'Team platform',
          remaining: 2,
          components: [
            { ref: 'component:default/edge', evidence: ['annotation:Rancher'] },
            { ref: 'component:default/ops', evidence: ['tag:rancher'] },
          ],
        },
        {
          ref: 'group:default/payments',
          title: 'Team payments',
          remaining: 1,
          components: [
            {
              ref: 'component:default/orders',
              evidence: ['annotation:Rancher'],
            },
          ],
        },
      ],
      // orders uses EKS but still Rancher: remaining, not migrated
      migrated: [
        { ref: 'component:default/billing', owner: 'group:default/payments' },
      ],
    });
  });

  it('is at risk 30 days before, overdue after, done without users', () => {
    const s = snapshot(orgComponents);
    const at = (deadline: string) =>
      buildCampaign(s, { ...campaign, deadline }, NOW).status;
    expect(at('2027-01-05')).toBe('at-risk');
    expect(at('2027-01-06')).toBe('on-track');
    expect(at('2026-12-06')).toBe('at-risk');
    expect(at('2026-12-05')).toBe('overdue');
    const done = buildCampaign(
      snapshot([component('billing', 'payments', { uses: 'GKE' })]),
      { ...campaign, deadline: '2026-01-01' },
      NOW,
    );
    expect(done).toMatchObject({
      status: 'done',
      daysLeft: -339,
      totals: { remaining: 0, migrated: 1, teams: 0 },
      teams: [],
    });
  });

  it('answers unknown-technology with suggestions instead of failing', () => {
    const result = buildCampaign(
      snapshot(orgComponents),
      { ...campaign, technology: 'Ranchr', replaceWith: ['EKS', 'Nomad'] },
      NOW,
    );
    expect(result.status).toBe('unknown-technology');
    expect(result.technology.name).toBe('Ranchr');
    expect(result.technology.ref).toBeUndefined();
    expect(result.technology.suggestions).toContain('Rancher');
    expect(result.replaceWith[1]).toMatchObject({ name: 'Nomad' });
    expect(result.replaceWith[1].ref).toBeUndefined();
    expect(result.totals).toEqual({ remaining: 0, migrated: 1, teams: 0 });
  });

  it('puts components without owner in a team without ref', () => {
    const orphan: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'orphan',
        namespace: 'default',
        title: 'Orphan',
        annotations: { 'techstack.dev/uses': 'Rancher' },
      },
      spec: { type: 'service' },
    };
    const result = buildCampaign(snapshot([orphan]), campaign, NOW);
    expect(result.teams).toEqual([
      {
        remaining: 1,
        components: [
          {
            ref: 'component:default/orphan',
            title: 'Orphan',
            evidence: ['annotation:Rancher'],
          },
        ],
      },
    ]);
  });
});

describe('buildCampaigns', () => {
  it('keeps config order and narrows to one component with entityRef', () => {
    const s = snapshot(orgComponents);
    const k3s: CampaignConfig = {
      id: 'k3s-out',
      technology: 'k3s',
      replaceWith: ['EKS'],
      deadline: '2026-12-20',
    };
    const all = buildCampaigns(s, [campaign, k3s], { now: NOW });
    expect(all.generatedAt).toBe(NOW.toISOString());
    expect(all.campaigns.map(c => [c.id, c.status])).toEqual([
      ['rancher-out', 'on-track'],
      ['k3s-out', 'at-risk'],
    ]);
    const edge = buildCampaigns(s, [campaign, k3s], {
      now: NOW,
      entityRef: 'component:default/edge',
    });
    expect(edge.campaigns.map(c => c.id)).toEqual(['rancher-out', 'k3s-out']);
    expect(edge.campaigns[0].teams).toEqual([
      expect.objectContaining({
        ref: 'group:default/platform',
        remaining: 1,
        components: [
          expect.objectContaining({ ref: 'component:default/edge' }),
        ],
      }),
    ]);
    const billing = buildCampaigns(s, [campaign, k3s], {
      now: NOW,
      entityRef: 'component:default/billing',
    });
    expect(billing.campaigns).toEqual([]);
  });
});

describe('buildCompliance with campaigns', () => {
  it('names the campaigns of a flagged component, and only then', () => {
    const s = snapshot(orgComponents);
    const withCampaigns = buildCompliance(s, {
      now: NOW,
      campaigns: [campaign],
    });
    const orders = withCampaigns.teams
      .find(t => t.ref === 'group:default/payments')
      ?.components.find(c => c.ref === 'component:default/orders');
    expect(orders?.campaigns).toEqual([
      {
        id: 'rancher-out',
        technology: 'Rancher',
        deadline: '2027-05-01',
        daysLeft: 146,
        status: 'on-track',
      },
    ]);
    // the shape without campaigns is unchanged
    const without = buildCompliance(s, { now: NOW });
    const plain = without.teams
      .find(t => t.ref === 'group:default/payments')
      ?.components.find(c => c.ref === 'component:default/orders');
    expect(plain).not.toHaveProperty('campaigns');
    expect(without.totals).toEqual(withCampaigns.totals);
  });
});
