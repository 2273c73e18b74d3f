import type {
  Ring,
  TechnologyEntity,
} from '@techstack/plugin-tech-stack-common';

type Placement = [section: string, layer: string, ring: Ring, group?: string];

let line = 0;

/** A Technology entity as the catalog module would emit it. */
export function technology(
  name: string,
  title: string,
  placements: Placement[],
  extra: { aliases?: string[]; ringReason?: string } = {},
): TechnologyEntity {
  line += 1;
  const rings = placements.map(p => p[2]);
  const order: Ring[] = ['adopt', 'trial', 'assess', 'hold'];
  const best = order.find(r => rings.includes(r)) ?? 'trial';
  return {
    apiVersion: 'techstack.dev/v1alpha1',
    kind: 'Technology',
    metadata: {
      name,
      title,
      namespace: 'default',
      annotations: {
        'techstack.dev/source-location': `file:guide.md#L${line}`,
      },
    },
    spec: {
      ring: best,
      layers: placements.map(([section, layer, ring, group]) => ({
        section,
        ...(group ? { group } : {}),
        layer,
        ring,
      })),
      ...(extra.aliases ? { aliases: extra.aliases } : {}),
      type: 'tool',
      owner: 'group:default/platform-team',
      ...(extra.ringReason ? { ringReason: extra.ringReason } : {}),
    },
  };
}

const DATA = 'Data Layer';
const OPS = 'Operational Databases';
const OBS = 'Observability';
const EDA = 'Event-Driven Architecture';
const AI = 'AI/ML Infrastructure';
const LLM = 'LLM Layer';

/** The technologies the tests resolve against: a slice of the example guide, with overrides. */
export function technologyEntities(): TechnologyEntity[] {
  line = 0;
  return [
    technology('eks', 'EKS', [['Core Infrastructure', 'Kubernetes', 'adopt']]),
    technology(
      'rancher',
      'Rancher',
      [['Core Infrastructure', 'Kubernetes', 'hold']],
      {
        ringReason:
          'New clusters run on the managed Kubernetes services; Rancher is being phased out.',
      },
    ),
    technology(
      'postgresql',
      'PostgreSQL',
      [[DATA, 'Relational', 'adopt', OPS]],
      {
        aliases: ['Postgres'],
      },
    ),
    technology('cockroachdb', 'CockroachDB', [
      [DATA, 'Relational', 'trial', OPS],
    ]),
    technology('tidb', 'TiDB', [[DATA, 'Relational', 'hold', OPS]], {
      ringReason: 'No operational experience; use PostgreSQL.',
    }),
    technology('mongodb', 'MongoDB', [[DATA, 'Document', 'adopt', OPS]], {
      aliases: ['Mongo'],
    }),
    technology('redis', 'Redis', [[DATA, 'Key-Value', 'adopt', OPS]]),
    technology('dragonflydb', 'DragonflyDB', [
      [DATA, 'Key-Value', 'trial', OPS],
    ]),
    technology('valkey', 'Valkey', [[DATA, 'Key-Value', 'trial', OPS]]),
    technology(
      'apache-kafka',
      'Apache Kafka',
      [
        [DATA, 'Real-time', 'adopt', 'Analytical Databases'],
        [EDA, 'Message Broker', 'trial'],
      ],
      { aliases: ['Kafka'] },
    ),
    technology('redpanda', 'Redpanda', [
      [DATA, 'Real-time', 'trial', 'Analytical Databases'],
      [EDA, 'Message Broker', 'trial'],
    ]),
    technology('elasticsearch', 'Elasticsearch', [
      [DATA, 'Hybrid Search', 'adopt', 'Vector Databases'],
    ]),
    technology('triton', 'Triton', [
      ['AI/ML Infrastructure', 'Serving', 'trial', 'MLOps'],
    ]),
    technology('kserve', 'KServe', [['Platform', 'Serving', 'assess']]),
    technology('prometheus', 'Prometheus', [[OBS, 'Metrics', 'trial']]),
    technology('loki', 'Loki', [[OBS, 'Logs', 'trial']]),
    technology('jaeger', 'Jaeger', [[OBS, 'Traces', 'trial']]),
    technology('tempo', 'Tempo', [[OBS, 'Traces', 'trial']]),
    technology('grafana', 'Grafana', [[OBS, 'Analysis', 'trial']]),
    technology('datadog', 'Datadog', [[OBS, 'Analysis', 'assess']]),
    technology('pinecone', 'Pinecone', [
      [DATA, 'Embeddings', 'adopt', 'Vector Databases'],
    ]),
    technology('qdrant', 'Qdrant', [
      [DATA, 'Embeddings', 'trial', 'Vector Databases'],
    ]),
    technology('claude-3-5', 'Claude 3.5', [[AI, 'Cloud APIs', 'trial', LLM]]),
    technology('gpt-4o', 'GPT-4o', [[AI, 'Cloud APIs', 'trial', LLM]]),
    technology('vllm', 'vLLM', [[AI, 'Inference', 'trial', LLM]]),
    technology('ollama', 'Ollama', [[AI, 'Inference', 'trial', LLM]]),
    technology('langchain', 'LangChain', [
      [AI, 'Agent Frameworks', 'trial', 'Orchestration'],
    ]),
  ];
}
