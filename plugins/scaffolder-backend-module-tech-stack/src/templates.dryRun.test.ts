import { createMockDirectory } from '@backstage/backend-test-utils';
import { entitySchemaValidator } from '@backstage/catalog-model';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  collectorProblems,
  composeProblems,
  manifestProblems,
} from './__testUtils__/generatedFileSchemas';
import { startTemplateBackend } from './__testUtils__/templateDryRun';

jest.setTimeout(60_000);

/** The catalog's own validation of an entity's shape (throws on a bad one). */
const validateEntity = entitySchemaValidator();

/** The variables of an env file: KEY=value lines, double-quoted values unquoted. */
function envVariables(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter(line => line.includes('=') && !line.startsWith('#'))
      .map(line => {
        const [key, ...rest] = line.split('=');
        const value = rest.join('=');
        return [key, value.startsWith('"') ? JSON.parse(value) : value];
      }),
  );
}

const STACK = {
  Relational: 'postgresql',
  'Key-Value': 'redis',
  'Message Broker': 'redpanda',
  Metrics: 'prometheus',
  Traces: 'tempo',
  Logs: 'loki',
  Analysis: 'grafana',
};

describe.each(['service-typescript', 'service-python'])(
  'template %s (dry run)',
  folder => {
    const publishDir = createMockDirectory();
    let backend: Awaited<ReturnType<typeof startTemplateBackend>>;

    beforeAll(async () => {
      backend = await startTemplateBackend({
        localPublishDir: publishDir.path,
      });
    });

    afterAll(() => backend?.stop());

    const dryRun = (values: Record<string, unknown>) =>
      backend.dryRun(folder, values);

    it('generates a service wired to the chosen stack', async () => {
      const { status, body, files } = await dryRun({
        name: 'orders',
        description: 'Takes orders',
        owner: 'group:default/team-a',
        system: 'system:default/commerce',
        stack: STACK,
      });
      expect({ status, error: body.error }).toEqual({
        status: 200,
        error: undefined,
      });
      const yamlFiles = Object.entries(files).filter(([file]) =>
        /\.ya?ml$/.test(file),
      );
      expect(yamlFiles.map(([file]) => file).sort()).toEqual([
        'catalog-info.yaml',
        'docker-compose.yaml',
        'k8s/configmap.yaml',
        'k8s/deployment.yaml',
        'k8s/secret.yaml',
        'k8s/service.yaml',
        'observability/grafana-datasources.yaml',
        'observability/prometheus.yml',
        'observability/tempo.yaml',
        'otel-collector.yaml',
      ]);
      expect(() => yamlFiles.forEach(([, text]) => parse(text))).not.toThrow();

      const compose = parse(files['docker-compose.yaml']);
      expect(Object.keys(compose.services).sort()).toEqual([
        'grafana',
        'loki',
        'orders',
        'otel-collector',
        'postgres',
        'prometheus',
        'redis',
        'redpanda',
        'tempo',
      ]);
      expect(compose.services.orders.depends_on.postgres).toEqual({
        condition: 'service_healthy',
      });
      expect(compose.services.orders.environment.KAFKA_BROKERS).toBe(
        'redpanda:9092',
      );

      const deployment = parse(files['k8s/deployment.yaml']);
      expect(deployment.kind).toBe('Deployment');
      expect(
        deployment.spec.template.spec.containers[0].env.map((e: any) => e.name),
      ).toEqual(
        expect.arrayContaining([
          'DATABASE_URL',
          'REDIS_URL',
          'KAFKA_BROKERS',
          'OTEL_EXPORTER_OTLP_ENDPOINT',
        ]),
      );
      const configMap = parse(files['k8s/configmap.yaml']);
      expect(configMap.data.DATABASE_URL).toBe(
        'postgres://postgresql:5432/orders',
      );
      expect(parse(files['k8s/service.yaml']).kind).toBe('Service');
      expect(
        parse(files['otel-collector.yaml']).service.pipelines.traces.exporters,
      ).toEqual(['otlp/tempo']);

      // Safe defaults of the generated files.
      // (1) Every published compose port is bound to the loopback interface.
      const published = Object.values<any>(compose.services).flatMap(
        service => service.ports ?? [],
      );
      expect(published.length).toBeGreaterThan(5);
      expect(
        published.filter((port: string) => !port.startsWith('127.0.0.1:')),
      ).toEqual([]);
      // (2) Credentials: listed in .env.example, read by compose as ${VAR:-default}.
      const env = envVariables(files['.env.example']);
      expect(env).toMatchObject({
        POSTGRES_USER: 'app',
        POSTGRES_PASSWORD: 'app',
      });
      expect(compose.services.postgres.environment).toMatchObject({
        POSTGRES_USER: '${POSTGRES_USER:-app}',
        POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-app}',
      });
      expect(compose.services.orders.environment.DATABASE_URL).toBe(
        'postgres://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD:-app}@postgres:5432/orders',
      );
      // (3) In Kubernetes, credentials are in a Secret the Deployment reads, never in the ConfigMap.
      const secret = parse(files['k8s/secret.yaml']);
      expect(secret).toMatchObject({
        kind: 'Secret',
        metadata: { name: 'orders-credentials' },
        stringData: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app' },
      });
      expect(
        Object.keys(configMap.data).filter(key => key in secret.stringData),
      ).toEqual([]);
      const containerEnv = deployment.spec.template.spec.containers[0].env;
      expect(containerEnv).toEqual(
        expect.arrayContaining([
          {
            name: 'POSTGRES_PASSWORD',
            valueFrom: {
              secretKeyRef: {
                name: 'orders-credentials',
                key: 'POSTGRES_PASSWORD',
              },
            },
          },
        ]),
      );
      expect(
        containerEnv.filter(
          (e: any) =>
            e.valueFrom.configMapKeyRef && e.name in secret.stringData,
        ),
      ).toEqual([]);

      const entity = parse(files['catalog-info.yaml']);
      expect(entity.metadata).toMatchObject({
        name: 'orders',
        description: 'Takes orders',
        annotations: {
          'techstack.dev/uses':
            'postgresql, redis, redpanda, prometheus, tempo, loki, grafana',
        },
      });
      expect(entity.spec).toMatchObject({
        owner: 'group:default/team-a',
        system: 'system:default/commerce',
      });
      // Client code: the service connects to its stack and /readyz checks it;
      // Kubernetes probes the process (/livez) and its dependencies (/readyz).
      const container = deployment.spec.template.spec.containers[0];
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
      expect(container.livenessProbe.httpGet.path).toBe('/livez');
      // Against their schemas: compose, Kubernetes (kubernetes-models), collector.
      expect(composeProblems(files['docker-compose.yaml'])).toEqual([]);
      const manifests = Object.fromEntries(
        Object.entries(files).filter(([file]) => file.startsWith('k8s/')),
      );
      expect(Object.keys(manifests)).toHaveLength(4);
      expect(await manifestProblems(manifests)).toEqual([]);
      expect(collectorProblems(files['otel-collector.yaml'])).toEqual([]);
      const readme = files['README.md'];
      expect(readme).toMatch(/^# orders/);

      expect(body.output.links).toEqual([
        {
          title: 'Open in catalog',
          icon: 'catalog',
          entityRef: 'component:default/orders',
        },
      ]);
      // The output names the folder as configured, not a path of the backend's disk beyond it.
      expect(JSON.stringify(body.output)).toContain(
        `Published to \`${path.join(publishDir.path, 'orders')}\``,
      );
      // The dry run publishes nothing.
      expect(fs.readdirSync(publishDir.path)).toEqual([]);
    });

    it('writes a catalog-info.yaml the catalog accepts when the optional fields are left out', async () => {
      const { status, body } = await dryRun({
        name: 'orders',
        owner: 'group:default/team-a',
        stack: { Relational: 'recommended' },
      });
      expect({ status, error: body.error }).toEqual({
        status: 200,
        error: undefined,
      });
      const file = (
        body.directoryContents as Array<{ path: string; base64Content: string }>
      ).find(f => f.path === 'catalog-info.yaml')!;
      const entity = parse(
        Buffer.from(file.base64Content, 'base64').toString('utf8'),
      );
      expect(() => validateEntity(entity)).not.toThrow();
      expect(entity.metadata).toMatchObject({
        name: 'orders',
        description: '',
        annotations: { 'techstack.dev/uses': 'postgresql' },
      });
    });

    it('refuses a technology on hold, naming it and the reason', async () => {
      const { status, body } = await dryRun({
        name: 'orders',
        owner: 'group:default/team-a',
        stack: { ...STACK, Relational: 'tidb' },
      });
      const text = JSON.stringify(body);
      expect(status).not.toBe(200);
      expect(text).toMatch(
        /TiDB is on hold: No operational experience; use PostgreSQL\. Adopt instead: PostgreSQL/,
      );
    });
  },
);

describe('client code of the templates (dry run)', () => {
  const publishDir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startTemplateBackend>>;

  beforeAll(async () => {
    backend = await startTemplateBackend({ localPublishDir: publishDir.path });
  });

  afterAll(() => backend?.stop());

  const values = {
    name: 'orders',
    owner: 'group:default/team-a',
    stack: STACK,
  };

  it('gives a TypeScript service the clients of PostgreSQL, Redis and Redpanda, each checked by /readyz', async () => {
    const { status, files } = await backend.dryRun(
      'service-typescript',
      values,
    );
    expect(status).toBe(200);
    const pkg = JSON.parse(files['package.json']);
    expect(pkg.name).toBe('orders');
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['pg', 'ioredis', 'kafkajs']),
    );
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'src/dependencies/postgres.ts',
        'src/dependencies/redis.ts',
        'src/dependencies/kafka.ts',
      ]),
    );
    const registry = files['src/dependencies/index.ts'];
    expect(registry).toContain("['postgresql', 'DATABASE_URL', postgres],");
    expect(registry).toContain("['redpanda', 'KAFKA_BROKERS', kafka],");
    // Observability tools go through the collector: not client dependencies.
    expect(registry).not.toContain('prometheus');
  });

  it('gives a Python service the clients of PostgreSQL and Redis; Redpanda is wired but not checked', async () => {
    const { status, files } = await backend.dryRun('service-python', values);
    expect(status).toBe(200);
    expect(files['requirements.txt'].split('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^psycopg\[binary\]==/),
        expect.stringMatching(/^redis==/),
      ]),
    );
    const registry = files['app/dependencies/__init__.py'];
    expect(registry).toContain('from . import postgres, redis');
    expect(registry).toContain(
      '("postgresql", "DATABASE_URL", postgres.create),',
    );
    expect(registry).not.toContain('redpanda');
    // Redpanda is still in compose for local development.
    expect(parse(files['docker-compose.yaml']).services.redpanda).toBeDefined();
  });
});

describe('template service-python/template-ai.yaml (dry run)', () => {
  const publishDir = createMockDirectory();
  let backend: Awaited<ReturnType<typeof startTemplateBackend>>;

  beforeAll(async () => {
    backend = await startTemplateBackend({ localPublishDir: publishDir.path });
  });

  afterAll(() => backend?.stop());

  const values = {
    name: 'assistant',
    description: 'Answers questions about our stack',
    owner: 'group:default/team-a',
    stack: {
      'Cloud APIs': 'claude-3-5',
      Embeddings: 'qdrant',
      'Agent Frameworks': 'langchain',
      Traces: 'tempo',
    },
  };
  const dryRun = (extra: Record<string, unknown> = {}) =>
    backend.dryRun(
      'service-python',
      { ...values, ...extra },
      'template-ai.yaml',
    );

  it('generates an AI service: LLM client, retrieval, GenAI tracing and guardrails, wired to the chosen stack', async () => {
    const { status, body, files } = await dryRun();
    expect({ status, error: body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    // The AI code on top of the Python service (server, readiness, registry).
    for (const file of [
      'app/llm.py',
      'app/retrieval.py',
      'app/genai_tracing.py',
      'app/guardrails.py',
      'app/server.py',
      'app/readiness.py',
    ]) {
      expect(files[file]).toBeDefined();
    }
    expect(files['app/main.py']).toContain('serve({"/ask": ask}');
    expect(files['app/main.py']).toContain('assistant');
    expect(files['app/genai_tracing.py']).toContain(
      'gen_ai.usage.input_tokens',
    );
    expect(files['README.md']).toMatch(/^# assistant/);
    // The LLM API: SDK pinned, key a credential, model from config.
    expect(files['requirements.txt']).toMatch(/^anthropic==/m);
    const env = files['.env.example'];
    expect(env).toMatch(/^ANTHROPIC_API_KEY=/m);
    expect(env).toMatch(/^ANTHROPIC_MODEL=/m);
    const secret = parse(files['k8s/secret.yaml']);
    expect(Object.keys(secret.stringData)).toContain('ANTHROPIC_API_KEY');
    expect(Object.keys(parse(files['k8s/configmap.yaml']).data)).not.toContain(
      'ANTHROPIC_API_KEY',
    );
    // The vector database runs beside it; traces go to Tempo.
    const compose = parse(files['docker-compose.yaml']);
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining([
        'assistant',
        'qdrant',
        'tempo',
        'otel-collector',
      ]),
    );
    expect(compose.services.assistant.environment.QDRANT_URL).toBeDefined();
    expect(compose.services.vllm).toBeUndefined();
    expect(
      parse(files['catalog-info.yaml']).metadata.annotations[
        'techstack.dev/uses'
      ],
    ).toBe('claude-3-5, qdrant, langchain, tempo');
  });

  it('adds the self-hosted inference server when asked: compose service, OpenAI-compatible address and model', async () => {
    const { status, body, files } = await dryRun({
      selfHosted: true,
      inference: { Inference: 'vllm' },
    });
    expect({ status, error: body.error }).toEqual({
      status: 200,
      error: undefined,
    });
    const compose = parse(files['docker-compose.yaml']);
    expect(compose.services.vllm).toBeDefined();
    expect(compose.services.assistant.environment.VLLM_BASE_URL).toBeDefined();
    expect(compose.services.assistant.environment.VLLM_MODEL).toBeDefined();
    expect(
      parse(files['catalog-info.yaml']).metadata.annotations[
        'techstack.dev/uses'
      ],
    ).toBe('claude-3-5, qdrant, langchain, tempo, vllm');
  });
});
