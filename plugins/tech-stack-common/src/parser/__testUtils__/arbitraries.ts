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
