import { TechnologyInfo } from '../adoption/types';
import { GuideLayers } from './GuideLayers';

function technology(
  name: string,
  layers: TechnologyInfo['layers'],
  extra: Partial<TechnologyInfo> = {},
): TechnologyInfo {
  return {
    ref: `technology:default/${name}`,
    name,
    title: extra.title ?? name,
    ring: layers.map(l => l.ring).sort()[0] ?? 'trial',
    sections: [...new Set(layers.map(l => l.section))],
    layers,
    aliases: [],
    ...extra,
  };
}

const DATA = 'Data Layer';
const OPERATIONAL = 'Operational Databases';
const VECTOR = 'Vector Databases (AI-Native)';

const technologies = [
  technology(
    'postgresql',
    [
      {
        section: DATA,
        group: OPERATIONAL,
        layer: 'Relational',
        ring: 'adopt',
        line: 23,
      },
    ],
    { title: 'PostgreSQL' },
  ),
  technology(
    'cockroachdb',
    [
      {
        section: DATA,
        group: OPERATIONAL,
        layer: 'Relational',
        ring: 'trial',
        line: 23,
      },
    ],
    { title: 'CockroachDB' },
  ),
  technology(
    'redis',
    [
      {
        section: DATA,
        group: OPERATIONAL,
        layer: 'Key-Value',
        ring: 'adopt',
        line: 25,
      },
    ],
    { title: 'Redis' },
  ),
  technology(
    'pinecone',
    [
      {
        section: DATA,
        group: VECTOR,
        layer: 'Embeddings',
        ring: 'adopt',
        line: 38,
      },
    ],
    { title: 'Pinecone' },
  ),
  technology(
    'neo4j',
    [
      {
        section: DATA,
        group: VECTOR,
        layer: 'Graph + Vector',
        ring: 'adopt',
        line: 40,
      },
    ],
    { title: 'Neo4j' },
  ),
  technology(
    'apache-kafka',
    [
      {
        section: DATA,
        group: 'Analytical Databases',
        layer: 'Real-time',
        ring: 'adopt',
        line: 33,
      },
      {
        section: 'Event-Driven Architecture',
        layer: 'Message Broker',
        ring: 'trial',
        line: 140,
      },
    ],
    { title: 'Apache Kafka', aliases: ['Kafka'] },
  ),
  technology(
    'rancher',
    [
      {
        section: 'Core Infrastructure',
        layer: 'Kubernetes',
        ring: 'hold',
        line: 12,
      },
    ],
    { title: 'Rancher', ringReason: 'Phased out' },
  ),
  technology(
    'eks',
    [
      {
        section: 'Core Infrastructure',
        layer: 'Kubernetes',
        ring: 'adopt',
        line: 12,
      },
    ],
    { title: 'EKS' },
  ),
];

const layerNames = (layers: Array<{ layer: string }>) =>
  layers.map(l => l.layer);

describe('GuideLayers', () => {
  const guide = new GuideLayers(technologies);

  it('rebuilds the layers in guide order, best ring first within a layer', () => {
    expect(layerNames(guide.all())).toEqual([
      'Kubernetes',
      'Relational',
      'Key-Value',
      'Real-time',
      'Embeddings',
      'Graph + Vector',
      'Message Broker',
    ]);
    const kubernetes = guide.all()[0];
    expect(kubernetes.choices.map(c => [c.technology.title, c.ring])).toEqual([
      ['EKS', 'adopt'],
      ['Rancher', 'hold'],
    ]);
    expect(guide.sections()).toEqual([
      'Core Infrastructure',
      DATA,
      'Event-Driven Architecture',
    ]);
  });

  it('finds the layers a free-text need names best', () => {
    expect(layerNames(guide.find({ need: 'relational database' }))).toEqual([
      'Relational',
    ]);
    expect(layerNames(guide.find({ need: 'a vector DB' }))).toEqual([
      'Graph + Vector',
      'Embeddings',
    ]);
    expect(layerNames(guide.find({ need: 'kafka' }))).toEqual([
      'Real-time',
      'Message Broker',
    ]);
    expect(guide.find({ need: 'quantum teleportation' })).toEqual([]);
  });

  it('finds layers by section, group and layer name in any spelling', () => {
    expect(
      layerNames(guide.find({ section: 'data-layer', layer: 'key value' })),
    ).toEqual(['Key-Value']);
    expect(
      layerNames(guide.find({ section: 'operational databases' })),
    ).toEqual(['Relational', 'Key-Value']);
    expect(guide.find({ section: 'Nowhere' })).toEqual([]);
    expect(guide.find({ layer: 'x'.repeat(10_000) })).toEqual([]);
  });

  it('lists the places of a technology', () => {
    expect(
      layerNames(guide.placesOf('technology:default/apache-kafka')),
    ).toEqual(['Real-time', 'Message Broker']);
    expect(guide.placesOf('technology:default/none')).toEqual([]);
  });
});
