import { readFileSync } from 'fs';
import { resolve } from 'path';
import { readByorCsv } from './byorCsv';

const fixture = readFileSync(
  resolve(__dirname, '__fixtures__/byor-radar.csv'),
  'utf8',
);

describe('readByorCsv', () => {
  it('reads a Build Your Own Radar export: quadrants in order, rings, plain-text descriptions', () => {
    const radar = readByorCsv(fixture);
    expect(radar.quadrants.map(q => [q.name, q.entries.length])).toEqual([
      ['Languages & Frameworks', 3],
      ['Tools', 4],
      ['Platforms', 4],
      ['Techniques', 2],
    ]);
    const rust = radar.quadrants[0].entries[2];
    expect(rust).toEqual({
      name: 'Rust',
      ring: 'trial',
      origin: 'line 4',
      description: 'New CLI tools, "where it fits". Pair with a Rust reviewer.',
    });
    const names = radar.quadrants.flatMap(q => q.entries.map(e => e.name));
    expect(names).toContain('Lambda, Step Functions');
    const forcePush = radar.quadrants[3].entries[1];
    expect(forcePush.origin).toBe('line 14');
    expect(forcePush.description).toBe("alert('x') Never, on shared branches");
  });

  it.each([
    ['name,quadrant\nx,Tools\n', 'line 1: the CSV header has no "ring" column'],
    [
      'name,ring,quadrant\nGo,Adopt,Languages\nDart,Watch,Languages\n',
      'line 3 ("Dart"): unknown ring "Watch" (expected adopt, trial, assess or hold)',
    ],
    ['name,ring,quadrant\n,Adopt,Languages\n', 'line 2: the entry has no name'],
    [
      'name,ring,quadrant\nGo,Adopt,\n',
      'line 2 ("Go"): the quadrant has no name',
    ],
    [
      `name,ring,quadrant\n${'x'.repeat(81)},Adopt,Tools\n`,
      'is 81 characters long (limit 80)',
    ],
    ['name,ring,quadrant\n', 'the CSV file has a header but no blips'],
    ['', 'the CSV file is empty'],
  ])('refuses %j with a clear message', (text, message) => {
    expect(() => readByorCsv(text)).toThrow(message);
  });

  it('reads ring synonyms and columns in any order and case', () => {
    const radar = readByorCsv(
      'Quadrant,Description,Name,Ring\nTools,"a, b",Jenkins,Deprecated\n',
    );
    expect(radar.quadrants[0].entries[0]).toMatchObject({
      name: 'Jenkins',
      ring: 'hold',
      description: 'a, b',
    });
  });
});
