import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createWireAction } from './wire';

const BUILT_IN = path.resolve(__dirname, '../../recipes');

const STACK = [
  {
    layer: 'Relational',
    section: 'Data Layer',
    ref: 'technology:default/postgresql',
    name: 'postgresql',
    title: 'PostgreSQL',
    ring: 'adopt',
  },
  {
    layer: 'Key-Value',
    section: 'Data Layer',
    ref: 'technology:default/redis',
    name: 'redis',
    title: 'Redis',
    ring: 'adopt',
  },
  {
    layer: 'Message Broker',
    section: 'Event-Driven Architecture',
    ref: 'technology:default/apache-kafka',
    name: 'apache-kafka',
    title: 'Apache Kafka',
    ring: 'trial',
  },
  {
    layer: 'Metrics',
    section: 'Observability',
    ref: 'technology:default/prometheus',
    name: 'prometheus',
    title: 'Prometheus',
    ring: 'trial',
  },
  {
    layer: 'Traces',
    section: 'Observability',
    ref: 'technology:default/jaeger',
    name: 'jaeger',
    title: 'Jaeger',
    ring: 'trial',
  },
  {
    layer: 'Logs',
    section: 'Observability',
    ref: 'technology:default/loki',
    name: 'loki',
    title: 'Loki',
    ring: 'trial',
  },
  {
    layer: 'Analysis',
    section: 'Observability',
    ref: 'technology:default/grafana',
    name: 'grafana',
    title: 'Grafana',
    ring: 'trial',
  },
  {
    layer: 'Embeddings',
    section: 'Data Layer',
    ref: 'technology:default/cobol-db',
    name: 'cobol-db',
    title: 'COBOL DB',
    ring: 'adopt',
  },
];

describe('tech-stack:wire', () => {
  const root = createMockDirectory();
  const workspacePath = () => root.resolve('workspace');
  const read = (file: string) =>
    fs.readFileSync(path.join(workspacePath(), file), 'utf8');
  const readYaml = (file: string) => parse(read(file));
  /** The variables of an env file: KEY=value lines, double-quoted values unquoted. */
  const readEnv = (file: string) =>
    Object.fromEntries(
      read(file)
        .split('\n')
        .filter(line => line.includes('=') && !line.startsWith('#'))
        .map(line => {
          const [key, ...rest] = line.split('=');
          const value = rest.join('=');
          return [key, value.startsWith('"') ? JSON.parse(value) : value];
        }),
    );

  beforeEach(() => {
    root.setContent({ workspace: {} });
  });

  async function wire(
    input: Record<string, unknown>,
    options = {},
    extra = {},
  ) {
    const action = createWireAction({
      builtInRecipesDir: BUILT_IN,
      ...options,
    });
    const logger = mockServices.logger.mock();
    const ctx = {
      ...createMockActionContext({
        workspacePath: workspacePath(),
        input: {
          stack: STACK,
          name: 'orders',
          owner: 'group:default/team-a',
          ...input,
        } as any,
        logger,
      }),
      ...extra,
    };
    await action.handler(ctx as any);
    return { ctx, logger };
  }

  it('writes docker-compose with the stack services, healthchecks and the app depending on them', async () => {
    const { ctx } = await wire({
      system: 'system:default/commerce',
      language: 'TypeScript',
    });
    const compose = readYaml('docker-compose.yaml');
    expect(Object.keys(compose.services)).toEqual([
      'orders',
      'postgres',
      'redis',
      'kafka',
      'prometheus',
      'jaeger',
      'loki',
      'grafana',
      'otel-collector',
    ]);
    expect(compose.services.postgres.healthcheck.test).toEqual([
      'CMD-SHELL',
      'pg_isready -U "$${POSTGRES_USER}" -d orders',
    ]);
    expect(compose.services.postgres.environment.POSTGRES_DB).toBe('orders');
    expect(compose.services.orders.depends_on).toMatchObject({
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
      'otel-collector': { condition: 'service_started' },
    });
    expect(compose.services.orders.environment).toMatchObject({
      DATABASE_URL:
        'postgres://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD:-app}@postgres:5432/orders',
      POSTGRES_USER: '${POSTGRES_USER:-app}',
      POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-app}',
      REDIS_URL: 'redis://redis:6379/0',
      KAFKA_BROKERS: 'kafka:9092',
      OTEL_SERVICE_NAME: 'orders',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318',
    });
    expect(compose.services['otel-collector'].depends_on).toHaveProperty(
      'jaeger',
    );
    expect(compose.volumes).toHaveProperty('postgres-data');
    expect(ctx.output).toHaveBeenCalledWith(
      'services',
      expect.arrayContaining(['orders', 'postgres', 'otel-collector']),
    );
    expect(ctx.output).toHaveBeenCalledWith('missing', ['cobol-db']);
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining([
        'docker-compose.yaml',
        '.env.example',
        'k8s/deployment.yaml',
        'observability/prometheus.yml',
      ]),
    );
  });

  it('writes the env, collector config, Kubernetes manifests and catalog-info', async () => {
    await wire({
      system: 'system:default/commerce',
      language: 'TypeScript',
      port: 3000,
    });
    expect(read('.env.example')).toMatch(/^PORT=3000$/m);
    const env = readEnv('.env.example');
    expect(env).toMatchObject({
      PORT: '3000',
      POSTGRES_USER: 'app',
      POSTGRES_PASSWORD: 'app',
      DATABASE_URL:
        'postgres://${POSTGRES_USER:-app}:${POSTGRES_PASSWORD:-app}@postgres:5432/orders',
    });

    const otel = readYaml('otel-collector.yaml');
    expect(otel.service.pipelines.traces.exporters).toEqual(['otlp/jaeger']);
    expect(otel.service.pipelines.metrics.exporters).toEqual(['prometheus']);
    expect(otel.service.pipelines.logs.exporters).toEqual(['otlphttp/loki']);
    expect(otel.exporters['otlp/jaeger'].endpoint).toBe('jaeger:4317');

    const deployment = readYaml('k8s/deployment.yaml');
    expect(deployment.kind).toBe('Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000 }]);
    const fromConfigMap = Object.fromEntries(
      container.env
        .filter((e: any) => e.valueFrom.configMapKeyRef)
        .map((e: any) => [e.name, e.valueFrom.configMapKeyRef]),
    );
    expect(fromConfigMap.DATABASE_URL).toEqual({
      name: 'orders-env',
      key: 'DATABASE_URL',
    });
    expect(Object.keys(fromConfigMap)).toEqual(
      expect.arrayContaining([
        'REDIS_URL',
        'KAFKA_BROKERS',
        'OTEL_SERVICE_NAME',
      ]),
    );
    const configMap = readYaml('k8s/configmap.yaml');
    expect(configMap.data.DATABASE_URL).toBe(
      'postgres://postgresql:5432/orders',
    );
    expect(configMap.data.KAFKA_BROKERS).toBe('kafka-bootstrap:9092');
    expect(readYaml('k8s/service.yaml').spec.ports[0]).toMatchObject({
      port: 80,
      targetPort: 'http',
    });

    const entity = readYaml('catalog-info.yaml');
    expect(entity.metadata.annotations['techstack.dev/uses']).toBe(
      'postgresql, redis, apache-kafka, prometheus, jaeger, loki, grafana, cobol-db',
    );
    expect(entity.metadata.tags).toEqual(['typescript']);
    expect(entity.spec).toEqual({
      type: 'service',
      lifecycle: 'experimental',
      owner: 'group:default/team-a',
      system: 'system:default/commerce',
    });
    expect(
      readYaml('observability/prometheus.yml').scrape_configs[0]
        .static_configs[0].targets,
    ).toEqual(['otel-collector:8889']);
  });

  it('names recipes by folder label and file name in its logs, never by their path on disk', async () => {
    root.addContent({ org: { 'cobol-db.yaml': 'technology: cobol-db\n' } });
    const { logger } = await wire({}, { recipesDir: root.resolve('org') });
    const said = JSON.stringify([
      logger.info.mock.calls,
      logger.warn.mock.calls,
    ]);
    expect(said).toContain(
      'postgresql: recipe built-in recipes/postgresql.yaml',
    );
    expect(said).toContain(
      'cobol-db: recipe techStack.scaffolder.recipesDir/cobol-db.yaml',
    );
    expect(said).not.toContain(BUILT_IN);
    expect(said).not.toContain(root.path);
  });

  it('binds every published compose port to 127.0.0.1', async () => {
    await wire({});
    const compose = readYaml('docker-compose.yaml');
    const ports = Object.entries<any>(compose.services).flatMap(
      ([name, service]) =>
        (service.ports ?? []).map((port: string) => [name, port]),
    );
    expect(ports).toEqual(
      expect.arrayContaining([
        ['orders', '127.0.0.1:8080:8080'],
        ['postgres', '127.0.0.1:5432:5432'],
      ]),
    );
    expect(ports.filter(([, port]) => !port.startsWith('127.0.0.1:'))).toEqual(
      [],
    );
  });

  it('binds the ports of an organisation recipe to 127.0.0.1 unless it names a host address', async () => {
    root.addContent({
      org: {
        'redis.yaml':
          'technology: redis\ncompose:\n  services:\n    cache:\n      image: redis:7\n      ports: ["6379:6379", "9121", "0.0.0.0:8001:8001"]\n',
      },
    });
    await wire(
      { stack: STACK.slice(1, 2) },
      { recipesDir: root.resolve('org') },
    );
    expect(readYaml('docker-compose.yaml').services.cache.ports).toEqual([
      '127.0.0.1:6379:6379',
      '127.0.0.1::9121',
      '0.0.0.0:8001:8001',
    ]);
  });

  it('keeps credentials out of compose literals and the ConfigMap: .env, ${VAR:-default} and a Secret', async () => {
    await wire({});
    const credentials = { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app' };
    expect(readEnv('.env.example')).toMatchObject(credentials);

    const compose = readYaml('docker-compose.yaml');
    expect(compose.services.postgres.environment).toMatchObject({
      POSTGRES_USER: '${POSTGRES_USER:-app}',
      POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:-app}',
    });
    // Every credential in a compose environment is a reference to it with its default.
    const credentialValues = Object.values<any>(compose.services).flatMap(
      service =>
        Object.entries<string>(service.environment ?? {}).filter(
          ([key]) => key in credentials,
        ),
    );
    expect(credentialValues.length).toBeGreaterThan(0);
    expect(
      credentialValues.filter(([key, value]) => value !== `\${${key}:-app}`),
    ).toEqual([]);

    const secret = readYaml('k8s/secret.yaml');
    expect(secret).toMatchObject({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'orders-credentials' },
      type: 'Opaque',
      stringData: credentials,
    });
    expect(read('k8s/secret.yaml')).toMatch(
      /^# The credentials of the service/,
    );
    const configMap = readYaml('k8s/configmap.yaml');
    expect(Object.keys(configMap.data)).not.toEqual(
      expect.arrayContaining(['POSTGRES_USER']),
    );
    expect(
      Object.keys(configMap.data).filter(key => key in credentials),
    ).toEqual([]);
    expect(JSON.stringify(configMap.data)).not.toMatch(/:app@/);

    const container = readYaml('k8s/deployment.yaml').spec.template.spec
      .containers[0];
    const fromSecret = container.env.filter(
      (e: any) => e.valueFrom.secretKeyRef,
    );
    expect(fromSecret).toEqual([
      {
        name: 'POSTGRES_USER',
        valueFrom: {
          secretKeyRef: { name: 'orders-credentials', key: 'POSTGRES_USER' },
        },
      },
      {
        name: 'POSTGRES_PASSWORD',
        valueFrom: {
          secretKeyRef: {
            name: 'orders-credentials',
            key: 'POSTGRES_PASSWORD',
          },
        },
      },
    ]);
  });

  it('writes no Secret for a stack without credentials', async () => {
    const { ctx } = await wire({ stack: STACK.slice(1, 2) });
    expect(fs.existsSync(path.join(workspacePath(), 'k8s/secret.yaml'))).toBe(
      false,
    );
    const container = readYaml('k8s/deployment.yaml').spec.template.spec
      .containers[0];
    expect(container.env.filter((e: any) => e.valueFrom.secretKeyRef)).toEqual(
      [],
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.not.arrayContaining(['k8s/secret.yaml']),
    );
  });

  it('refuses a recipe that puts a credential into its env', async () => {
    root.addContent({
      org: {
        'redis.yaml':
          'technology: redis\ncredentials:\n  REDIS_PASSWORD: x\nk8sEnv:\n  REDIS_PASSWORD: x\n',
      },
    });
    await expect(wire({}, { recipesDir: root.resolve('org') })).rejects.toThrow(
      /redis\.yaml: k8sEnv\.REDIS_PASSWORD: REDIS_PASSWORD is a credential: declare it under credentials only/,
    );
  });

  it.each([
    [
      { stack: new Array(51).fill(STACK[0]) },
      'stack: at most 50 entries are allowed, got 51',
    ],
    [
      { stack: [{ ...STACK[0], layer: 'x'.repeat(201) }] },
      'stack[0].layer: at most 200 characters are allowed, got 201',
    ],
    [
      { owner: `group:default/${'a'.repeat(300)}` },
      'owner: at most 255 characters are allowed, got 314',
    ],
    [
      { description: 'd'.repeat(2001) },
      'description: at most 2000 characters are allowed, got 2001',
    ],
    [
      { targetPath: 'p/'.repeat(600) },
      'targetPath: at most 1024 characters are allowed, got 1200',
    ],
    [{ language: 'C sharp' }, 'language: "C sharp" cannot be an entity tag'],
  ])(
    'refuses inputs past their bounds, naming the field and the limit (%#)',
    async (input, message) => {
      const error = await wire(input).catch(e => e);
      expect(error.name).toBe('InputError');
      expect(error.message).toContain(message);
      expect(fs.readdirSync(workspacePath())).toEqual([]);
    },
  );

  it('merges into existing files, keeping what is there', async () => {
    root.setContent({
      workspace: {
        'docker-compose.yaml': [
          '# local development',
          'services:',
          '  mailhog:',
          '    image: mailhog/mailhog',
          '  postgres:',
          '    image: postgres:15 # pinned',
          '    ports: ["5432:5432", "15432:5432"]',
          '',
        ].join('\n'),
        '.env.example': 'DATABASE_URL=postgres://custom\nFEATURE_X=on\n',
        'catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: orders',
          '  annotations:',
          '    techstack.dev/uses: Go, Redis',
          'spec:',
          '  type: website',
          '  owner: group:default/someone',
          '',
        ].join('\n'),
      },
    });
    await wire({ stack: STACK.slice(0, 2) });
    const composeText = read('docker-compose.yaml');
    expect(composeText).toContain('# local development');
    expect(composeText).toContain('# pinned');
    const compose = parse(composeText);
    expect(compose.services.mailhog.image).toBe('mailhog/mailhog');
    expect(compose.services.postgres.image).toBe('postgres:15');
    expect(compose.services.postgres.ports).toEqual([
      '5432:5432',
      '15432:5432',
    ]);
    expect(compose.services.postgres.healthcheck).toBeDefined();
    expect(compose.services.redis).toBeDefined();

    const env = read('.env.example');
    expect(
      env.startsWith('DATABASE_URL=postgres://custom\nFEATURE_X=on\n'),
    ).toBe(true);
    expect(env.match(/^DATABASE_URL=/gm)).toHaveLength(1);
    expect(env).toMatch(/^REDIS_URL=redis:\/\/redis:6379\/0$/m);

    const entity = readYaml('catalog-info.yaml');
    expect(entity.spec.type).toBe('website');
    expect(entity.spec.owner).toBe('group:default/someone');
    expect(entity.spec.lifecycle).toBe('experimental');
    expect(entity.metadata.annotations['techstack.dev/uses']).toBe(
      'Go, Redis, postgresql',
    );

    // A second run changes nothing.
    const before = [
      'docker-compose.yaml',
      '.env.example',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
    ].map(read);
    await wire({ stack: STACK.slice(0, 2) });
    expect(
      [
        'docker-compose.yaml',
        '.env.example',
        'catalog-info.yaml',
        'k8s/deployment.yaml',
      ].map(read),
    ).toEqual(before);
  });

  it('refuses a target path outside the workspace', async () => {
    await expect(wire({ targetPath: '../elsewhere' })).rejects.toThrow(
      /outside/i,
    );
    expect(fs.existsSync(root.resolve('elsewhere'))).toBe(false);
  });

  it('refuses a recipe file path outside the workspace', async () => {
    root.addContent({
      org: {
        'redis.yaml': 'technology: redis\nfiles:\n  ../../escape.txt: boom\n',
      },
    });
    await expect(wire({}, { recipesDir: root.resolve('org') })).rejects.toThrow(
      /outside/i,
    );
    expect(fs.existsSync(root.resolve('escape.txt'))).toBe(false);
  });

  it('refuses a service name that is not an entity name', async () => {
    await expect(wire({ name: '../orders' })).rejects.toThrow(
      /^name: "..\/orders" is not a valid entity name/,
    );
  });

  it('writes into a sub folder, and only into the workspace in a dry run', async () => {
    await wire({ targetPath: 'svc' }, {}, { isDryRun: true });
    expect(readYaml('svc/docker-compose.yaml').services.orders).toBeDefined();
    expect(fs.readdirSync(root.path)).toEqual(['workspace']);
  });

  it('uses the organisation recipes, replacing built-in ones by slug or alias', async () => {
    root.addContent({
      org: {
        'our-redis.yaml':
          'technology: Redis\ncompose:\n  services:\n    cache:\n      image: registry.example.com/redis:7\nenv:\n  REDIS_URL: redis://cache:6379\n',
        'cobol-db.yaml':
          'technology: cobol-db\nenv:\n  COBOL_INDEX: "{{ name }}-embeddings"\n',
      },
    });
    const { ctx } = await wire({}, { recipesDir: root.resolve('org') });
    const compose = readYaml('docker-compose.yaml');
    expect(compose.services.redis).toBeUndefined();
    expect(compose.services.cache.image).toBe('registry.example.com/redis:7');
    expect(compose.services.orders.environment.COBOL_INDEX).toBe(
      'orders-embeddings',
    );
    expect(compose.services.orders.depends_on.cache).toEqual({
      condition: 'service_started',
    });
    expect(ctx.output).toHaveBeenCalledWith('missing', []);
  });

  it('fails on a bad recipe, naming the file and the field', async () => {
    root.addContent({
      org: {
        'broken.yaml':
          'technology: memcached\ncompose:\n  services:\n    memcached:\n      ports: [11211]\notel:\n  pipelines:\n    traces: [nowhere]\n',
      },
    });
    const error = await wire({}, { recipesDir: root.resolve('org') }).catch(
      e => e,
    );
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'Invalid recipe techStack.scaffolder.recipesDir/broken.yaml',
    );
    expect(error.message).toMatch(/compose\.services\.memcached\.image: /);

    root.setContent({
      workspace: {},
      org: {
        'broken.yaml':
          'technology: memcached\notel:\n  pipelines:\n    traces: [nowhere]\n',
      },
    });
    await expect(wire({}, { recipesDir: root.resolve('org') })).rejects.toThrow(
      /broken\.yaml: otel\.pipelines\.traces\.0: exporter "nowhere" is not defined in otel\.exporters/,
    );
  });

  it('fails on a recipe that is not YAML, naming the file', async () => {
    root.addContent({ org: { 'bad.yaml': 'technology: [x\n' } });
    await expect(wire({}, { recipesDir: root.resolve('org') })).rejects.toThrow(
      /Invalid recipe .*bad\.yaml: not valid YAML/,
    );
  });

  it('validates every built-in recipe', async () => {
    await expect(wire({ stack: [] })).resolves.toBeDefined();
  });
});
