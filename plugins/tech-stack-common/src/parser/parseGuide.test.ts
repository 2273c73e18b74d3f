import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { GuideModel, GuideTechnology } from '../model';
import { MAX_LINE_LENGTH } from './limits';
import { parseGuide } from './parseGuide';
import { isValidSlug } from './slug';

const SEED_PATH = resolve(
  __dirname,
  '../../../../examples/technology-stack-guide.md',
);
const FIXTURES = resolve(__dirname, '__fixtures__');

function tech(model: GuideModel, slug: string): GuideTechnology {
  const found = model.technologies.find(t => t.slug === slug);
  if (!found) throw new Error(`no technology ${slug}`);
  return found;
}

function slugsInSection(model: GuideModel, title: string): Set<string> {
  const section = model.sections.find(s => s.title === title);
  return new Set(section?.layers.flatMap(l => l.entries.map(e => e.slug)));
}

function placements(model: GuideModel, slug: string) {
  return tech(model, slug).placements.map(p => ({
    section: p.section,
    group: p.group,
    layer: p.layer,
    ring: p.ring,
  }));
}

describe('parseGuide on the seed guide', () => {
  const seed = readFileSync(SEED_PATH, 'utf8');
  const model = parseGuide(seed);

  it('repairs the title and reads the description', () => {
    expect(model.title).toBe('🛠️ Technology Stack Guide');
    expect(model.description).toBe(
      'Recommended technologies for AI-age system architectures.',
    );
  });

  it('reads the seven sections in order', () => {
    expect(model.sections.map(s => s.title)).toEqual([
      'Core Infrastructure',
      'Data Layer',
      'AI/ML Infrastructure',
      'Observability',
      'Security',
      'Event-Driven Architecture',
      'Edge & CDN',
    ]);
  });

  it('counts the technologies of each section', () => {
    const counts = Object.fromEntries(
      model.sections.map(s => [s.title, slugsInSection(model, s.title).size]),
    );
    expect(counts).toEqual({
      'Core Infrastructure': 17,
      'Data Layer': 29,
      'AI/ML Infrastructure': 25,
      Observability: 12,
      Security: 12,
      'Event-Driven Architecture': 8,
      'Edge & CDN': 7,
    });
    expect(model.technologies).toHaveLength(106);
  });

  it('places PostgreSQL and CockroachDB', () => {
    expect(placements(model, 'postgresql')).toEqual([
      {
        section: 'Data Layer',
        group: 'Operational Databases',
        layer: 'Relational',
        ring: 'adopt',
      },
    ]);
    expect(tech(model, 'postgresql').line).toBe(23);
    expect(tech(model, 'postgresql').aliases).toContain('Postgres');
    expect(tech(model, 'cockroachdb').ring).toBe('trial');
  });

  it('merges Kafka into one technology with several placements', () => {
    const kafka = tech(model, 'apache-kafka');
    expect(kafka.title).toBe('Apache Kafka');
    expect(kafka.aliases).toContain('Kafka');
    expect(kafka.ring).toBe('adopt');
    expect(placements(model, 'apache-kafka')).toEqual([
      {
        section: 'Data Layer',
        group: 'Analytical Databases',
        layer: 'Real-time',
        ring: 'adopt',
      },
      {
        section: 'Event-Driven Architecture',
        group: undefined,
        layer: 'Event-Driven Architecture',
        ring: 'trial',
      },
      {
        section: 'Event-Driven Architecture',
        group: undefined,
        layer: 'Message Broker',
        ring: 'trial',
      },
      {
        section: 'Event-Driven Architecture',
        group: undefined,
        layer: 'Event Store',
        ring: 'trial',
      },
    ]);
    expect(
      model.technologies.filter(t => /kafka/i.test(t.title)).map(t => t.slug),
    ).toEqual(['apache-kafka', 'kafka-streams']);
    expect(tech(model, 'apache-flink').placements[0]).toMatchObject({
      layer: 'Real-time',
      ring: 'adopt',
    });
  });

  it('keeps Cloudflare one technology and Cloudflare Workers distinct', () => {
    expect(placements(model, 'cloudflare')).toEqual([
      {
        section: 'Core Infrastructure',
        group: undefined,
        layer: 'Cloud',
        ring: 'trial',
      },
      { section: 'Edge & CDN', group: undefined, layer: 'CDN', ring: 'trial' },
    ]);
    expect(tech(model, 'cloudflare').type).toBe('platform');
    expect(tech(model, 'cloudflare-workers').title).toBe('Cloudflare Workers');
    expect(tech(model, 'aws-api-gateway').title).toBe('AWS API Gateway');
    expect(tech(model, 'aws-secrets-manager').title).toBe(
      'AWS Secrets Manager',
    );
  });

  it('keeps names with separators whole and splits multi-tool cells', () => {
    const titles = model.technologies.map(t => t.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Lambda@Edge',
        'Weights & Biases',
        'TensorRT-LLM',
        'Loki',
        'ELK',
        'GPT-4o',
        'o1',
      ]),
    );
    expect(tech(model, 'lambda-edge').title).toBe('Lambda@Edge');
    expect(tech(model, 'weights-biases').title).toBe('Weights & Biases');
    expect(titles).not.toContain('Loki/ELK');
    expect(titles).not.toContain('Weights');
  });

  it('never splits row labels', () => {
    const layers = model.sections.flatMap(s => s.layers.map(l => l.title));
    expect(layers).toEqual(
      expect.arrayContaining(['SAST/DAST', 'Graph + Vector']),
    );
  });

  it('reads diagrams: subgraph labels, Layer - Tool labels, nodes outside subgraphs', () => {
    expect(placements(model, 'claude-3-5')).toEqual([
      {
        section: 'AI/ML Infrastructure',
        group: 'Foundation Models',
        layer: 'Cloud APIs',
        ring: 'trial',
      },
    ]);
    expect(tech(model, 'vllm').placements[0].layer).toBe('Inference');
    expect(placements(model, 'prometheus')).toEqual([
      {
        section: 'Observability',
        group: undefined,
        layer: 'Metrics',
        ring: 'trial',
      },
    ]);
    expect(tech(model, 'loki').placements[0].layer).toBe('Logs');
    expect(tech(model, 'grafana').placements[0].layer).toBe('Analysis');
    expect(tech(model, 'apache-spark').placements[0].layer).toBe(
      'Event-Driven Architecture',
    );
  });

  it('warns about generic diagram nodes instead of inventing technologies', () => {
    const titles = model.technologies.map(t => t.title);
    for (const generic of [
      'Producers',
      'Consumers',
      'Storage',
      'AI Processing',
    ]) {
      expect(titles).not.toContain(generic);
      expect(model.warnings.some(w => w.message.includes(`"${generic}"`))).toBe(
        true,
      );
    }
    expect(
      model.warnings.find(w => w.message.includes('Producers'))?.line,
    ).toBe(131);
  });

  it('reads a feature after + as a warning, not a technology', () => {
    expect(model.technologies.map(t => t.title)).not.toContain(
      'Compact Topics',
    );
    expect(model.warnings).toContainEqual({
      line: 142,
      message:
        '"Compact Topics" is read as a feature of Kafka, not a technology; not placed',
    });
    expect(model.warnings).toHaveLength(5);
  });

  it('reads the descriptive-column table with the first column as technologies', () => {
    expect(tech(model, 'langchain')).toMatchObject({
      title: 'LangChain',
      ring: 'trial',
      description: 'RAG, chains, general AI apps',
      placements: [
        expect.objectContaining({
          group: 'Agent Frameworks',
          layer: 'Agent Frameworks',
        }),
      ],
    });
    expect(tech(model, 'semantic-kernel').description).toBe(
      'Enterprise .NET/Python',
    );
  });

  it('types techniques, platforms and services', () => {
    expect(tech(model, 'anomaly-detection').type).toBe('technique');
    expect(tech(model, 'root-cause-analysis').type).toBe('technique');
    expect(tech(model, 'guardrails').type).toBe('technique');
    expect(tech(model, 'prompt-injection-detection').type).toBe('technique');
    expect(tech(model, 'aws').type).toBe('platform');
    expect(tech(model, 'snowflake').type).toBe('platform');
    expect(tech(model, 'claude-3-5').type).toBe('service');
    expect(tech(model, 'datadog').type).toBe('service');
    expect(tech(model, 'postgresql').type).toBe('tool');
  });

  it('produces valid, unique slugs and stable output', () => {
    const slugs = model.technologies.map(t => t.slug);
    expect(slugs.every(isValidSlug)).toBe(true);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(parseGuide(seed)).toEqual(model);
  });

  it('keeps slugs stable across unrelated edits', () => {
    const edited = seed
      .replace(
        '## Core Infrastructure',
        '## Intro\n\n| Layer | Tools |\n|---|---|\n| X | Zed |\n\n## Core Infrastructure',
      )
      .replace(
        '| **Relational** | PostgreSQL |',
        '| **Relational** | Postgres |',
      );
    const other = parseGuide(edited);
    const before = new Map(model.technologies.map(t => [t.title, t.slug]));
    const common = other.technologies.filter(t => before.has(t.title));
    expect(common.length).toBeGreaterThan(100);
    expect(common.map(t => t.slug)).toEqual(
      common.map(t => before.get(t.title)),
    );
    expect(tech(other, 'postgresql').title).toBe('Postgres');
  });

  it('gives layers in guide order with their entries', () => {
    const observability = model.sections.find(
      s => s.title === 'Observability',
    )!;
    expect(observability.layers.map(l => l.title)).toEqual([
      'Metrics',
      'Logs',
      'Traces',
      'Profiles',
      'Analysis',
      'AI-Powered',
    ]);
    expect(observability.layers[1].entries).toEqual([
      { slug: 'loki', ring: 'trial' },
      { slug: 'elk', ring: 'trial' },
    ]);
  });

  it('honours options: default ring, aliases, column rings', () => {
    const custom = parseGuide(seed, {
      defaultRing: 'assess',
      aliases: { Pinecone: ['Pinecone DB'], Kafka: ['Apache Kafka'] },
      columnRings: { alternatives: 'hold', tools: 'adopt' },
    });
    expect(tech(custom, 'cockroachdb').ring).toBe('hold');
    expect(tech(custom, 'okta').ring).toBe('adopt');
    expect(tech(custom, 'claude-3-5').ring).toBe('assess');
    expect(tech(custom, 'kafka').title).toBe('Apache Kafka');
    expect(tech(custom, 'pinecone').aliases).toContain('Pinecone DB');
  });
});

describe('parseGuide on other dialects', () => {
  it('reads rings as columns, links in cells, CRLF and front matter', () => {
    const text = readFileSync(resolve(FIXTURES, 'rings-as-columns.md'), 'utf8');
    expect(text).toContain('\r\n');
    const model = parseGuide(text);
    expect(model.title).toBe('Platform Radar');
    expect(model.frontMatter).toEqual({
      title: 'Platform Radar',
      owner: 'group:default/platform',
      date: '2024-05-01',
    });
    expect(model.sections.map(s => s.title)).toEqual([
      'Languages & Frameworks',
      'Infrastructure',
    ]);
    const go = tech(model, 'go');
    expect(go).toMatchObject({
      ring: 'adopt',
      line: 14,
      links: [{ url: 'https://go.dev', title: 'Go' }],
    });
    expect(tech(model, 'node-js').links).toEqual([
      { url: 'https://nodejs.org', title: 'Node.js' },
    ]);
    expect(tech(model, 'rust').ring).toBe('trial');
    expect(tech(model, 'zig').ring).toBe('assess');
    expect(tech(model, 'perl').ring).toBe('hold');
    expect(tech(model, 'htmx')).toMatchObject({
      ring: 'assess',
      links: [{ url: 'https://htmx.org', title: 'HTMX' }],
    });
    expect(tech(model, 'alpine-js')).toMatchObject({
      ring: 'assess',
      links: [],
    });
    expect(tech(model, 'duckdb').placements[0].description).toBe('embedded');
    const postgres = tech(model, 'postgresql');
    expect(postgres.title).toBe('Postgres');
    expect(postgres.aliases).toContain('PostgreSQL');
    expect(postgres.placements.map(p => [p.section, p.layer, p.ring])).toEqual([
      ['Languages & Frameworks', 'Data', 'adopt'],
      ['Infrastructure', 'Databases', 'adopt'],
    ]);
    expect(tech(model, 'mongodb').ring).toBe('hold');
    expect(tech(model, 'apache-kafka').ring).toBe('adopt');
    expect(model.technologies.map(t => t.title)).not.toContain('—');
    expect(model.warnings).toEqual([]);
  });

  it('reads Thoughtworks-style ring headings with bullet lists', () => {
    const text = readFileSync(
      resolve(FIXTURES, 'thoughtworks-style.md'),
      'utf8',
    );
    const model = parseGuide(text);
    expect(model.sections.map(s => s.title)).toEqual([
      'Tools',
      'Techniques',
      'Platforms',
    ]);
    expect(tech(model, 'terraform')).toMatchObject({
      ring: 'adopt',
      description: 'infrastructure as code for everything',
      placements: [
        expect.objectContaining({
          section: 'Tools',
          layer: 'Tools',
          ring: 'adopt',
        }),
      ],
    });
    expect(tech(model, 'renovate')).toMatchObject({
      ring: 'adopt',
      description: 'dependency updates',
      links: [{ url: 'https://docs.renovatebot.com', title: 'Renovate' }],
    });
    expect(tech(model, 'pulumi')).toMatchObject({
      ring: 'trial',
      description: 'when a real language helps',
    });
    expect(tech(model, 'jenkins').ring).toBe('hold');
    expect(tech(model, 'trunk-based-development')).toMatchObject({
      ring: 'adopt',
      type: 'technique',
    });
    expect(tech(model, 'threat-modeling').type).toBe('technique');
    expect(tech(model, 'prompt-engineering').ring).toBe('assess');
    expect(placements(model, 'aws')).toEqual([
      { section: 'Platforms', group: undefined, layer: 'Cloud', ring: 'trial' },
    ]);
    expect(tech(model, 'cloudflare-workers').placements[0].layer).toBe('Edge');
    const kafka = tech(model, 'apache-kafka');
    expect(kafka.title).toBe('Kafka');
    expect(kafka.placements.map(p => [p.section, p.ring])).toEqual([
      ['Tools', 'adopt'],
      ['Platforms', 'trial'],
    ]);
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0].message).toContain('looks like prose');
  });

  it('reads a ring column per row and decodes entities and links in a first-column table', () => {
    const model = parseGuide(
      [
        '# R',
        '## Data',
        '| Technology | Ring | Notes |',
        '|---|---|---|',
        '| [Redis](https://redis.io) | Adopt | cache &amp; queues |',
        '| Memcached | hold | |',
        '| Etcd | sometimes | |',
      ].join('\n'),
    );
    expect(tech(model, 'redis')).toMatchObject({
      ring: 'adopt',
      description: 'cache & queues',
      links: [{ url: 'https://redis.io', title: 'Redis' }],
      placements: [expect.objectContaining({ layer: 'Data' })],
    });
    expect(tech(model, 'memcached').ring).toBe('hold');
    expect(tech(model, 'etcd').ring).toBe('trial');
    expect(model.warnings).toEqual([
      { line: 7, message: '"sometimes" is not a ring; using trial' },
    ]);
  });
});

describe('parseGuide on bad input', () => {
  it('warns on an empty guide', () => {
    const model = parseGuide('');
    expect(model).toEqual({
      title: '',
      sections: [],
      technologies: [],
      warnings: [{ line: 1, message: 'guide is empty' }],
    });
  });

  it('warns on binary garbage', () => {
    let seed = 7;
    const garbage = Array.from({ length: 20_000 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return String.fromCharCode(seed % 256);
    }).join('');
    const model = parseGuide(garbage);
    expect(model.warnings.some(w => w.message.includes('binary'))).toBe(true);
  });

  it('throws a clear error above maxBytes, before parsing', () => {
    const junk = 'x|y|-+*#\n'.repeat(1_200_000);
    expect(() => parseGuide(junk)).toThrow(
      'Guide is larger than the limit of 5242880 bytes',
    );
    expect(() => parseGuide('éé', { maxBytes: 3 })).toThrow(
      'larger than the limit of 3 bytes',
    );
    expect(() => parseGuide('éé', { maxBytes: 4 })).not.toThrow();
  });

  it('reads 1,000-deep nested lists down to the depth limit, with a warning', () => {
    const text = `# T\n## S\n${Array.from(
      { length: 1000 },
      (_, i) => `${'  '.repeat(i)}- Item ${i}`,
    ).join('\n')}\n`;
    const model = parseGuide(text);
    expect(model.warnings.some(w => w.message.includes('nested'))).toBe(true);
  });

  const wideTable = (columns: number) =>
    [
      `| Layer | ${Array.from({ length: columns }, (_, i) => `T${i}`).join(
        ' | ',
      )} |`,
      `|${'---|'.repeat(columns + 1)}`,
      `| Row | ${Array.from({ length: columns }, (_, i) => `Tool${i}`).join(
        ' | ',
      )} |`,
    ].join('\n');

  it('reads every column of a table whose lines fit the line cap', () => {
    const model = parseGuide(`# T\n## S\n${wideTable(800)}\n`);
    expect(model.technologies).toHaveLength(800);
    expect(model.warnings).toEqual([]);
  });

  it('cuts the lines of a table with 10,000 columns, naming each cut line', () => {
    const model = parseGuide(`# T\n## S\n${wideTable(10_000)}\n`);
    const cut = model.warnings.filter(w =>
      w.message.startsWith(`line longer than ${MAX_LINE_LENGTH} characters`),
    );
    expect(cut.map(w => w.line)).toEqual([3, 4, 5]);
    expect(cut[0].message).toContain('"| Layer | T0 | T1 |');
  });

  it('reads a large junk document below the limit, with warnings', () => {
    const junk = Array.from(
      { length: 20_000 },
      (_, i) =>
        `| ${i} ${'*'.repeat(i % 7)} [x](y) ${'#'.repeat(i % 4)} ${'`'.repeat(
          i % 3,
        )}`,
    ).join('\n');
    const model = parseGuide(junk);
    expect(model.title).toBe('');
    expect(model.warnings.length).toBeGreaterThan(0);
  });
});

describe('parseGuide: names written as code spans', () => {
  const guide = [
    '# Radar',
    '## Techniques',
    '| Technology | Ring | Description |',
    '| --- | --- | --- |',
    '| `Google Cloud Pub/Sub` | Adopt | Managed messaging |',
    '| `Force push to master` | Hold | |',
    '| `Fargate (ECS)`, `Kafka + Compact Topics` | Trial | |',
    '| `Storage` | Assess | |',
    '| Loki/ELK | Trial | |',
    '',
    '- `Tracking health over debt`: a practice',
  ].join('\n');
  const model = parseGuide(guide);
  const titles = model.technologies.map(t => [t.title, t.ring]);

  it('takes a code span as one name, as written: never split, not judged as prose or generic', () => {
    expect(titles).toEqual([
      ['Google Cloud Pub/Sub', 'adopt'],
      ['Force push to master', 'hold'],
      ['Fargate (ECS)', 'trial'],
      ['Kafka + Compact Topics', 'trial'],
      ['Storage', 'assess'],
      ['Loki', 'trial'],
      ['ELK', 'trial'],
      ['Tracking health over debt', 'trial'],
    ]);
    expect(model.warnings).toEqual([]);
    expect(model.technologies[0].description).toBe('Managed messaging');
    expect(model.technologies.every(t => isValidSlug(t.slug))).toBe(true);
  });

  it('still refuses a code span longer than a name can be', () => {
    const long = `\`${'a '.repeat(60)}\``;
    const refused = parseGuide(`# T\n## S\n| Tools |\n|---|\n| ${long} |\n`);
    expect(refused.technologies).toEqual([]);
    expect(refused.warnings[0].message).toContain('looks like prose');
  });
});
