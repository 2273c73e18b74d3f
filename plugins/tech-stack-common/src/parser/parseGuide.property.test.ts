import fc from 'fast-check';
import { RINGS } from '../types';
import { guideDocument } from './__testUtils__/arbitraries';
import { parseGuide } from './parseGuide';
import { isValidSlug } from './slug';

function checkModel(text: string) {
  const model = parseGuide(text);
  const slugs = model.technologies.map(t => t.slug);
  expect(slugs.every(isValidSlug)).toBe(true);
  expect(new Set(slugs).size).toBe(slugs.length);
  for (const tech of model.technologies) {
    expect(tech.placements.length).toBeGreaterThan(0);
    expect(RINGS).toContain(tech.ring);
    expect(tech.title.trim()).not.toBe('');
  }
  for (const section of model.sections) {
    for (const layer of section.layers) {
      expect(layer.title.trim()).not.toBe('');
      for (const entry of layer.entries) expect(slugs).toContain(entry.slug);
    }
  }
  for (const warning of model.warnings) {
    expect(Number.isInteger(warning.line)).toBe(true);
    expect(warning.line).toBeGreaterThanOrEqual(1);
  }
  expect(parseGuide(text)).toEqual(model);
}

// hundreds of parses per property: generous on a loaded 2-core machine
jest.setTimeout(60_000);

/* eslint-disable jest/expect-expect -- the checks are in checkModel */
describe('parseGuide properties', () => {
  it('never throws on arbitrary strings; slugs valid and unique; deterministic', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), checkModel), {
      numRuns: 200,
    });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkModel),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary markdown-ish guides; slugs valid and unique; deterministic', () => {
    fc.assert(fc.property(guideDocument(), checkModel), { numRuns: 300 });
  });
});
