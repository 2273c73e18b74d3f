import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import { entitySchemaValidator } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { parse } from 'yaml';
import { technologyEntities } from './__fixtures__/technologies';
import { scaffolderModuleTechStack } from './module';

jest.setTimeout(60_000);

/** The catalog's own validation of an entity's shape (throws on a bad one). */
const validateEntity = entitySchemaValidator();

const TEMPLATES = path.resolve(__dirname, '../../../examples/templates');

/** The template's files as the dry-run endpoint takes them: paths relative to template.yaml, base64. */
function directoryContents(
  dir: string,
  prefix = '',
): Array<{ path: string; base64Content: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return directoryContents(full, rel);
    return [
      { path: rel, base64Content: fs.readFileSync(full).toString('base64') },
    ];
  });
}

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
    let backend: TestBackend;
    let baseUrl: string;

    beforeAll(async () => {
      backend = await startTestBackend({
        features: [
          scaffolderPlugin,
          scaffolderModuleTechStack,
          catalogServiceMock.factory({ entities: technologyEntities() }),
          mockServices.rootConfig.factory({
            data: {
              techStack: { scaffolder: { localPublishDir: publishDir.path } },
            },
          }),
        ],
      });
      const { port } = backend.server.address() as AddressInfo;
      baseUrl = `http://localhost:${port}/api/scaffolder`;
    });

    afterAll(() => backend?.stop());

    async function dryRun(values: Record<string, unknown>) {
      const templateDir = path.join(TEMPLATES, folder);
      const template = parse(
        fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'),
      );
      const response = await fetch(`${baseUrl}/v2/dry-run`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify({
          template,
          values,
          directoryContents: directoryContents(
            path.join(templateDir, 'content'),
            'content',
          ),
        }),
      });
      return { status: response.status, body: await response.json() };
    }

    it('generates a service wired to the chosen stack', async () => {
      const { status, body } = await dryRun({
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
      const files = Object.fromEntries(
        (
          body.directoryContents as Array<{
            path: string;
            base64Content: string;
          }>
        ).map(f => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ]),
      );
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
