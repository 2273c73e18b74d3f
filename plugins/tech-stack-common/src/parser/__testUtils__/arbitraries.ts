import fc from 'fast-check';

const word = fc.constantFrom(
  'Kafka',
  'Apache Kafka',
  'Postgres',
  'PostgreSQL',
  'Redis',
  'Lambda@Edge',
  'Weights & Biases',
  'GPT-4o/o1',
  'Loki/ELK',
  'AWS, GCP',
  'Kafka + Compact Topics',
  'Producers',
  '**Bold**',
  '[Link](https://x.io)',
  'C++',
  'C#',
  '数据库',
  '🛠️',
  'ðŸ› ï¸',
  '&amp;',
  '—',
  '',
  ' ',
  '|',
  '`code`',
  'Anomaly Detection',
  'a very long sentence that is clearly prose and not a name.',
);
const text = fc.oneof(word, fc.string({ maxLength: 12 }));
const heading = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.oneof(text, fc.constantFrom('Adopt', 'Trial', 'Hold')),
  )
  .map(([level, title]) => `${'#'.repeat(level)} ${title}`);
const header = fc.constantFrom(
  'Layer',
  'Recommended',
  'Alternatives',
  'Tools',
  'Best For',
  'Ring',
  'Adopt',
  'Hold',
  'Framework',
  'x',
);
const table = fc
  .tuple(
    fc.array(header, { minLength: 1, maxLength: 5 }),
    fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 4 }),
  )
  .map(([headers, rows]) =>
    [
      `| ${headers.join(' | ')} |`,
      `|${headers.map(() => '---').join('|')}|`,
      ...rows.map(r => `| ${r.join(' | ')} |`),
    ].join('\n'),
  );
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), text), {
    minLength: 1,
    maxLength: 6,
  })
  .map(items =>
    items.map(([depth, item]) => `${'  '.repeat(depth)}- ${item}`).join('\n'),
  );
const mermaid = fc
  .array(
    fc.oneof(
      text.map(t => `A[${t}] --> B[${t}]`),
      text.map(t => `subgraph S["${t}"]`),
      fc.constant('end'),
      text.map(t => `N${t.length}[Layer - ${t}]`),
      text,
    ),
    { maxLength: 6 },
  )
  .map(lines => ['```mermaid', 'graph LR', ...lines, '```'].join('\n'));
const block = fc.oneof(
  heading,
  table,
  list,
  mermaid,
  text,
  fc.constant('---\na: [\n---'),
);

/** Arbitrary markdown-ish guides: headings, tables, lists, diagrams and junk. */
export function guideDocument(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(block, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'))
    .map(([blocks, eol]) => blocks.join('\n\n').replace(/\n/g, eol));
}

/** Names a hostile guide uses: HTML payloads, prototype keys, invisible and right-to-left characters. */
export const HOSTILE_NAMES = [
  '<svg onload=alert(1)>',
  '<script>alert(1)</script>Kafka',
  '<img src=x onerror=alert(1)>',
  'Redis<br>Valkey',
  'Kafka<BR/>Flink',
  'Jaeger<br />Tempo',
  '<b>Bold</b> Tool',
  '<!-- hidden -->Grafana',
  '<a href="javascript:alert(1)">Link</a>',
  'a < b',
  'x > y',
  '&lt;b&gt;Entity&lt;/b&gt;',
  '[js](javascript:alert(1))',
  '[data](data:text/html,<script>alert(1)</script>)',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  '\u202eevil\u202c',
  'zero\u200bwidth',
  '\u200f\u200e',
  'Ꭿ𝐀𝔸',
];

const runChar = fc.constantFrom(
  ' ',
  '-',
  '—',
  '/',
  '+',
  '*',
  '(',
  '|',
  ':',
  '.',
  '\t',
  '<br>',
  '<',
  '#',
  '&',
);

/** A run of one separator-like character between two words: the shape that made patterns backtrack. */
function hostileRun(maxRun: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof(word, fc.constantFrom(...HOSTILE_NAMES)),
      runChar,
      fc.integer({ min: 0, max: maxRun }),
      fc.oneof(word, fc.constantFrom(...HOSTILE_NAMES)),
    )
    .map(([a, char, count, b]) => `${a}${char.repeat(count)}${b}`);
}

function hostileBlock(maxRun: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    hostileRun(maxRun),
    fc.constantFrom(...HOSTILE_NAMES),
    text,
  );
  return fc.oneof(
    fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), header)
      .map(([cells, head]) =>
        [
          `| Layer | ${head} |`,
          '|---|---|',
          `| ${cells[0]} | ${cells.slice(1).join(', ') || cells[0]} |`,
        ].join('\n'),
      ),
    piece.map(p => `- ${p}`),
    fc
      .tuple(fc.integer({ min: 1, max: 4 }), piece)
      .map(([level, p]) => `${'#'.repeat(level)} ${p}`),
    fc
      .tuple(
        fc.constantFrom(
          (p: string) => `subgraph a [${p}`,
          (p: string) => `subgraph S["${p}"]`,
          (p: string) => `A[${p}] --> B`,
          (p: string) => `A -- ${p} --> B[x]`,
          (p: string) => `N[Layer - ${p}]`,
          (p: string) => `C@{ label: "${p}" }`,
          (p: string) => `graph ${p}`,
        ),
        piece,
      )
      .map(([line, p]) =>
        ['```mermaid', 'graph LR', line(p), 'end', '```'].join('\n'),
      ),
    fc
      .tuple(fc.integer({ min: 1, max: 40 }), piece)
      .map(([depth, p]) =>
        Array.from(
          { length: depth },
          (_, i) => `${'  '.repeat(i)}- ${i % 2 ? '> ' : ''}${p}`,
        ).join('\n'),
      ),
  );
}

/**
 * Hostile guides for the fuzz test and `bench/fuzz.bench.ts`: the
 * markdown-ish guides of {@link guideDocument} mixed with adversarial shapes
 * (long runs of separators, HTML payloads, prototype keys, deep nesting,
 * hostile diagram lines) and random bytes. `maxRun` bounds the runs.
 */
export function hostileGuide(maxRun = 2_000): fc.Arbitrary<string> {
  const blocks = fc.array(fc.oneof(block, hostileBlock(maxRun)), {
    maxLength: 10,
  });
  return fc.oneof(
    { arbitrary: blocks.map(b => `# Guide\n\n${b.join('\n\n')}`), weight: 6 },
    { arbitrary: guideDocument(), weight: 2 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 400 }), weight: 1 },
    {
      arbitrary: fc
        .tuple(blocks, fc.string({ unit: 'binary', maxLength: 100 }))
        .map(([b, bytes]) => `# Guide\n\n${b.join('\n\n')}\n${bytes}`),
      weight: 1,
    },
  );
}
