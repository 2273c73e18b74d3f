import { Ring, TechnologyEntity } from '@techstack/plugin-tech-stack-common';
import { adoptAlternativesIndex, MAX_ALTERNATIVES } from './adoptAlternatives';

type Layer = TechnologyEntity['spec']['layers'][number];

const kubernetes = (ring: Ring): Layer => ({
  section: 'Core Infrastructure',
  layer: 'Kubernetes',
  ring,
});
const cache = (ring: Ring): Layer => ({
  section: 'Data Layer',
  group: 'Operational Databases',
  layer: 'Key-Value',
  ring,
});

function technology(
  name: string,
  layers: Layer[],
  title?: string,
): TechnologyEntity {
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: { name, ...(title ? { title } : {}) },
    spec: {
      ring: layers[0].ring,
      layers,
      type: 'tool',
      owner: 'group:default/platform-team',
    },
  };
}

describe('adoptAlternativesIndex', () => {
  const entities = [
    technology('eks', [kubernetes('adopt')], 'EKS'),
    technology('rancher', [kubernetes('hold')], 'Rancher'),
    technology('k3s', [kubernetes('trial')]),
    technology('redis', [cache('adopt')], 'Redis'),
    technology('gke', [kubernetes('adopt'), cache('adopt')], 'GKE'),
  ];
  const alternativesOf = adoptAlternativesIndex(entities);

  it('names the technologies at adopt in the same layers, in guide order, not itself', () => {
    expect(
      alternativesOf('technology:default/rancher', [kubernetes('hold')]),
    ).toEqual([
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
    ]);
    expect(
      alternativesOf('technology:default/gke', [
        kubernetes('hold'),
        cache('hold'),
      ]).map(a => [a.title, a.layers]),
    ).toEqual([
      ['EKS', ['Core Infrastructure › Kubernetes']],
      ['Redis', ['Data Layer › Operational Databases › Key-Value']],
    ]);
  });

  it('matches layer names by the layer name rule', () => {
    expect(
      alternativesOf('technology:default/x', [
        {
          section: 'core infrastructure',
          layer: 'KUBERNETES',
          ring: 'hold',
        },
      ]).map(a => a.title),
    ).toEqual(['EKS', 'GKE']);
    // another group is another layer
    expect(
      alternativesOf('technology:default/x', [
        { ...cache('hold'), group: 'Analytical Databases' },
      ]),
    ).toEqual([]);
  });

  it('answers nothing for a layer without adopt, and at most the limit', () => {
    expect(
      alternativesOf('technology:default/x', [
        { section: 'Nowhere', layer: 'Empty', ring: 'hold' },
      ]),
    ).toEqual([]);
    const many = Array.from({ length: MAX_ALTERNATIVES + 5 }, (_, i) =>
      technology(`tool-${i}`, [kubernetes('adopt')]),
    );
    expect(
      adoptAlternativesIndex(many)('technology:default/x', [
        kubernetes('hold'),
      ]),
    ).toHaveLength(MAX_ALTERNATIVES);
  });
});
