import fc from 'fast-check';
import {
  assignUniqueSlugs,
  isValidSlug,
  MAX_SLUG_LENGTH,
  technologySlug,
} from './slug';

describe('technologySlug', () => {
  it.each([
    ['PostgreSQL', 'postgresql'],
    ['Apache Kafka', 'apache-kafka'],
    ['Lambda@Edge', 'lambda-edge'],
    ['Weights & Biases', 'weights-biases'],
    ['Claude 3.5', 'claude-3-5'],
    ['TensorRT-LLM', 'tensorrt-llm'],
    ['GPT-4o', 'gpt-4o'],
    ['C++', 'cpp'],
    ['C#', 'csharp'],
    ['.NET', 'dotnet'],
    ['Node.js', 'node-js'],
    ['Crème Brûlée DB', 'creme-brulee-db'],
    ['  **Redis**  ', 'redis'],
  ])('%s → %s', (name, slug) => {
    expect(technologySlug(name)).toBe(slug);
  });

  it('hashes names without latin letters, stably', () => {
    const slug = technologySlug('数据库');
    expect(slug).toMatch(/^tech-[0-9a-f]{8}$/);
    expect(technologySlug('数据库')).toBe(slug);
    expect(technologySlug('🛠️')).not.toBe(slug);
  });

  it('keeps long names within 63 characters and distinct', () => {
    const a = technologySlug(`${'very long name '.repeat(10)}one`);
    const b = technologySlug(`${'very long name '.repeat(10)}two`);
    expect(a.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(isValidSlug(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('always produces a valid entity name', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), name => {
        expect(isValidSlug(technologySlug(name))).toBe(true);
      }),
    );
  });
});

describe('assignUniqueSlugs', () => {
  it('suffixes collisions in key order, independent of input order', () => {
    const a = { slug: 'c', key: 'c' };
    const b = { slug: 'c', key: 'c!' };
    expect(assignUniqueSlugs([a, b])).toEqual(['c', 'c-2']);
    expect(assignUniqueSlugs([b, a])).toEqual(['c-2', 'c']);
  });

  it('avoids suffixes that are already taken', () => {
    expect(
      assignUniqueSlugs([
        { slug: 'x', key: 'a' },
        { slug: 'x', key: 'b' },
        { slug: 'x-2', key: 'c' },
      ]),
    ).toEqual(['x', 'x-3', 'x-2']);
  });

  it('keeps suffixed slugs valid at maximum length', () => {
    const long = 'a'.repeat(MAX_SLUG_LENGTH);
    const result = assignUniqueSlugs([
      { slug: long, key: '1' },
      { slug: long, key: '2' },
    ]);
    expect(result.every(isValidSlug)).toBe(true);
    expect(new Set(result).size).toBe(2);
  });
});
