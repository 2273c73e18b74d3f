import { classifyTechnology, isGenericName } from './classify';

describe('classifyTechnology', () => {
  it.each([
    ['Anomaly Detection', 'technique'],
    ['Root Cause Analysis', 'technique'],
    ['Forecasting', 'technique'],
    ['Prompt injection detection', 'technique'],
    ['guardrails', 'technique'],
    ['AWS', 'platform'],
    ['GCP', 'platform'],
    ['Azure', 'platform'],
    ['Cloudflare', 'platform'],
    ['Vercel', 'platform'],
    ['EKS', 'platform'],
    ['Snowflake', 'platform'],
    ['Databricks', 'platform'],
    ['Claude 3.5', 'service'],
    ['GPT-4o', 'service'],
    ['o1', 'service'],
    ['Gemini Ultra', 'service'],
    ['Datadog', 'service'],
    ['New Relic', 'service'],
    ['Okta', 'service'],
    ['Auth0', 'service'],
    ['Pinecone', 'service'],
    ['AWS Secrets Manager', 'service'],
    ['Cloudflare Workers', 'service'],
    ['PostgreSQL', 'tool'],
    ['Kafka Streams', 'tool'],
    ['TensorRT-LLM', 'tool'],
  ])('%s is a %s', (name, type) => {
    expect(classifyTechnology([name])).toBe(type);
  });

  it('uses every known name of a technology', () => {
    expect(classifyTechnology(['Amazon Web Services', 'AWS'])).toBe('platform');
  });
});

describe('isGenericName', () => {
  it.each(['Producers', 'Consumers', 'Storage', 'AI Processing', 'Users'])(
    '%s is generic',
    name => expect(isGenericName(name)).toBe(true),
  );

  it.each(['Kafka', 'Redis Cache', 'Data Lake House X', ''])(
    '%s is not generic',
    name => expect(isGenericName(name)).toBe(false),
  );

  it('takes configured extra words', () => {
    expect(
      isGenericName('Legacy Mainframe', new Set(['legacy mainframe'])),
    ).toBe(true);
  });
});
