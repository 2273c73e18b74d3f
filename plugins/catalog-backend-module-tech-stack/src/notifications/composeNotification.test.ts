import {
  campaignLine,
  composeNotification,
  MAX_LISTED_ENTITIES,
  MAX_REASON_LENGTH,
  technologyPagePath,
} from './composeNotification';
import { TechnologyTransition } from './detectTransitions';

const rancher: TechnologyTransition = {
  kind: 'hold',
  ref: 'technology:default/rancher',
  name: 'rancher',
  namespace: 'default',
  title: 'Rancher',
  aliases: [],
  previousRing: 'trial',
  ringReason: 'Phased out in favour of managed Kubernetes',
  layers: [
    { section: 'Core Infrastructure', layer: 'Kubernetes', ring: 'hold' },
  ],
  basis: 'uid@created',
};

const alternatives = [
  {
    ref: 'technology:default/eks',
    title: 'EKS',
    layers: ['Core Infrastructure › Kubernetes'],
  },
  {
    ref: 'technology:default/gke',
    title: 'GKE',
    layers: ['Core Infrastructure › Kubernetes'],
  },
];

const compose = (
  overrides: Partial<Parameters<typeof composeNotification>[0]> = {},
) =>
  composeNotification({
    guideId: 'main',
    transition: rancher,
    alternatives,
    ownerRef: 'group:default/payments',
    entities: [
      { ref: 'component:default/billing' },
      { ref: 'resource:ops/cluster', title: 'Cluster' },
    ],
    severity: 'high',
    scope: 'tech-stack:abc',
    ...overrides,
  });

describe('composeNotification', () => {
  it('tells one owner about a technology on hold: reason, alternatives, link, its entities', () => {
    expect(compose()).toEqual({
      recipients: { type: 'entity', entityRef: 'group:default/payments' },
      payload: {
        title: 'Rancher is now on hold',
        description: [
          "Rancher moved from trial to hold in the tech stack guide 'main'.",
          'Reason: Phased out in favour of managed Kubernetes.',
          'Adopt instead: EKS, GKE.',
          'Components of payments using Rancher (2): billing, resource:ops/cluster.',
        ].join('\n'),
        link: '/catalog/default/technology/rancher',
        severity: 'high',
        topic: 'tech-stack',
        scope: 'tech-stack:abc',
        metadata: {
          guide: 'main',
          technology: 'technology:default/rancher',
          transition: 'hold',
          previousRing: 'trial',
          reason: 'Phased out in favour of managed Kubernetes',
          alternatives: ['technology:default/eks', 'technology:default/gke'],
          owner: 'group:default/payments',
          entities: ['component:default/billing', 'resource:ops/cluster'],
          entityCount: 2,
        },
      },
    });
  });

  it('tells about a removal, and says when no technology is at adopt in its layers', () => {
    const { payload } = compose({
      transition: {
        ...rancher,
        kind: 'removed',
        ringReason: undefined,
        layers: [
          ...rancher.layers,
          { section: 'Edge', group: 'Clusters', layer: 'Fleet', ring: 'trial' },
        ],
      },
      alternatives: [],
    });
    expect(payload.title).toBe('Rancher was removed from the tech stack guide');
    expect(payload.description!.split('\n')).toEqual([
      "Rancher was removed from the tech stack guide 'main' (it was at trial).",
      'No technology is at adopt in its layers (Core Infrastructure › Kubernetes; Edge › Clusters › Fleet).',
      'Components of payments using Rancher (2): billing, resource:ops/cluster.',
    ]);
    expect(payload.metadata).toMatchObject({
      transition: 'removed',
      reason: 'removed from the guide',
      alternatives: [],
    });
  });

  it('names the layer of each alternative when the technology had several', () => {
    const { payload } = compose({
      transition: {
        ...rancher,
        layers: [
          ...rancher.layers,
          { section: 'Edge', layer: 'Fleet', ring: 'hold' },
        ],
      },
      alternatives: [
        alternatives[0],
        {
          ref: 'technology:default/k3s',
          title: 'k3s',
          layers: ['Edge › Fleet'],
        },
      ],
    });
    expect(payload.description).toContain(
      'Adopt instead: EKS (Core Infrastructure › Kubernetes), k3s (Edge › Fleet).',
    );
  });

  it("names a campaign's deadline, what to move to and why, for its technology only", () => {
    const campaign = {
      id: 'rancher-out',
      deadline: '2027-05-01',
      daysLeft: 146,
      replaceWith: ['EKS', 'GKE'],
      reason: 'Support ends in May',
    };
    const { payload } = compose({ campaigns: [campaign] });
    expect(payload.description!.split('\n')).toEqual([
      "Rancher moved from trial to hold in the tech stack guide 'main'.",
      'Reason: Phased out in favour of managed Kubernetes.',
      "Migration campaign 'rancher-out': move to EKS, GKE by 2027-05-01 (in 146 days). Why: Support ends in May.",
      'Adopt instead: EKS, GKE.',
      'Components of payments using Rancher (2): billing, resource:ops/cluster.',
    ]);
    expect(payload.metadata).toMatchObject({
      campaigns: [
        {
          id: 'rancher-out',
          deadline: '2027-05-01',
          replaceWith: ['EKS', 'GKE'],
          reason: 'Support ends in May',
        },
      ],
    });

    const removed = compose({
      transition: { ...rancher, kind: 'removed' },
      campaigns: [{ ...campaign, reason: undefined, daysLeft: 1 }],
    }).payload.description!;
    expect(removed).toContain(
      "Migration campaign 'rancher-out': move to EKS, GKE by 2027-05-01 (in 1 day).\n",
    );

    // no campaign: no campaign line, no campaign metadata
    const other = compose({ campaigns: [] }).payload;
    expect(other.description).not.toContain('Migration campaign');
    expect(other.description).not.toContain('2027-05-01');
    expect(other.metadata).not.toHaveProperty('campaigns');
  });

  it('says when the deadline is today or past', () => {
    const base = {
      id: 'rancher',
      deadline: '2026-12-06',
      daysLeft: 0,
      replaceWith: ['EKS'],
    };
    expect(campaignLine(base)).toBe(
      "Migration campaign 'rancher': move to EKS by 2026-12-06 (today).",
    );
    expect(
      campaignLine({ ...base, daysLeft: -3, reason: 'End of life!' }),
    ).toBe(
      "Migration campaign 'rancher': move to EKS by 2026-12-06 (3 days ago). Why: End of life!",
    );
  });

  it('gives a reason when the guide itself moved it, and shortens a long one', () => {
    expect(
      compose({ transition: { ...rancher, ringReason: undefined } }).payload
        .description,
    ).toContain('Reason: the guide now places it at hold.');
    const long = 'x'.repeat(MAX_REASON_LENGTH * 2);
    const { payload } = compose({
      transition: { ...rancher, ringReason: long },
    });
    expect((payload.metadata!.reason as string).length).toBe(MAX_REASON_LENGTH);
  });

  it(`lists at most ${MAX_LISTED_ENTITIES} entities and counts the rest`, () => {
    const entities = Array.from(
      { length: MAX_LISTED_ENTITIES + 7 },
      (_, i) => ({
        ref: `component:default/svc-${String(i).padStart(3, '0')}`,
      }),
    );
    const { payload } = compose({ entities });
    const last = payload.description!.split('\n').pop()!;
    expect(last).toMatch(
      new RegExp(
        `^Components of payments using Rancher \\(${entities.length}\\): svc-000, `,
      ),
    );
    expect(last).toMatch(/svc-049, and 7 more\.$/);
    expect(last).not.toContain('svc-050');
    expect(payload.metadata).toMatchObject({ entityCount: entities.length });
    expect(payload.metadata!.entities).toHaveLength(MAX_LISTED_ENTITIES);
  });
});

describe('technologyPagePath', () => {
  it('is the catalog entity route with the kind in lower case', () => {
    expect(
      technologyPagePath({ namespace: 'default', name: 'apache-kafka' }),
    ).toBe('/catalog/default/technology/apache-kafka');
  });
});
