import { parseUsesAnnotation, validateTechnologySpec } from './entity';

describe('validateTechnologySpec', () => {
  const valid = {
    ring: 'adopt',
    layers: [
      {
        section: 'Data Layer',
        group: 'Operational Databases',
        layer: 'Relational',
        ring: 'adopt',
      },
    ],
    aliases: ['Postgres'],
    type: 'tool',
    owner: 'group:default/platform',
  };

  it('accepts a well-formed spec', () => {
    expect(validateTechnologySpec(valid)).toEqual([]);
  });

  it('names the field and the allowed values when a ring is wrong', () => {
    const problems = validateTechnologySpec({ ...valid, ring: 'maybe' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('spec.ring');
    expect(problems[0]).toContain('adopt');
  });

  it('requires at least one layer', () => {
    expect(validateTechnologySpec({ ...valid, layers: [] })[0]).toContain(
      'spec.layers',
    );
  });
});

describe('parseUsesAnnotation', () => {
  it('splits on commas and trims', () => {
    expect(
      parseUsesAnnotation(' postgresql, Redis ,, technology:default/kafka'),
    ).toEqual(['postgresql', 'Redis', 'technology:default/kafka']);
    expect(parseUsesAnnotation(undefined)).toEqual([]);
  });
});
