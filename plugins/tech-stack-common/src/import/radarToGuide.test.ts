import { readFileSync } from 'fs';
import { resolve } from 'path';
import { defaultQuadrantGroups } from '../entities/radarQuadrants';
import { guideToTechRadarJson } from '../entities/guideToEntities';
import type { GuideModel } from '../model';
import { parseGuide } from '../parser/parseGuide';
import { readByorCsv } from './byorCsv';
import { checkImportedGuide } from './checkImportedGuide';
import type { ImportedRadar } from './importedRadar';
import { radarToGuide } from './radarToGuide';
import { readTechRadarJson } from './techRadarJson';

const fixture = (name: string) =>
  readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8');

/** name → ring of every entry of an imported radar. */
function ringsIn(radar: ImportedRadar): Map<string, string> {
  return new Map(
    radar.quadrants.flatMap(q => q.entries.map(e => [e.name, e.ring])),
  );
}

/** title → ring of every technology the parser reads. */
function ringsOf(model: GuideModel): Map<string, string> {
  return new Map(model.technologies.map(t => [t.title, t.ring]));
}

function roundTrip(radar: ImportedRadar) {
  const guide = radarToGuide(radar);
  const model = parseGuide(guide.markdown);
  return { guide, model, problems: checkImportedGuide(guide, model) };
}

describe('import then parse keeps every entry and its ring', () => {
  it('from a Build Your Own Radar CSV file', () => {
    const radar = readByorCsv(fixture('byor-radar.csv'));
    const { model, problems } = roundTrip(radar);
    expect(problems).toEqual([]);
    expect(model.warnings).toEqual([]);
    expect(model.technologies).toHaveLength(13);
    expect(ringsOf(model)).toEqual(ringsIn(radar));
    expect(ringsOf(model)).toEqual(
      new Map([
        ['C++', 'adopt'],
        ['Node.js', 'adopt'],
        ['Rust', 'trial'],
        ['Weights & Biases', 'trial'],
        ['Google Cloud Pub/Sub', 'assess'],
        ['Kafka + Flink', 'trial'],
        ['Lambda, Step Functions', 'assess'],
        ['TCP/IP offload', 'hold'],
        ['GPT-4o/o1', 'assess'],
        ['Notepad++', 'hold'],
        ['Tracking health over debt', 'adopt'],
        ['Force push to master', 'hold'],
        ['DuckDB (embedded)', 'trial'],
      ]),
    );
    expect(model.sections.map(s => s.title)).toEqual([
      'Languages & Frameworks',
      'Tools',
      'Platforms',
      'Techniques',
    ]);
  });

  it('from a community tech radar JSON file, links kept', () => {
    const radar = readTechRadarJson(fixture('community-tech-radar.json'));
    const { model, problems } = roundTrip(radar);
    expect(problems).toEqual([]);
    expect(model.title).toBe('Engineering Radar');
    expect(model.technologies).toHaveLength(12);
    expect(ringsOf(model)).toEqual(ringsIn(radar));
    const cpp = model.technologies.find(t => t.title === 'C++');
    expect(cpp?.links).toEqual([{ url: 'https://isocpp.org/', title: 'C++' }]);
    expect(
      model.technologies.find(t => t.title === 'DuckDB (embedded)')?.links,
    ).toEqual([]);
  });

  it('keeps descriptions as text: quotes, commas, pipes and HTML never become markup', () => {
    const { model } = roundTrip(readByorCsv(fixture('byor-radar.csv')));
    const description = (title: string) =>
      model.technologies.find(t => t.title === title)?.description;
    expect(description('Node.js')).toBe(
      'Backend-for-frontend services; see nodejs.org.',
    );
    expect(description('Google Cloud Pub/Sub')).toBe(
      'Fan-out between regions | not for ordered streams',
    );
    expect(description('Notepad++')).toBe('escaped HTML *stays* text');
    expect(description('DuckDB (embedded)')).toBe(
      '[click](javascript:alert(1)) for **analytics**',
    );
    expect(description('Force push to master')).toBe(
      "alert('x') Never, on shared branches",
    );
    const duckdb = model.technologies.find(
      t => t.title === 'DuckDB (embedded)',
    );
    expect(duckdb?.links).toEqual([]);
  });

  it('from the seed guide exported as tech radar JSON in four quadrants', () => {
    const seed = parseGuide(
      readFileSync(
        resolve(__dirname, '../../../../examples/technology-stack-guide.md'),
        'utf8',
      ),
    );
    const exported = guideToTechRadarJson(seed, {
      date: '2024-06-01',
      quadrants: defaultQuadrantGroups(seed, 4),
    });
    const { model, problems } = roundTrip(
      readTechRadarJson(JSON.stringify(exported)),
    );
    expect(problems).toEqual([]);
    expect(model.technologies).toHaveLength(106);
    expect(ringsOf(model)).toEqual(ringsOf(seed));
    expect(model.sections).toHaveLength(4);
  });

  it('reports the entries that would not come back: merged aliases and names twice', () => {
    const { model, problems } = roundTrip({
      quadrants: [
        {
          name: 'Data',
          entries: [
            { name: 'Kafka', ring: 'adopt', origin: 'line 2' },
            { name: 'Apache Kafka', ring: 'trial', origin: 'line 3' },
            { name: 'Redis', ring: 'adopt', origin: 'line 4' },
            { name: 'redis', ring: 'hold', origin: 'line 5' },
          ],
        },
      ],
    });
    expect(model.technologies).toHaveLength(2);
    expect(problems).toEqual([
      '"Kafka" and "Apache Kafka" are read back as one technology, "Kafka"',
    ]);
  });
});
