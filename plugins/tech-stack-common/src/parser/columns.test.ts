import {
  columnMeaning,
  headingRing,
  normalizeOverrides,
  ringValue,
} from './columns';

describe('columnMeaning', () => {
  it.each([
    ['Recommended', { kind: 'tools', ring: 'adopt' }],
    ['**Primary**', { kind: 'tools', ring: 'adopt' }],
    ['Adopt', { kind: 'tools', ring: 'adopt' }],
    ['Alternatives', { kind: 'tools', ring: 'trial' }],
    ['Alternative', { kind: 'tools', ring: 'trial' }],
    ['Trial', { kind: 'tools', ring: 'trial' }],
    ['Assess', { kind: 'tools', ring: 'assess' }],
    ['Hold', { kind: 'tools', ring: 'hold' }],
    ['Deprecated', { kind: 'tools', ring: 'hold' }],
    ['Avoid', { kind: 'tools', ring: 'hold' }],
    ['Tools', { kind: 'tools' }],
    ['Options', { kind: 'tools' }],
    ['Vendors', { kind: 'tools' }],
    ['Best For', { kind: 'description' }],
    ['Notes', { kind: 'description' }],
    ['Use Case', { kind: 'description' }],
    ['License', { kind: 'ignore' }],
    ['Ring', { kind: 'ring' }],
  ])('%s', (header, meaning) => {
    expect(columnMeaning(header)).toEqual(meaning);
  });

  it('applies configured overrides case-insensitively', () => {
    const overrides = normalizeOverrides({
      'our pick': 'adopt',
      tools: 'assess',
      Notes: 'ignore',
    });
    expect(columnMeaning('Our Pick', overrides)).toEqual({
      kind: 'tools',
      ring: 'adopt',
    });
    expect(columnMeaning('Tools', overrides)).toEqual({
      kind: 'tools',
      ring: 'assess',
    });
    expect(columnMeaning('NOTES', overrides)).toEqual({ kind: 'ignore' });
  });
});

describe('headingRing', () => {
  it('reads ring headings with decoration', () => {
    expect(headingRing('Adopt')).toBe('adopt');
    expect(headingRing('🟡 Trial')).toBe('trial');
    expect(headingRing('Hold (do not use)')).toBe('hold');
    expect(headingRing('Deprecated')).toBe('hold');
  });

  it('ignores ordinary headings', () => {
    expect(headingRing('Adoption guide')).toBeUndefined();
    expect(headingRing('Data Layer')).toBeUndefined();
  });
});

describe('ringValue', () => {
  it('reads ring names in cells', () => {
    expect(ringValue(' Assess ')).toBe('assess');
    expect(ringValue('maybe')).toBeUndefined();
  });
});
