/*
 * Scaffolder benchmark of the Tech Stack scaffolder module.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/scaffolder.bench.ts [runs]
 *
 * Starts the real scaffolder backend with our module and a catalog holding the
 * Technology entities of the example guide, then measures in one run, with
 * dry runs of the "Service on the recommended stack (TypeScript)" template:
 *   (a) the template as shipped: fetch:template, tech-stack:resolve,
 *       tech-stack:wire, tech-stack:publish-local;
 *   (b) the same template whose files are plain fetch:template content: the
 *       output of (a) pre-rendered into the content folder, with the
 *       resolve and wire steps removed.
 * Warm-up, then runs (default 9) alternating (a) and (b); prints the medians
 * and the ratio (a)/(b); the target is <= 1.2.
 *
 * First, hostile input through the module's text handling (YAML writing,
 * placeholders, env files) at 1 MB and 5 MB: ms per MB and the growth from
 * 1 MB to 5 MB (linear: about 5x). The hand-written YAML writer this module
 * had before took 3.5 s on a 30-character string of dashes and 94 s on 34.
 */
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import scaffolderModuleTechStack from '@techstack/plugin-scaffolder-backend-module-tech-stack';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse } from 'yaml';
import { mergeEnv } from '../plugins/scaffolder-backend-module-tech-stack/src/wire/mergeEnv';
import { renderPlaceholders } from '../plugins/scaffolder-backend-module-tech-stack/src/wire/renderPlaceholders';
import { toYaml } from '../plugins/scaffolder-backend-module-tech-stack/src/wire/toYaml';

const RUNS = Math.max(5, Number(process.argv[2] ?? 9));
const WARMUP = 3;
const ROOT = path.resolve(__dirname, '..');
const TEMPLATE_DIR = path.join(ROOT, 'examples/templates/service-typescript');

type File = { path: string; base64Content: string };

function readDir(dir: string, prefix: string): File[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const rel = `${prefix}/${entry.name}`;
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? readDir(full, rel)
      : [
          {
            path: rel,
            base64Content: fs.readFileSync(full).toString('base64'),
          },
        ];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Hostile strings of about `bytes` characters, per function under test. */
const HOSTILE: Array<[string, (bytes: number) => void]> = [
  [
    'toYaml: dashes between words',
    n => toYaml({ key: `a${'--'.repeat(n / 2)}!` }),
  ],
  [
    'toYaml: "a-" repeated, then ":"',
    n => toYaml({ [`${'a-'.repeat(n / 2)}:`]: 'x' }),
  ],
  [
    'renderPlaceholders: "{{ " repeated, one close',
    n => renderPlaceholders(`${'{{ '.repeat(n / 3)}}}`, { name: 'x' }),
  ],
  [
    'renderPlaceholders: unclosed "{{"',
    n => renderPlaceholders('{{'.repeat(n / 2), { name: 'x' }),
  ],
  [
    'mergeEnv: blank lines and spaces',
    n =>
      mergeEnv(`${' '.repeat(n / 2)}\n`.repeat(2) + 'x'.repeat(n / 2), [
        { key: 'A', value: 'b' },
      ]),
  ],
];

function timeOf(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

function adversarial() {
  const MB = 1024 * 1024;
  console.log('hostile input (median of 5):');
  for (const [label, run] of HOSTILE) {
    const at = (bytes: number) =>
      median([0, 1, 2, 3, 4].map(() => timeOf(() => run(bytes))));
    run(MB); // warm-up
    const one = at(MB);
    const five = at(5 * MB);
    console.log(
      `  ${label.padEnd(48)} 1 MB: ${one.toFixed(1)} ms, 5 MB: ${five.toFixed(
        1,
      )} ms (${(five / 5).toFixed(1)} ms/MB), growth ${(five / one).toFixed(
        1,
      )}x (linear: ~5x)`,
    );
  }
}

async function main() {
  adversarial();
  const guide = parseGuide(
    fs.readFileSync(
      path.join(ROOT, 'examples/technology-stack-guide.md'),
      'utf8',
    ),
  );
  const entities = guideToTechnologyEntities(guide, {
    owner: 'group:default/platform-team',
    guideId: 'main',
    sourceLocation: 'examples/technology-stack-guide.md',
  });
  const publishDir = createMockDirectory();
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderModuleTechStack,
      catalogServiceMock.factory({ entities }),
      mockServices.rootConfig.factory({
        data: {
          techStack: { scaffolder: { localPublishDir: publishDir.path } },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const url = `http://localhost:${port}/api/scaffolder/v2/dry-run`;

  const values = {
    name: 'orders',
    description: 'Takes orders',
    owner: 'group:default/team-a',
    system: 'system:default/commerce',
    stack: {
      Relational: 'postgresql',
      'Key-Value': 'redis',
      'Message Broker': 'apache-kafka',
      Metrics: 'prometheus',
      Traces: 'jaeger',
      Logs: 'loki',
      Analysis: 'grafana',
    },
  };

  async function dryRun(template: unknown, directoryContents: File[]) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: mockCredentials.user.header(),
      },
      body: JSON.stringify({ template, values, directoryContents }),
    });
    const body = await response.json();
    const elapsed = performance.now() - started;
    if (response.status !== 200) {
      throw new Error(
        `dry run failed (${response.status}): ${JSON.stringify(
          body.error ?? body,
        )}`,
      );
    }
    return { elapsed, body: body as { directoryContents: File[] } };
  }

  // (a) the template as shipped.
  const wired = parse(
    fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
  );
  const wiredContents = readDir(path.join(TEMPLATE_DIR, 'content'), 'content');

  // (b) the same output, pre-rendered as plain template content.
  const { body: reference } = await dryRun(wired, wiredContents);
  const plainContents = reference.directoryContents.map(file => ({
    path: `content/${file.path}`,
    base64Content: file.base64Content,
  }));
  const plain = structuredClone(wired);
  plain.metadata.name = 'service-typescript-plain';
  plain.spec.steps = plain.spec.steps.filter(
    (step: { action: string }) =>
      !['tech-stack:resolve', 'tech-stack:wire'].includes(step.action),
  );
  plain.spec.output = {
    links: [
      {
        title: 'Open in catalog',
        icon: 'catalog',
        entityRef: "${{ steps['publish'].output.entityRef }}",
      },
    ],
  };

  // Same output files in both (paths).
  const { body: plainResult } = await dryRun(plain, plainContents);
  const pathsA = reference.directoryContents.map(f => f.path).sort();
  const pathsB = plainResult.directoryContents.map(f => f.path).sort();
  if (JSON.stringify(pathsA) !== JSON.stringify(pathsB)) {
    throw new Error(
      `outputs differ: ${pathsA.join(',')} vs ${pathsB.join(',')}`,
    );
  }

  for (let i = 0; i < WARMUP; i++) {
    await dryRun(wired, wiredContents);
    await dryRun(plain, plainContents);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    a.push((await dryRun(wired, wiredContents)).elapsed);
    b.push((await dryRun(plain, plainContents)).elapsed);
  }
  await backend.stop();

  const ma = median(a);
  const mb = median(b);
  const fmt = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`files generated: ${pathsA.length} (${pathsA.join(', ')})`);
  console.log(
    `(a) template with tech-stack:resolve + tech-stack:wire: median ${fmt(
      ma,
    )} of ${RUNS} [${a.map(x => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `(b) same files as plain fetch:template content:        median ${fmt(
      mb,
    )} of ${RUNS} [${b.map(x => x.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `ratio (a)/(b): ${(ma / mb).toFixed(2)}x (target <= 1.2x) ${
      ma / mb <= 1.2 ? 'OK' : 'OVER'
    }`,
  );
  process.exit(0);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
