/*
 * Benchmark of the guide parser against markdown-it's bare parse: a typical
 * (generated) guide, then an adversarial set, one hostile construct at a time
 * at 100 KB, 1 MB and 5 MB. For each it prints ms per MB of both, and the
 * growth from 1 MB to 5 MB (linear: about 5x; target <= 6x, and every 5 MB
 * input parsed in under 2 s).
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs bench/parser.bench.ts [--adversarial-only]
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import MarkdownIt from 'markdown-it';
import { parseGuide } from '../plugins/tech-stack-common/src/parser/parseGuide';
import {
  ADVERSARIAL_CONSTRUCTS,
  adversarialGuide,
} from '../plugins/tech-stack-common/src/parser/__testUtils__/adversarial';

const ROWS = 5000;
const WARMUP = 5;
const RUNS = 11;

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KNOWN = [
  'Apache Kafka',
  'Kafka',
  'PostgreSQL',
  'Postgres',
  'Redis',
  'Flink',
  'Lambda@Edge',
  'Weights & Biases',
  'TensorRT-LLM',
  'Cloudflare',
  'AWS',
  'GCP',
  'Azure',
  'Grafana',
  'Prometheus',
  'Loki/ELK',
  'GPT-4o/o1',
  '[Valkey](https://valkey.io)',
  'Anomaly Detection',
];

/** Builds a ~300 KB guide with `rows` table rows, multi-tool cells and a mermaid block. */
function generateGuide(rows: number): string {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(next() * list.length)];
  const tool = () =>
    next() < 0.3 ? pick(KNOWN) : `Tool${Math.floor(next() * 3000)}`;
  const cell = () => {
    const count = 1 + Math.floor(next() * 3);
    return Array.from({ length: count }, tool).join(
      pick([', ', ', ', ' + ', '/']),
    );
  };
  const lines = ['# Generated Technology Guide', '', 'A benchmark guide.', ''];
  const sections = 10;
  const groups = 5;
  const perTable = Math.ceil(rows / (sections * groups));
  let written = 0;
  for (let s = 0; s < sections; s++) {
    lines.push(`## Section ${s}`, '');
    if (s === 3) {
      lines.push('```mermaid', 'graph LR');
      for (let g = 0; g < 5; g++) {
        lines.push(`  subgraph G${g}["Diagram Layer ${g}"]`);
        for (let n = 0; n < 8; n++)
          lines.push(`    N${g}_${n}[${pick(['Metrics - ', ''])}${tool()}]`);
        lines.push('  end');
      }
      lines.push('  P[Producers] --> N0_0 --> C[Consumers]', '```', '');
    }
    for (let g = 0; g < groups && written < rows; g++) {
      lines.push(
        `### Group ${s}.${g}`,
        '',
        '| Layer | Recommended | Alternatives | Notes |',
        '|---|---|---|---|',
      );
      for (let r = 0; r < perTable && written < rows; r++, written++) {
        lines.push(
          `| **Layer ${s}.${g}.${r}** | ${cell()} | ${cell()} | n${r} |`,
        );
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median times of `a` and `b`, after warm-up. Runs are interleaved so that
 * load from other processes on the machine affects both alike.
 */
function measurePair(a: () => unknown, b: () => unknown): [number, number] {
  for (let i = 0; i < WARMUP; i++) {
    a();
    b();
  }
  const timesA: number[] = [];
  const timesB: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    a();
    timesA.push(performance.now() - start);
    start = performance.now();
    b();
    timesB.push(performance.now() - start);
  }
  return [median(timesA), median(timesB)];
}

/** The typical guide: parseGuide against md.parse; true when within the 2x target. */
function typicalGuide(): boolean {
  const guide = generateGuide(ROWS);
  const seed = readFileSync(
    resolve(__dirname, '../examples/technology-stack-guide.md'),
    'utf8',
  );
  const md = new MarkdownIt();

  const [bare, full] = measurePair(
    () => md.parse(guide, {}),
    () => parseGuide(guide),
  );
  const [seedBare, seedFull] = measurePair(
    () => md.parse(seed, {}),
    () => parseGuide(seed),
  );
  const model = parseGuide(guide);
  const ratio = full / bare;

  const row = (label: string, value: string) =>
    `${label.padEnd(34)}${value.padStart(14)}`;
  console.log(row('guide size', `${(guide.length / 1024).toFixed(0)} KB`));
  console.log(row('table rows', String(ROWS)));
  console.log(
    row(
      'technologies / warnings',
      `${model.technologies.length} / ${model.warnings.length}`,
    ),
  );
  console.log(
    row(`markdown-it md.parse (median of ${RUNS})`, `${bare.toFixed(2)} ms`),
  );
  console.log(row(`parseGuide (median of ${RUNS})`, `${full.toFixed(2)} ms`));
  console.log(row('ratio parseGuide / md.parse', `${ratio.toFixed(2)}x`));
  console.log(row('target', '<= 2.00x'));
  console.log(row('seed md.parse', `${seedBare.toFixed(3)} ms`));
  console.log(row('seed parseGuide', `${seedFull.toFixed(3)} ms`));
  return ratio <= 2;
}

// A full garbage collection before each timed run, so that no run pays for
// the garbage of the one before (the 5 MB inputs leave a lot of it).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SIZES = [100 * 1024, 1024 * 1024, 5 * 1024 * 1024];
const MB = 1024 * 1024;

/**
 * Best (smallest) times of `a` and `b` over `runs` interleaved runs, after
 * one warm-up call each. The best time is the one least disturbed by other
 * processes and by garbage collection left over from earlier inputs.
 */
function bestPair(
  a: () => unknown,
  b: () => unknown,
  runs: number,
): [number, number] {
  a();
  b();
  let bestA = Infinity;
  let bestB = Infinity;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    let start = performance.now();
    a();
    bestA = Math.min(bestA, performance.now() - start);
    collectGarbage();
    start = performance.now();
    b();
    bestB = Math.min(bestB, performance.now() - start);
  }
  return [bestA, bestB];
}

/**
 * The adversarial set: for each construct and size, parseGuide and
 * md.parse of the same input (interleaved, best of 3 after a warm-up).
 * True when every construct meets both targets.
 */
function adversarialSet(): boolean {
  const md = new MarkdownIt();
  let ok = true;
  const cell = (value: string, width: number) => value.padStart(width);
  console.log('');
  console.log(
    `${'adversarial construct'.padEnd(24)}${cell('size', 8)}${cell(
      'md ms/MB',
      10,
    )}${cell('parse ms/MB', 12)}${cell('parse ms', 10)}${cell('warnings', 10)}`,
  );
  for (const construct of ADVERSARIAL_CONSTRUCTS) {
    const parseMs: number[] = [];
    for (const size of SIZES) {
      const input = adversarialGuide(construct, size);
      const [bare, full] = bestPair(
        () => md.parse(input, {}),
        () => parseGuide(input),
        3,
      );
      parseMs.push(full);
      const warnings = parseGuide(input).warnings.length;
      const mb = input.length / MB;
      console.log(
        `${construct.padEnd(24)}${cell(
          size >= MB ? `${size / MB} MB` : `${size / 1024} KB`,
          8,
        )}${cell((bare / mb).toFixed(0), 10)}${cell(
          (full / mb).toFixed(0),
          12,
        )}${cell(full.toFixed(0), 10)}${cell(String(warnings), 10)}`,
      );
    }
    const growth = parseMs[2] / parseMs[1];
    const meets = growth <= 6 && parseMs[2] < 2000;
    ok &&= meets;
    console.log(
      `${construct.padEnd(24)}${cell('growth 5 MB / 1 MB', 30)}${cell(
        `${growth.toFixed(2)}x`,
        10,
      )}  ${meets ? 'meets' : 'MISSES'} (<= 6x, 5 MB < 2000 ms)`,
    );
  }
  return ok;
}

const typicalOk = process.argv.includes('--adversarial-only')
  ? true
  : typicalGuide();
const adversarialOk = adversarialSet();
process.exitCode = typicalOk && adversarialOk ? 0 : 1;
