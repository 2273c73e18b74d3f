import { InputError } from '@backstage/errors';
import { ANNOTATION_TECHSTACK_USES } from '@techstack/plugin-tech-stack-common';
import type { StackItem } from '../lib/resolveStack';
import { usesOf } from '../lib/resolveStack';
import type { RecipeBook } from '../recipes/RecipeBook';
import type { LoadedRecipe } from '../recipes/recipeSchema';
import { withLoopbackPorts } from './loopbackPorts';
import type { EnvEntry } from './mergeEnv';
import { renderPlaceholders } from './renderPlaceholders';

/** The service being wired. */
export interface ServiceInfo {
  /** Entity name, compose service and Kubernetes resource name. */
  name: string;
  /** Entity ref of the owning group. */
  owner: string;
  system?: string;
  description?: string;
  /** `typescript`, `python`, …: becomes a tag of the entity. */
  language?: string;
  /** The port the service listens on. */
  port: number;
}

/** The file names the wiring writes. */
export const WIRING_FILES = {
  compose: 'docker-compose.yaml',
  env: '.env.example',
  otel: 'otel-collector.yaml',
  deployment: 'k8s/deployment.yaml',
  service: 'k8s/service.yaml',
  configMap: 'k8s/configmap.yaml',
  secret: 'k8s/secret.yaml',
  catalogInfo: 'catalog-info.yaml',
} as const;

/** Everything the wiring of a stack writes, before it is merged into the workspace. */
export interface WiringPlan {
  /** YAML files by path: merged into existing files. */
  yaml: Map<string, Record<string, unknown>>;
  /** A comment at the top of a new YAML file, by path. */
  comments: Map<string, string>;
  /** Text files by path: written when absent. */
  text: Map<string, string>;
  /** The lines of `.env.example`. */
  env: EnvEntry[];
  /** The `techstack.dev/uses` value of the stack. */
  uses: string;
  /** Compose services, the application's first. */
  services: string[];
  /** The recipe used per technology slug. */
  recipes: Map<string, LoadedRecipe>;
  /** Technologies of the stack without a recipe (recorded in the catalog, not wired). */
  missing: StackItem[];
  warnings: string[];
}

const OTEL_SIGNALS = ['traces', 'metrics', 'logs'] as const;
const COLLECTOR = 'otel-collector';
const COLLECTOR_IMAGE = 'otel/opentelemetry-collector-contrib:0.111.0';

type ComposeService = Record<string, unknown> & { healthcheck?: unknown };

/** How compose files refer to a credential: overridable from `.env`, with its local default. */
export function composeReference(key: string, fallback: string): string {
  return `\${${key}:-${fallback}}`;
}

const SECRET_COMMENT = [
  ' The credentials of the service, with their local-development defaults.',
  ' Replace the values before applying, or create this Secret outside git',
  ' (kubectl create secret generic, or an external secrets operator).',
].join('\n');

function dependsOn(services: Map<string, ComposeService>, names: string[]) {
  return Object.fromEntries(
    names.map(name => [
      name,
      {
        condition: services.get(name)?.healthcheck
          ? 'service_healthy'
          : 'service_started',
      },
    ]),
  );
}

/**
 * Computes the files that pre-wire a service to a resolved stack, from the
 * technologies' recipes: `docker-compose.yaml`, `.env.example`,
 * `otel-collector.yaml`, Kubernetes manifests under `k8s/` and
 * `catalog-info.yaml`, plus the recipes' own files. Pure: writes nothing.
 *
 * Safe defaults of what it generates: every published compose port is bound
 * to 127.0.0.1 (unless a recipe names a host address); credentials are listed
 * in `.env.example` and referred to as `${VAR:-default}` in compose, so a
 * `.env` file overrides them; in Kubernetes they are in the Secret
 * `<name>-credentials` (`k8s/secret.yaml`), read by the Deployment through
 * `secretKeyRef`, and never in the ConfigMap.
 */
export function planWiring(
  stack: StackItem[],
  service: ServiceInfo,
  book: RecipeBook,
): WiringPlan {
  const values = {
    name: service.name,
    owner: service.owner,
    system: service.system,
  };
  const warnings: string[] = [];
  const recipes = new Map<string, LoadedRecipe>();
  const missing: StackItem[] = [];
  for (const item of stack) {
    if (recipes.has(item.name)) continue;
    const recipe = book.find(item.name, item.title);
    if (recipe) {
      recipes.set(item.name, renderPlaceholders(recipe, values));
    } else {
      missing.push(item);
    }
  }

  const services = new Map<string, ComposeService>();
  const serviceOwner = new Map<string, string>();
  const volumes: Record<string, unknown> = {};
  const localEnv = new Map<string, EnvEntry>();
  const clusterEnv = new Map<string, string>();
  const credentials = new Map<string, EnvEntry>();
  const exporters: Record<string, unknown> = {};
  const pipelines: Record<(typeof OTEL_SIGNALS)[number], string[]> = {
    traces: [],
    metrics: [],
    logs: [],
  };
  const collectorDeps: string[] = [];
  const collectorEnv: Record<string, string> = {};
  const yaml = new Map<string, Record<string, unknown>>();
  const text = new Map<string, string>();

  const base: EnvEntry[] = [
    { key: 'PORT', value: String(service.port) },
    { key: 'OTEL_SERVICE_NAME', value: service.name },
    { key: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: `http://${COLLECTOR}:4318` },
    { key: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: 'http/protobuf' },
  ].map(entry => ({ ...entry, comment: `${service.name}` }));
  for (const entry of base) {
    localEnv.set(entry.key, entry);
    clusterEnv.set(entry.key, entry.value);
  }

  for (const [slug, recipe] of recipes) {
    const label = `${slug} (${recipe.source})`;
    for (const [name, definition] of Object.entries(
      recipe.compose?.services ?? {},
    )) {
      if (name === service.name || name === COLLECTOR) {
        throw new InputError(
          `name: the service name "${service.name}" collides with the compose service "${name}" of recipe ${label}; choose another name`,
        );
      }
      if (services.has(name)) {
        warnings.push(
          `compose service "${name}" of ${slug} is also defined by ${serviceOwner.get(
            name,
          )}; the first definition is kept`,
        );
        continue;
      }
      services.set(name, withLoopbackPorts(definition as ComposeService));
      serviceOwner.set(name, slug);
    }
    Object.assign(volumes, recipe.compose?.volumes ?? {});
    for (const [key, value] of Object.entries(recipe.credentials ?? {})) {
      if (credentials.has(key) || localEnv.has(key)) {
        warnings.push(
          `credential ${key} of ${slug} is already set by another technology; the first value is kept`,
        );
        continue;
      }
      credentials.set(key, {
        key,
        value,
        comment: `${slug} credentials: copy to .env and change them`,
      });
    }
    for (const [key, value] of Object.entries(recipe.env ?? {})) {
      if (credentials.has(key)) {
        warnings.push(
          `env ${key} of ${slug} is a credential of another technology; the credential is kept`,
        );
        continue;
      }
      if (localEnv.has(key)) {
        warnings.push(
          `env ${key} of ${slug} is already set by another technology; the first value is kept`,
        );
        continue;
      }
      localEnv.set(key, { key, value, comment: slug });
    }
    for (const [key, value] of Object.entries(
      recipe.k8sEnv ?? recipe.env ?? {},
    )) {
      if (!clusterEnv.has(key) && !credentials.has(key))
        clusterEnv.set(key, value);
    }
    Object.assign(exporters, recipe.otel?.exporters ?? {});
    for (const signal of OTEL_SIGNALS) {
      for (const exporter of recipe.otel?.pipelines?.[signal] ?? []) {
        if (!pipelines[signal].includes(exporter))
          pipelines[signal].push(exporter);
      }
    }
    if (recipe.otel?.exporters) {
      collectorDeps.push(...Object.keys(recipe.compose?.services ?? {}));
      // The exporter's settings (`${env:DD_API_KEY}` in its config) are the
      // collector's environment: credentials overridable from `.env`.
      for (const [key, value] of Object.entries(recipe.env ?? {})) {
        collectorEnv[key] = value;
      }
      for (const [key, value] of Object.entries(recipe.credentials ?? {})) {
        collectorEnv[key] = composeReference(key, value);
      }
    }
    for (const [file, content] of Object.entries(recipe.files ?? {})) {
      if (typeof content === 'string') text.set(file, content);
      else yaml.set(file, content);
    }
  }

  // OpenTelemetry collector: receives OTLP from the service and exports to the chosen tools.
  const otel = {
    receivers: {
      otlp: {
        protocols: {
          grpc: { endpoint: '0.0.0.0:4317' },
          http: { endpoint: '0.0.0.0:4318' },
        },
      },
    },
    processors: { batch: {} },
    exporters: { debug: { verbosity: 'basic' }, ...exporters },
    service: {
      pipelines: Object.fromEntries(
        OTEL_SIGNALS.map(signal => [
          signal,
          {
            receivers: ['otlp'],
            processors: ['batch'],
            exporters:
              pipelines[signal].length > 0 ? pipelines[signal] : ['debug'],
          },
        ]),
      ),
    },
  };
  yaml.set(WIRING_FILES.otel, otel);

  const backing = [...services.keys()];
  const all = new Map<string, ComposeService>(services);
  all.set(
    COLLECTOR,
    withLoopbackPorts({
      image: COLLECTOR_IMAGE,
      command: ['--config=/etc/otelcol/config.yaml'],
      volumes: [`./${WIRING_FILES.otel}:/etc/otelcol/config.yaml:ro`],
      ports: ['4317:4317', '4318:4318'],
      ...(Object.keys(collectorEnv).length > 0
        ? { environment: collectorEnv }
        : {}),
      ...(collectorDeps.length > 0
        ? { depends_on: dependsOn(services, collectorDeps) }
        : {}),
    }),
  );
  const appService = withLoopbackPorts({
    build: '.',
    image: `${service.name}:local`,
    ports: [`${service.port}:${service.port}`],
    environment: Object.fromEntries([
      ...[...localEnv.values()].map(entry => [entry.key, entry.value]),
      ...[...credentials.values()].map(entry => [
        entry.key,
        composeReference(entry.key, entry.value),
      ]),
    ]),
    depends_on: dependsOn(all, [...backing, COLLECTOR]),
  });
  yaml.set(WIRING_FILES.compose, {
    name: service.name,
    services: Object.fromEntries([[service.name, appService], ...all]),
    ...(Object.keys(volumes).length > 0 ? { volumes } : {}),
  });

  // Kubernetes: the service itself; backing services are the platform's.
  const labels = {
    app: service.name,
    'backstage.io/kubernetes-id': service.name,
  };
  const configMapName = `${service.name}-env`;
  const secretName = `${service.name}-credentials`;
  const comments = new Map<string, string>();
  if (credentials.size > 0) {
    yaml.set(WIRING_FILES.secret, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: secretName, labels },
      type: 'Opaque',
      stringData: Object.fromEntries(
        [...credentials.values()].map(entry => [entry.key, entry.value]),
      ),
    });
    comments.set(WIRING_FILES.secret, SECRET_COMMENT);
  }
  yaml.set(WIRING_FILES.configMap, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName, labels },
    data: Object.fromEntries(clusterEnv),
  });
  yaml.set(WIRING_FILES.deployment, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: service.name, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: service.name } },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: service.name,
              image: `${service.name}:latest`,
              ports: [{ name: 'http', containerPort: service.port }],
              env: [
                ...[...credentials.keys()].map(name => ({
                  name,
                  valueFrom: { secretKeyRef: { name: secretName, key: name } },
                })),
                ...[...clusterEnv.keys()].map(name => ({
                  name,
                  valueFrom: {
                    configMapKeyRef: { name: configMapName, key: name },
                  },
                })),
              ],
              // /livez: the process is up; /readyz: every dependency answers.
              readinessProbe: {
                httpGet: { path: '/readyz', port: 'http' },
                periodSeconds: 10,
                timeoutSeconds: 3,
              },
              livenessProbe: {
                httpGet: { path: '/livez', port: 'http' },
                periodSeconds: 10,
                timeoutSeconds: 3,
              },
            },
          ],
        },
      },
    },
  });
  yaml.set(WIRING_FILES.service, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: service.name, labels },
    spec: {
      selector: { app: service.name },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    },
  });

  yaml.set(WIRING_FILES.catalogInfo, {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service.name,
      ...(service.description ? { description: service.description } : {}),
      annotations: {
        [ANNOTATION_TECHSTACK_USES]: usesOf(stack),
        'backstage.io/kubernetes-id': service.name,
      },
      ...(service.language
        ? { tags: [service.language.toLocaleLowerCase('en-US')] }
        : {}),
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: service.owner,
      ...(service.system ? { system: service.system } : {}),
    },
  });

  return {
    yaml,
    comments,
    text,
    env: [...credentials.values(), ...localEnv.values()],
    uses: usesOf(stack),
    services: [service.name, ...all.keys()],
    recipes,
    missing,
    warnings,
  };
}
