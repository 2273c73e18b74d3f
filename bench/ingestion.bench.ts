/*
 * Ingestion benchmark of the Tech Stack catalog module.
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/ingestion.bench.ts [count]
 *
 * Generates a guide with `count` (default 5,000) technologies and measures, in
 * one run, with the real catalog backend on in-memory SQLite:
 *   (a) backend start until all technologies are queryable through the
 *       catalog API, ingested by the guide entity provider;
 *   (b) the same, for the same entities written as one static multi-document
 *       YAML `file` location (our module loaded so the kind validates).
 * Prints both and the ratio (a)/(b); the target is <= 1.0.
 */
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  guideToTechnologyEntities,
  parseGuide,
} from '@techstack/plugin-tech-stack-common';
import { stringify } from 'yaml';
import catalogModuleTechStack from '@techstack/plugin-catalog-backend-module-tech-stack';

const COUNT = Number(process.argv[2] ?? 5000);
const PER_ROW = 4;
const ROWS_PER_SECTION = 50;
const TIMEOUT_MS = 10 * 60_000;

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** A unique, product-like single-word name for index `i` (`Bakore`, …). */
function productName(i: number): string {
  let n = i;
  let word = '';
  do {
    word +=
      CONSONANTS[n % CONSONANTS.length] +
      VOWELS[Math.floor(n / CONSONANTS.length) % VOWELS.length];
    n = Math.floor(n / (CONSONANTS.length * VOWELS.length));
  } while (n > 0);
  word += 'x';
  return word[0].toUpperCase() + word.slice(1);
}

function generateGuide(count: number): string {
  const lines = [
    '# Generated Technology Stack Guide',
    '',
    'Benchmark input.',
    '',
  ];
  let i = 0;
  let section = 0;
  while (i < count) {
    section++;
    lines.push(
      `## Area ${section}`,
      '',
      '| Layer | Recommended | Alternatives |',
      '|-------|-------------|--------------|',
    );
    for (let row = 1; row <= ROWS_PER_SECTION && i < count; row++) {
      const names: string[] = [];
      for (let k = 0; k < PER_ROW && i < count; k++) {
        names.push(productName(i++));
      }
      const half = Math.ceil(names.length / 2);
      lines.push(
        `| **Layer ${section}.${row}** | ${names
          .slice(0, half)
          .join(', ')} | ${names.slice(half).join(', ')} |`,
      );
    }
    lines.push('', '---', '');
  }
  return lines.join('\n');
}

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(1)} s`;
}

async function measure(
  label: string,
  expected: number,
  config: object,
): Promise<number> {
  const start = Date.now();
  console.log(`[${label}] starting backend`);
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleTechStack,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  console.log(
    `[${label}] backend started after ${seconds(Date.now() - start)}`,
  );
  const url = `http://localhost:${backend.server.port()}/api/catalog/entities/by-query?filter=kind=technology&limit=1`;
  let lastLog = 0;
  try {
    for (;;) {
      const response = await fetch(url, {
        headers: { Authorization: mockCredentials.user.header() },
      });
      const body = await response.json();
      const total = Number(body.totalItems ?? 0);
      const elapsed = Date.now() - start;
      if (total >= expected) {
        console.log(
          `[${label}] ${total}/${expected} queryable after ${seconds(elapsed)}`,
        );
        return elapsed;
      }
      if (elapsed - lastLog >= 5000) {
        lastLog = elapsed;
        console.log(
          `[${label}] ${total}/${expected} after ${seconds(elapsed)}`,
        );
      }
      if (elapsed > TIMEOUT_MS) {
        throw new Error(
          `[${label}] gave up after ${seconds(
            elapsed,
          )} at ${total}/${expected}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  } finally {
    await backend.stop();
  }
}

async function main() {
  const dir = createMockDirectory();
  const guide = generateGuide(COUNT);
  const entities = guideToTechnologyEntities(parseGuide(guide), {
    owner: 'group:default/platform-team',
    guideId: 'bench',
  });
  if (entities.length !== COUNT) {
    throw new Error(
      `The generated guide parses to ${entities.length} technologies, expected ${COUNT}`,
    );
  }
  dir.setContent({
    'guide.md': guide,
    'technologies.yaml': entities.map(e => stringify(e)).join('---\n'),
    'warmup.md': generateGuide(20),
  });
  console.log(
    `Generated a guide with ${COUNT} technologies (${(
      guide.length / 1024
    ).toFixed(0)} KiB)`,
  );

  // Warm-up: load and transpile every module once, so neither measurement pays for it.
  await measure('warm-up', 20, {
    techStack: { guides: [{ id: 'warmup', target: dir.resolve('warmup.md') }] },
  });

  const provider = await measure('a: entity provider', COUNT, {
    techStack: { guides: [{ id: 'bench', target: dir.resolve('guide.md') }] },
  });
  const file = await measure('b: static YAML file', COUNT, {
    catalog: {
      locations: [
        {
          type: 'file',
          target: dir.resolve('technologies.yaml'),
          rules: [{ allow: ['Technology'] }],
        },
      ],
    },
  });

  console.log('');
  console.log(`(a) entity provider: ${seconds(provider)}`);
  console.log(`(b) static YAML file location: ${seconds(file)}`);
  console.log(`ratio (a)/(b): ${(provider / file).toFixed(2)} (target <= 1.0)`);
  dir.remove();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
