import type { GuideModel } from '../model';
import {
  headingLine,
  listItemLine,
  mermaidSubgraphLine,
  tableCellLine,
} from './__testUtils__/adversarial';
import {
  MAX_CELL_LENGTH,
  MAX_FRONT_MATTER_LENGTH,
  MAX_HEADING_LENGTH,
  MAX_LINE_LENGTH,
  MAX_WARNINGS,
} from './limits';
import { parseGuide } from './parseGuide';
import { itemNameEnd, splitLayerTool } from './separators';

const titles = (model: GuideModel) => model.technologies.map(t => t.title);
const layers = (model: GuideModel) =>
  model.sections.flatMap(s => s.layers.map(l => l.title));
const warningsAt = (model: GuideModel, line: number) =>
  model.warnings.filter(w => w.line === line).map(w => w.message);

function table(...rows: string[]): string {
  return [
    '# Guide',
    '',
    '## Data',
    '',
    '| Layer | Recommended |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('parseGuide caps', () => {
  it('cuts a table row of 20,000 spaces at the line cap, naming the line', () => {
    const model = parseGuide(table(tableCellLine(20_000)));
    expect(warningsAt(model, 7)).toContain(
      `line longer than ${MAX_LINE_LENGTH} characters; cut after ${MAX_LINE_LENGTH}: "| Layer | Kafka${' '.repeat(
        42,
      )}..."`,
    );
  });

  it('reads a cell with a long run of spaces between two words as one name', () => {
    const model = parseGuide(
      table(`| Streams | Kafka${' '.repeat(1_500)}Flink |`),
    );
    expect(titles(model)).toEqual(['Kafka Flink']);
    expect(model.warnings).toEqual([]);
  });

  it('trims a long run of spaces and dots after a name', () => {
    const model = parseGuide(
      table(`| Streams | Kafka${' .'.repeat(700)}, Flink${' '.repeat(900)}: |`),
    );
    expect(titles(model)).toEqual(['Kafka', 'Flink']);
  });

  it('splits a name with a long note at its parenthesis', () => {
    const model = parseGuide(
      table(`| Streams | DuckDB${' '.repeat(1_500)}(embedded) |`),
    );
    expect(titles(model)).toEqual(['DuckDB']);
    expect(model.technologies[0].placements[0].description).toBe('embedded');
  });

  it('cuts a cell longer than the cell cap, with a warning', () => {
    const model = parseGuide(
      table(`| Streams | Kafka, ${'x'.repeat(MAX_CELL_LENGTH)}, Flink |`),
    );
    expect(titles(model)).toEqual(['Kafka']);
    expect(warningsAt(model, 7)).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^table cell longer than ${MAX_CELL_LENGTH} characters; cut: "Kafka, x+\\.\\.\\."$`,
        ),
      ),
    );
  });

  it('cuts a list item of 20,000 dashes and reports the cut', () => {
    const model = parseGuide(
      `# Guide\n\n## Tools\n\n${listItemLine(20_000, true)}\n`,
    );
    expect(titles(model)).toEqual([]);
    const messages = warningsAt(model, 5);
    expect(messages[0]).toMatch(/^line longer than 10000 characters; cut/);
    expect(messages).toContainEqual(
      expect.stringMatching(/^list item longer than 2000 characters; cut/),
    );
  });

  it('ends a list item name at a dash after a long run of spaces', () => {
    const model = parseGuide(
      `# Guide\n\n## Tools\n\n- Kafka${' '.repeat(1_900)}- the event log\n`,
    );
    expect(titles(model)).toEqual(['Kafka']);
    expect(model.technologies[0].description).toBe('the event log');
  });

  it('cuts a heading longer than the heading cap, with a warning', () => {
    const long = `Data ${'x'.repeat(MAX_HEADING_LENGTH + 50)}`;
    const model = parseGuide(`# Guide\n\n## ${long}\n\n- Kafka\n`);
    expect(model.sections[0].title).toBe(long.slice(0, MAX_HEADING_LENGTH));
    expect(warningsAt(model, 3)).toEqual([
      `heading longer than ${MAX_HEADING_LENGTH} characters; cut: "Data ${'x'.repeat(
        52,
      )}..."`,
    ]);
  });

  it('reads a heading of 20,000 spaces and punctuation, cut', () => {
    const model = parseGuide(`# Guide\n\n${headingLine(8_000)}\n\n- Kafka\n`);
    expect(model.sections[0].title).toMatch(/^Data Layer!+$/);
    expect(model.sections[0].title.length).toBeLessThanOrEqual(
      MAX_HEADING_LENGTH,
    );
  });

  it('reads a ring heading whose punctuation runs are long', () => {
    const model = parseGuide(
      `# Guide\n\n## Data\n\n### 🟢${' !'.repeat(60)} Hold ${'!'.repeat(
        100,
      )}\n\n- Kafka\n`,
    );
    expect(model.technologies[0].ring).toBe('hold');
  });

  it('reports at most MAX_WARNINGS warnings and how many more there were', () => {
    const items = Array.from(
      { length: MAX_WARNINGS + 10 },
      () => '- Producers',
    );
    const model = parseGuide(`# Guide\n\n## Tools\n\n${items.join('\n')}\n`);
    expect(model.warnings).toHaveLength(MAX_WARNINGS + 1);
    expect(model.warnings[MAX_WARNINGS].message).toBe(
      `10 more warnings not shown (at most ${MAX_WARNINGS} are reported)`,
    );
  });

  it('ignores front matter longer than its cap, with a warning', () => {
    const yaml = `title: x\nnote: ${'y'.repeat(MAX_FRONT_MATTER_LENGTH)}\n`;
    const model = parseGuide(`---\n${yaml}---\n# Guide\n`);
    expect(model.frontMatter).toBeUndefined();
    expect(model.warnings[0].message).toBe(
      `front matter longer than ${MAX_FRONT_MATTER_LENGTH} characters; ignored`,
    );
  });
});

describe('parseGuide on hostile diagrams', () => {
  const diagram = (...lines: string[]) =>
    [
      '# Guide',
      '',
      '## Flow',
      '',
      '```mermaid',
      'graph LR',
      ...lines,
      '```',
      '',
    ].join('\n');

  it('reads a subgraph line of 3,000 spaces (the 23-second line)', () => {
    const model = parseGuide(
      diagram(mermaidSubgraphLine(3_000), 'K[Kafka]', 'end'),
    );
    expect(titles(model)).toEqual(['Kafka']);
    expect(layers(model)).toEqual(['a [ x']);
  });

  it('cuts a subgraph name longer than the heading cap, once', () => {
    const model = parseGuide(
      diagram(
        `subgraph a [${' '.repeat(3_000)}${'x'.repeat(400)}`,
        'K[Kafka]',
        'R[Redis]',
        'end',
      ),
    );
    expect(layers(model)).toEqual([
      `a [ ${'x'.repeat(MAX_HEADING_LENGTH - 4)}`,
    ]);
    expect(
      model.warnings.filter(w =>
        w.message.startsWith(
          `diagram subgraph name longer than ${MAX_HEADING_LENGTH}`,
        ),
      ),
    ).toHaveLength(1);
  });

  it('reads a labelled subgraph with spaces around a quoted label', () => {
    const model = parseGuide(
      diagram(
        `subgraph S [ ${' '.repeat(2_000)}"Streaming"${' '.repeat(2_000)} ]`,
        'K[Kafka]',
        'end',
      ),
    );
    expect(layers(model)).toEqual(['Streaming']);
  });

  it('reads a node label with a long run of spaces around the layer dash', () => {
    const model = parseGuide(
      diagram(`M[Metrics${' '.repeat(900)}-${' '.repeat(900)}Prometheus]`),
    );
    expect(titles(model)).toEqual(['Prometheus']);
    expect(layers(model)).toEqual(['Metrics']);
  });

  it('reports an unclosed node label of 3,000 spaces as prose, not a stall', () => {
    const model = parseGuide(
      diagram(`A[${' '.repeat(3_000)}x${' '.repeat(3_000)}`),
    );
    expect(titles(model)).toEqual(['x']);
  });

  it('reads an edge with a long text of dashes and spaces', () => {
    const model = parseGuide(
      diagram(`A[Kafka] -- uses${' '.repeat(3_000)}it --> B[Flink]`),
    );
    expect(titles(model)).toEqual(['Kafka', 'Flink']);
  });

  it('reads a header line with a long run of spaces', () => {
    const model = parseGuide(
      [
        '# Guide',
        '',
        '## Flow',
        '',
        '```mermaid',
        `graph${' '.repeat(5_000)}LR${' '.repeat(3_000)}\u2028`,
        'K[Kafka]',
        '```',
        '',
      ].join('\n'),
    );
    expect(titles(model)).toEqual(['Kafka']);
  });
});

describe('parseGuide on HTML in cells', () => {
  it.each([
    ['<br>', 'Redis<br>Valkey<br>Kafka'],
    ['<br/> and <BR/>', 'Redis<br/>Valkey<BR/>Kafka'],
    ['<br /> and <br  />', 'Redis<br />Valkey<br  />Kafka'],
  ])('separates tools at %s like a comma', (_, cell) => {
    const model = parseGuide(table(`| Cache | ${cell} |`));
    expect(titles(model)).toEqual(['Redis', 'Valkey', 'Kafka']);
    expect(model.warnings).toEqual([]);
  });

  it('removes other tags from names with a warning, keeping the text between them', () => {
    const model = parseGuide(
      table(
        '| Cache | <b>Redis</b>, <svg onload=alert(1)>Valkey, <i>Kafka</i> Streams |',
      ),
    );
    expect(titles(model)).toEqual(['Redis', 'Valkey', 'Kafka Streams']);
    expect(warningsAt(model, 7)).toEqual([
      'HTML <b>, </b>, <svg> removed from "Redis , Valkey, Kafka Streams"',
    ]);
  });

  it('never makes a tool of a tag split at its slash', () => {
    const model = parseGuide(table('| Cache | <svg/onload=alert(1)>Redis |'));
    expect(titles(model)).toEqual(['Redis']);
  });

  it('removes HTML and lone brackets from layer, section and group names', () => {
    const model = parseGuide(
      [
        '# Guide',
        '',
        '## <b>Data</b> <script>x</script>',
        '',
        '### a < b',
        '',
        '| Layer | Recommended |',
        '|---|---|',
        '| <i>Cache</i> > all | Redis |',
        '',
      ].join('\n'),
    );
    expect(model.sections[0].title).toBe('Data x');
    expect(model.technologies[0].placements[0]).toMatchObject({
      section: 'Data x',
      group: 'a b',
      layer: 'Cache all',
    });
  });

  it('removes escaped tags (&lt;…&gt;) that markdown decodes into tags', () => {
    const model = parseGuide(
      table('| Cache | &lt;img src=x onerror=alert(1)&gt;Redis |'),
    );
    expect(titles(model)).toEqual(['Redis']);
  });

  it('keeps < and > in descriptions', () => {
    const model = parseGuide(
      [
        '# Guide',
        '',
        '## Data',
        '',
        '| Layer | Recommended | Notes |',
        '|---|---|---|',
        '| Cache | Redis | p99 < 1 ms<br>fast |',
        '',
      ].join('\n'),
    );
    expect(model.technologies[0].description).toBe('p99 < 1 ms fast');
  });

  it('drops configured aliases holding < or >', () => {
    const model = parseGuide(table('| Cache | Redis |'), {
      aliases: { Redis: ['<b>Redis</b>', 'Valkey Compatible'] },
    });
    expect(model.technologies[0].aliases).toContain('Valkey Compatible');
    expect(model.technologies[0].aliases.join()).not.toMatch(/[<>]/);
  });
});

describe('splitLayerTool and itemNameEnd', () => {
  it.each([
    ['Metrics - Prometheus', { layer: 'Metrics', tool: 'Prometheus' }],
    ['Logs: Loki', undefined],
    ['Logs : Loki - x', { layer: 'Logs', tool: 'Loki - x' }],
    ['a -b - c', { layer: 'a -b', tool: 'c' }],
    ['Kafka', undefined],
    [`a${' '.repeat(10_000)}b`, undefined],
  ])('splits %j', (label, expected) => {
    expect(splitLayerTool(label)).toEqual(expected);
  });

  it.each([
    ['Kafka - the log', 5],
    ['Kafka: the log', 5],
    ['Kafka | x', 5],
    ['Kafka-Streams', 13],
    [`Kafka${' '.repeat(10_000)}x`, 10_006],
    [`Kafka${' '.repeat(10_000)}— x`, 5],
  ])('ends the name of %j at %d', (text, end) => {
    expect(itemNameEnd(text)).toBe(end);
  });
});

describe('links of technologies', () => {
  it('keeps http(s) and relative links, drops other schemes with a warning', () => {
    const model = parseGuide(
      table(
        '| Cache | [Redis](https://redis.io), [Valkey](docs/valkey.md), [Memcached](data:image/png;base64,AAAA), [Kafka](mailto:x@y.z) |',
      ),
    );
    expect(
      model.technologies.map(t => [t.title, t.links.map(l => l.url)]),
    ).toEqual([
      ['Redis', ['https://redis.io']],
      ['Valkey', ['docs/valkey.md']],
      ['Memcached', []],
      ['Kafka', []],
    ]);
    expect(warningsAt(model, 7)).toEqual([
      'link of "Memcached" is not http(s); not kept',
      'link of "Kafka" is not http(s); not kept',
    ]);
  });
});

describe('names that are only HTML', () => {
  it('falls back to the enclosing layer when a layer name is only markup', () => {
    const model = parseGuide(
      [
        '# Guide',
        '',
        '## Flow',
        '',
        '<b>:</b>',
        '',
        '- Kafka',
        '',
        '```mermaid',
        'graph LR',
        'N[<b> - Redis]',
        '```',
        '',
      ].join('\n'),
    );
    expect(layers(model)).toEqual(['Flow']);
    expect(titles(model)).toEqual(['Kafka', 'Redis']);
  });
});
