import { TechRadarLoaderResponseParser } from '@backstage-community/plugin-tech-radar-common';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import { parseGuide } from '../parser/parseGuide';
import { guideToTechRadarJson } from './guideToEntities';
import {
  balancedGroups,
  defaultQuadrantGroups,
  parseQuadrantMap,
  resolveQuadrantGroups,
} from './radarQuadrants';

const seed = parseGuide(
  readFileSync(
    resolve(__dirname, '../../../../examples/technology-stack-guide.md'),
    'utf8',
  ),
);

function countsByQuadrant(radar: ReturnType<typeof guideToTechRadarJson>) {
  return radar.quadrants.map(
    q => radar.entries.filter(e => e.quadrant === q.id).length,
  );
}

describe('balancedGroups', () => {
  it('keeps the order and makes the largest group as small as possible', () => {
    expect(balancedGroups([17, 29, 25, 12, 12, 5, 6], 4)).toEqual([
      [0],
      [1],
      [2],
      [3, 4, 5, 6],
    ]);
    expect(balancedGroups([1, 1, 1, 1, 1, 1, 1, 1], 4)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('fills every group when weights allow fewer, and one per weight when there are fewer weights', () => {
    expect(balancedGroups([100, 0, 0, 0, 0], 4)).toEqual([
      [0, 1],
      [2],
      [3],
      [4],
    ]);
    expect(balancedGroups([3, 2], 4)).toEqual([[0], [1]]);
  });
});

describe('tech radar export in four quadrants', () => {
  it('groups the seed’s 7 sections into 4 quadrants balanced by entries, named after their sections', () => {
    const groups = defaultQuadrantGroups(seed, 4);
    expect(groups.map(g => g.name)).toEqual([
      'Core Infrastructure',
      'Data Layer',
      'AI/ML Infrastructure',
      'Observability, Security, Event-Driven Architecture, Edge & CDN',
    ]);
    const radar = guideToTechRadarJson(seed, {
      date: '2024-06-01',
      quadrants: groups,
    });
    expect(radar.quadrants).toHaveLength(4);
    expect(countsByQuadrant(radar)).toEqual([17, 29, 25, 35]);
    expect(radar.entries).toHaveLength(106);
  });

  it('is accepted by the community tech radar’s own response schema', () => {
    const radar = guideToTechRadarJson(seed, {
      date: '2024-06-01',
      quadrants: defaultQuadrantGroups(seed, 4),
    });
    const parsed = TechRadarLoaderResponseParser.safeParse(radar);
    expect(parsed.success).toBe(true);
    const kafka = radar.entries.find(e => e.title === 'Apache Kafka');
    expect(kafka).toMatchObject({
      id: 'apache-kafka',
      key: 'apache-kafka',
      timeline: [{ moved: 0, ringId: 'adopt', date: '2024-06-01' }],
    });
    expect(radar.rings.map(r => r.id)).toEqual([
      'adopt',
      'trial',
      'assess',
      'hold',
    ]);
  });

  it('draws a mapping given as Section=Quadrant pairs, sections matched without case or emoji', () => {
    const groups = resolveQuadrantGroups(
      seed,
      parseQuadrantMap(
        'core infrastructure=Platforms; Edge & CDN=Platforms; Data Layer=Data;' +
          'AI/ML Infrastructure=Data;Observability=Operations;Security=Operations;' +
          'Event-Driven Architecture=Integration;',
      ),
      4,
      '--quadrant-map',
    );
    expect(groups).toEqual([
      { name: 'Platforms', sections: ['Core Infrastructure', 'Edge & CDN'] },
      { name: 'Data', sections: ['Data Layer', 'AI/ML Infrastructure'] },
      { name: 'Operations', sections: ['Observability', 'Security'] },
      { name: 'Integration', sections: ['Event-Driven Architecture'] },
    ]);
    const radar = guideToTechRadarJson(seed, { quadrants: groups });
    expect(radar.quadrants.map(q => q.id)).toEqual([
      'platforms',
      'data',
      'operations',
      'integration',
    ]);
    expect(countsByQuadrant(radar)).toEqual([23, 54, 24, 5]);
  });

  it.each([
    [
      'Data Lake=Data',
      '--quadrant-map: unknown section "Data Lake" (the guide\'s sections: "Core Infrastructure", "Data Layer"',
    ],
    ['A=1;B=2', '--quadrant-map: unknown section "A"'],
    [
      'Core Infrastructure=A;Data Layer=B;AI/ML Infrastructure=C;Observability=D;Security=E;Event-Driven Architecture=E;Edge & CDN=E',
      '--quadrant-map names 5 quadrants ("A", "B", "C", "D", "E"); at most 4',
    ],
    [
      'Core Infrastructure=A;Core Infrastructure=B',
      '--quadrant-map: section "Core Infrastructure" is mapped to both "A" and "B"',
    ],
    [
      'Core Infrastructure=A;Data Layer=B',
      '--quadrant-map puts no quadrant on sections "AI/ML Infrastructure", "Observability", "Security", "Event-Driven Architecture", "Edge & CDN" (every section needs one)',
    ],
  ])('refuses the mapping %j, naming the value', (value, message) => {
    expect(() =>
      resolveQuadrantGroups(seed, parseQuadrantMap(value), 4, '--quadrant-map'),
    ).toThrow(message);
  });

  it.each([
    ['Data Layer', '"Data Layer" is not "Section name=Quadrant name"'],
    ['=Data', '"=Data" is not "Section name=Quadrant name"'],
    [';;', '--quadrant-map names no section'],
    ['x'.repeat(10_001), 'is 10001 characters long (limit 10000)'],
  ])('refuses the malformed value %j', (value, message) => {
    expect(() => parseQuadrantMap(value)).toThrow(message);
  });
});
