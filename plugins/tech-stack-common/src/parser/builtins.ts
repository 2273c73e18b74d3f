import type { Ring, TechnologyType } from '../types';

/**
 * Built-in knowledge of the guide parser, kept as plain data in one place so it
 * can be reviewed and extended without touching the parsing code.
 */

/**
 * Canonical technology name to the other names it goes by. The canonical name
 * drives the slug (`Apache Kafka` → `apache-kafka`) whichever spelling the
 * guide uses first. Matching is case- and punctuation-insensitive.
 */
export const BUILTIN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  AWS: ['Amazon Web Services'],
  GCP: ['Google Cloud', 'Google Cloud Platform'],
  Azure: ['Microsoft Azure'],
  EKS: ['Amazon EKS', 'AWS EKS', 'Elastic Kubernetes Service'],
  GKE: ['Google Kubernetes Engine'],
  AKS: ['Azure Kubernetes Service'],
  Kubernetes: ['K8s'],
  PostgreSQL: ['Postgres', 'Postgre SQL'],
  MongoDB: ['Mongo'],
  'Apache Kafka': ['Kafka'],
  'Apache Flink': ['Flink'],
  'Apache Spark': ['Spark'],
  'Apache Iceberg': ['Iceberg'],
  'Apache Hudi': ['Hudi'],
  'Apache Pulsar': ['Pulsar'],
  'Apache Airflow': ['Airflow'],
  'Apache Cassandra': ['Cassandra'],
  ELK: ['ELK Stack', 'Elastic Stack'],
  'HashiCorp Vault': ['Vault'],
  'HashiCorp Consul': ['Consul'],
  'Weights & Biases': ['W&B', 'WandB'],
  'AWS Lambda': ['Lambda', 'Amazon Lambda'],
  'AWS CloudFront': ['CloudFront', 'Amazon CloudFront'],
  'AWS API Gateway': ['Amazon API Gateway'],
  'AWS Secrets Manager': ['Amazon Secrets Manager'],
  'Amazon S3': ['S3', 'AWS S3'],
  'NVIDIA Jetson': ['Jetson'],
  'Hugging Face': ['HuggingFace'],
  'Node.js': ['Node', 'NodeJS'],
  Go: ['Golang'],
  'GitHub Actions': ['GH Actions'],
  OpenTelemetry: ['OTel'],
};

/**
 * Names that contain a separator character (`/`, `&`, `+`, `,`) and must never
 * be split. Alias-table names containing separators are protected as well.
 */
export const PROTECTED_NAMES: readonly string[] = [
  'Weights & Biases',
  'W&B',
  'CI/CD',
  'A/B Testing',
  'TCP/IP',
  'PL/SQL',
  'I/O',
  'AT&T',
  'R&D',
];

/**
 * Diagram nodes (and list items) made only of these words are generic boxes,
 * not technologies: `Producers`, `Consumers`, `Storage`, `AI Processing`.
 */
export const GENERIC_WORDS: readonly string[] = [
  'ai',
  'api',
  'apis',
  'app',
  'apps',
  'application',
  'applications',
  'backend',
  'browser',
  'cache',
  'client',
  'clients',
  'consumer',
  'consumers',
  'dashboard',
  'dashboards',
  'data',
  'database',
  'databases',
  'db',
  'end',
  'events',
  'frontend',
  'input',
  'internet',
  'mobile',
  'output',
  'processing',
  'processor',
  'producer',
  'producers',
  'queue',
  'service',
  'services',
  'sink',
  'sinks',
  'source',
  'sources',
  'start',
  'storage',
  'store',
  'user',
  'users',
  'web',
];

/**
 * After `+`, a part whose last word is one of these is a feature of the tool
 * before it (`Kafka + Compact Topics`), not a product of its own.
 */
export const FEATURE_WORDS: readonly string[] = [
  'topic',
  'topics',
  'table',
  'tables',
  'index',
  'indexes',
  'indices',
  'partition',
  'partitions',
  'queue',
  'queues',
  'mode',
  'modes',
  'plugin',
  'plugins',
  'extension',
  'extensions',
  'feature',
  'features',
  'policy',
  'policies',
  'schema',
  'schemas',
  'rules',
  'hooks',
  'triggers',
  'views',
  'snapshots',
  'compaction',
  'replication',
  'sharding',
];

/** Cell contents that mean "nothing here". */
export const EMPTY_MARKERS: readonly string[] = [
  '',
  '-',
  '--',
  '—',
  '–',
  'n/a',
  'na',
  'none',
  'tbd',
  'tba',
  '?',
  '...',
  '…',
];

/** Words (headings, column headers) naming a ring. */
export const RING_WORDS: Readonly<Record<string, Ring>> = {
  adopt: 'adopt',
  adopted: 'adopt',
  recommended: 'adopt',
  primary: 'adopt',
  preferred: 'adopt',
  default: 'adopt',
  standard: 'adopt',
  trial: 'trial',
  alternative: 'trial',
  alternatives: 'trial',
  secondary: 'trial',
  assess: 'assess',
  emerging: 'assess',
  experimental: 'assess',
  evaluate: 'assess',
  hold: 'hold',
  deprecated: 'hold',
  avoid: 'hold',
  legacy: 'hold',
  retired: 'hold',
};

/** Column headers that carry text about the row, not technologies. */
export const DESCRIPTION_COLUMNS: readonly string[] = [
  'best for',
  'notes',
  'note',
  'description',
  'details',
  'why',
  'rationale',
  'reason',
  'comment',
  'comments',
  'remarks',
  'summary',
  'use case',
  'use cases',
  'when to use',
  'purpose',
];

/** Column headers to skip entirely. */
export const IGNORED_COLUMNS: readonly string[] = [
  'version',
  'versions',
  'license',
  'licence',
  'link',
  'links',
  'url',
  'website',
  'docs',
  'documentation',
  'owner',
  'owners',
  'team',
  'cost',
  'pricing',
];

/** Column headers whose cells hold a ring name per row (`| Technology | Ring |`). */
export const RING_VALUE_COLUMNS: readonly string[] = ['ring', 'status'];

/** Cloud providers and large hosted platforms. */
export const PLATFORM_NAMES: readonly string[] = [
  'AWS',
  'Amazon Web Services',
  'GCP',
  'Google Cloud',
  'Azure',
  'Microsoft Azure',
  'Cloudflare',
  'Vercel',
  'Netlify',
  'Heroku',
  'Fly.io',
  'DigitalOcean',
  'Fastly',
  'Akamai',
  'EKS',
  'Amazon EKS',
  'GKE',
  'Google Kubernetes Engine',
  'AKS',
  'Azure Kubernetes Service',
  'OpenShift',
  'Snowflake',
  'Databricks',
];

/** Hosted SaaS products and APIs. */
export const SERVICE_NAMES: readonly string[] = [
  'Datadog',
  'New Relic',
  'Okta',
  'Auth0',
  'Pinecone',
  'Snyk',
  'Sentry',
  'PagerDuty',
  'Weights & Biases',
  'Arize',
  'Whylabs',
  'Checkmarx',
  'Sysdig',
  'o1',
  'o3',
  'Lambda@Edge',
];

/**
 * A name starting with one of these words is a hosted service: model APIs
 * (`Claude 3.5`, `GPT-4o`) and products of a cloud platform (`AWS Secrets
 * Manager`, `Cloudflare Workers`) — the bare platform name stays a platform.
 */
export const SERVICE_PREFIXES: readonly string[] = [
  'claude',
  'gpt',
  'gemini',
  'aws',
  'amazon',
  'azure',
  'google',
  'gcp',
  'cloudflare',
  'vercel',
];

/** The last word of a practice (not a product): `Anomaly Detection`, `guardrails`. */
export const TECHNIQUE_WORDS: readonly string[] = [
  'detection',
  'analysis',
  'forecasting',
  'guardrail',
  'guardrails',
  'testing',
  'review',
  'reviews',
  'engineering',
  'modeling',
  'modelling',
  'scanning',
  'programming',
  'development',
  'design',
  'sourcing',
  'prompting',
  'evaluation',
  'evals',
  'retrieval',
  'deployment',
  'deployments',
  'mapping',
];

/** Default types for names the heuristics would get wrong. */
export const TYPE_OVERRIDES: Readonly<Record<string, TechnologyType>> = {
  'Event Sourcing': 'technique',
  GitOps: 'technique',
  FinOps: 'technique',
};
