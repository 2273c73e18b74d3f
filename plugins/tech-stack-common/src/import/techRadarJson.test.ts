import { readFileSync } from 'fs';
import { resolve } from 'path';
import { readTechRadarJson } from './techRadarJson';

const fixture = readFileSync(
  resolve(__dirname, '__fixtures__/community-tech-radar.json'),
  'utf8',
);

describe('readTechRadarJson', () => {
  it('reads a community tech radar file: quadrants, latest ring, description, http(s) link', () => {
    const radar = readTechRadarJson(fixture);
    expect(radar.title).toBe('Engineering Radar');
    expect(radar.quadrants.map(q => [q.name, q.entries.length])).toEqual([
      ['Languages & Frameworks', 3],
      ['Infrastructure', 3],
      ['Data & ML', 3],
      ['Process', 3],
    ]);
    const [cpp, , perl] = radar.quadrants[0].entries;
    expect(cpp).toMatchObject({
      name: 'C++',
      ring: 'adopt',
      url: 'https://isocpp.org/',
    });
    expect(perl).toMatchObject({ ring: 'hold', description: 'No new Perl' });
    const [wandb, , duckdb] = radar.quadrants[2].entries;
    expect(wandb).toMatchObject({
      url: 'https://wandb.ai/',
      description: 'Experiment tracking | model registry, sweeps',
    });
    expect(duckdb.url).toBeUndefined();
    expect(radar.quadrants[1].entries[0].url).toBeUndefined();
  });

  const radar = (entries: unknown[], rings?: unknown[]) =>
    JSON.stringify({
      quadrants: [{ id: 'tools', name: 'Tools' }],
      rings: rings ?? [{ id: 'adopt', name: 'ADOPT', color: '#5BA300' }],
      entries,
    });
  const entry = (over: object) => ({
    id: 'x',
    key: 'x',
    title: 'X',
    quadrant: 'tools',
    timeline: [{ ringId: 'adopt', date: '2024-01-01' }],
    ...over,
  });

  it.each([
    ['{"quadrants": [', 'not JSON'],
    ['[]', 'not a tech radar JSON file: the file:'],
    [
      radar([entry({ title: 7 })]),
      'not a tech radar JSON file: entries[0].title:',
    ],
    [
      radar([entry({ quadrant: 'platforms' })]),
      'entries[0] ("X"): unknown quadrant "platforms" (the radar\'s quadrants: tools)',
    ],
    [
      radar([entry({ timeline: [{ ringId: 'try' }] })]),
      'entries[0] ("X"): unknown ringId "try" (the radar\'s rings: adopt)',
    ],
    [radar([entry({ timeline: [] })]), 'entries[0] ("X"): empty timeline'],
    [
      radar([], [{ id: 'watch', name: 'Watch', color: '#000' }]),
      'rings[0]: unknown ring "Watch" (expected adopt, trial, assess or hold',
    ],
    [radar([entry({ title: '<b></b>' })]), 'entries[0]: the entry has no name'],
  ])('refuses %s with a clear message', (json, message) => {
    expect(() => readTechRadarJson(json)).toThrow(message);
  });
});
