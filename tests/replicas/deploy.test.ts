/*
 * The Kubernetes manifests of examples/deploy: every object is valid against
 * the Kubernetes schema (kubernetes-models), the production config against
 * the example backend's config schema, the backend runs two replicas
 * with probes on the health endpoints as a non-root user, credentials come
 * from a Secret, and no ConfigMap holds one.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { loadConfigSchema } from '@backstage/config-loader';
import { JsonObject } from '@backstage/types';

const DEPLOY_DIR = path.resolve(__dirname, '../../examples/deploy');

/** A parsed Kubernetes object, with the file it came from. */
interface Manifest {
  file: string;
  object: {
    apiVersion: string;
    kind: string;
    metadata: { name: string };
    [key: string]: any;
  };
}

/** Names that hold a credential when they appear as a config key or data key. */
const CREDENTIAL_WORDS = [
  'password',
  'passwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'privatekey',
  'private_key',
  'credential',
];

function looksLikeCredential(key: string): boolean {
  const lower = key.toLowerCase();
  return CREDENTIAL_WORDS.some(word => lower.includes(word));
}

/** Every `[path, key, value]` of a parsed YAML tree, depth first. */
function* walk(
  node: unknown,
  at: string[] = [],
): Generator<[string[], string, unknown]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      yield* walk(node[i], [...at, String(i)]);
    }
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      yield [at, key, value];
      yield* walk(value, [...at, key]);
    }
  }
}

/** `${NAME}` and nothing else: a value the backend reads from its environment. */
function isEnvReference(value: unknown): boolean {
  if (
    typeof value !== 'string' ||
    !value.startsWith('${') ||
    !value.endsWith('}')
  ) {
    return false;
  }
  const name = value.slice(2, -1);
  if (name.length === 0) {
    return false;
  }
  for (const char of name) {
    const ok =
      (char >= 'A' && char <= 'Z') ||
      (char >= '0' && char <= '9') ||
      char === '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

/** The kubernetes-models class for an apiVersion and kind. */
async function modelFor(apiVersion: string, kind: string): Promise<any> {
  // The package is ESM-only ("import" condition): load it with import().
  const modules: Record<string, () => Promise<Record<string, unknown>>> = {
    v1: () => import('kubernetes-models/v1'),
    'apps/v1': () => import('kubernetes-models/apps/v1'),
    'policy/v1': () => import('kubernetes-models/policy/v1'),
  };
  const load = modules[apiVersion];
  assert.ok(load, `no schema known for apiVersion ${apiVersion}`);
  const model = (await load())[kind];
  assert.ok(model, `no schema known for ${apiVersion} ${kind}`);
  return model;
}

describe('examples/deploy', () => {
  let manifests: Manifest[] = [];
  let kustomization: { resources: string[] };

  const only = (kind: string): Manifest['object'][] =>
    manifests.filter(m => m.object.kind === kind).map(m => m.object);

  before(async () => {
    kustomization = parseYaml(
      await fs.readFile(path.join(DEPLOY_DIR, 'kustomization.yaml'), 'utf8'),
    );
    manifests = [];
    for (const file of kustomization.resources) {
      const text = await fs.readFile(path.join(DEPLOY_DIR, file), 'utf8');
      for (const doc of parseAllDocuments(text)) {
        assert.deepEqual(doc.errors, [], `${file} is not valid YAML`);
        const object = doc.toJS();
        if (object) {
          manifests.push({ file, object });
        }
      }
    }
  });

  it('lists every manifest of the folder in the kustomization', async () => {
    const files = (await fs.readdir(DEPLOY_DIR)).filter(
      f => f.endsWith('.yaml') && f !== 'kustomization.yaml',
    );
    assert.deepEqual([...kustomization.resources].sort(), files.sort());
  });

  it('holds only objects that are valid against the Kubernetes schema', async () => {
    assert.ok(manifests.length >= 5, 'expected at least five objects');
    for (const { file, object } of manifests) {
      const Model = await modelFor(object.apiVersion, object.kind);
      assert.doesNotThrow(
        () => new Model(object).validate(),
        `${file}: ${object.kind} ${object.metadata?.name} is not valid`,
      );
    }
  });

  it('rejects an invalid object (the validator is really applied)', async () => {
    const Model = await modelFor('apps/v1', 'Deployment');
    const [deployment] = only('Deployment');
    const broken = structuredClone(deployment);
    broken.spec.replicas = 'two';
    assert.throws(() => new Model(broken).validate());
  });

  it('runs the backend as two replicas with probes on the health endpoints', () => {
    const deployments = only('Deployment');
    assert.equal(deployments.length, 1);
    const [deployment] = deployments;
    assert.equal(deployment.spec.replicas, 2);
    const [container] = deployment.spec.template.spec.containers;
    assert.equal(
      container.readinessProbe.httpGet.path,
      '/.backstage/health/v1/readiness',
    );
    assert.equal(
      container.livenessProbe.httpGet.path,
      '/.backstage/health/v1/liveness',
    );
    const port = container.ports.find(
      (p: { name?: string; containerPort: number }) =>
        p.name === container.readinessProbe.httpGet.port ||
        p.containerPort === container.readinessProbe.httpGet.port,
    );
    assert.ok(port, 'the probes target a port the container declares');
    assert.ok(container.resources.requests.cpu);
    assert.ok(container.resources.requests.memory);
    assert.ok(container.resources.limits.memory);
  });

  it('runs as a non-root user without privilege escalation', () => {
    const [deployment] = only('Deployment');
    const pod = deployment.spec.template.spec;
    assert.equal(pod.securityContext.runAsNonRoot, true);
    assert.ok(pod.securityContext.runAsUser > 0);
    for (const container of pod.containers) {
      assert.equal(container.securityContext.allowPrivilegeEscalation, false);
      assert.deepEqual(container.securityContext.capabilities.drop, ['ALL']);
    }
  });

  it('exposes the replicas through a Service that selects the pods', () => {
    const [deployment] = only('Deployment');
    const [service] = only('Service');
    const podLabels = deployment.spec.template.metadata.labels;
    for (const [key, value] of Object.entries(service.spec.selector)) {
      assert.equal(podLabels[key], value, `selector ${key}`);
    }
  });

  it('takes the credentials from a Secret that exists in the manifests', () => {
    const secrets = only('Secret');
    const [deployment] = only('Deployment');
    const [container] = deployment.spec.template.spec.containers;
    const fromSecret = new Set<string>();
    for (const source of container.envFrom ?? []) {
      const secret = secrets.find(
        s => s.metadata.name === source.secretRef?.name,
      );
      assert.ok(secret, `envFrom names a Secret of the manifests`);
      Object.keys({ ...secret.data, ...secret.stringData }).forEach(k =>
        fromSecret.add(k),
      );
    }
    for (const env of container.env ?? []) {
      assert.ok(
        !looksLikeCredential(env.name) || env.valueFrom?.secretKeyRef,
        `${env.name} is a credential given as a plain value`,
      );
      if (env.valueFrom?.secretKeyRef) {
        fromSecret.add(env.name);
      }
    }
    for (const name of [
      'POSTGRES_HOST',
      'POSTGRES_PORT',
      'POSTGRES_USER',
      'POSTGRES_PASSWORD',
    ]) {
      assert.ok(fromSecret.has(name), `${name} comes from the Secret`);
    }
  });

  it('keeps no credential in any ConfigMap', () => {
    const configMaps = only('ConfigMap');
    assert.ok(configMaps.length > 0);
    for (const configMap of configMaps) {
      for (const [key, value] of Object.entries<string>(configMap.data ?? {})) {
        assert.ok(!looksLikeCredential(key), `ConfigMap data key ${key}`);
        if (!key.endsWith('.yaml') && !key.endsWith('.yml')) {
          continue;
        }
        for (const [at, field, leaf] of walk(parseYaml(value))) {
          if (looksLikeCredential(field) && typeof leaf !== 'object') {
            assert.ok(
              isEnvReference(leaf),
              `${configMap.metadata.name} ${key}: ${[...at, field].join(
                '.',
              )} must be an environment reference, not a value`,
            );
          }
        }
      }
    }
  });

  it('points the production config at PostgreSQL through environment variables', () => {
    const [configMap] = only('ConfigMap');
    const config = parseYaml(configMap.data['app-config.production.yaml']);
    const database = config.backend.database;
    assert.equal(database.client, 'pg');
    assert.deepEqual(database.connection, {
      host: '${POSTGRES_HOST}',
      port: '${POSTGRES_PORT}',
      user: '${POSTGRES_USER}',
      password: '${POSTGRES_PASSWORD}',
    });
    assert.equal(config.backend.listen.port, 7007);
    assert.ok(config.techStack.guides.length > 0, 'techStack.guides is set');
    const [deployment] = only('Deployment');
    const [container] = deployment.spec.template.spec.containers;
    assert.equal(
      container.ports.find((p: { name: string }) => p.name === 'http')
        .containerPort,
      config.backend.listen.port,
    );
  });

  it('holds a production config that the config schema of the example backend accepts', async () => {
    const [configMap] = only('ConfigMap');
    const config = parseYaml(configMap.data['app-config.production.yaml']);
    // The schemas of packages/backend and every plugin it depends on
    // (config.d.ts), the techStack keys included.
    const schema = await loadConfigSchema({ dependencies: ['backend'] });
    const validate = (data: unknown) =>
      schema.process([{ data: data as JsonObject, context: 'configmap' }], {
        visibility: ['frontend', 'backend', 'secret'],
      });
    assert.doesNotThrow(() => validate(config));
    const broken = structuredClone(config);
    broken.techStack.radar.cacheTtlSeconds = 'soon';
    assert.throws(() => validate(broken), /techStack\/radar\/cacheTtlSeconds/);
  });

  it('mounts the ConfigMap and passes it to the backend as a config file', () => {
    const [configMap] = only('ConfigMap');
    const [deployment] = only('Deployment');
    const pod = deployment.spec.template.spec;
    const volume = pod.volumes.find(
      (v: { configMap?: { name: string } }) =>
        v.configMap?.name === configMap.metadata.name,
    );
    assert.ok(volume, 'a volume holds the ConfigMap');
    const [container] = pod.containers;
    const mount = container.volumeMounts.find(
      (m: { name: string }) => m.name === volume.name,
    );
    assert.ok(mount, 'the container mounts it');
    assert.ok(
      container.args.includes(`${mount.mountPath}/app-config.production.yaml`),
      'the backend is started with the mounted config',
    );
  });

  it('keeps one replica during voluntary disruptions', () => {
    const [budget] = only('PodDisruptionBudget');
    const [deployment] = only('Deployment');
    assert.equal(budget.spec.minAvailable, 1);
    assert.deepEqual(
      budget.spec.selector.matchLabels,
      deployment.spec.selector.matchLabels,
    );
  });
});
