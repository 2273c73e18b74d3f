import { sourceLine } from './sourceLocation';

describe('sourceLine', () => {
  it('reads the line of the location', () => {
    expect(sourceLine('https://example.com/guide.md#L42')).toBe(42);
    expect(sourceLine('./examples/guide.md#L7')).toBe(7);
    expect(sourceLine('guide.md#L7-L9')).toBe(7);
  });

  it('is undefined without a line', () => {
    expect(sourceLine(undefined)).toBeUndefined();
    expect(sourceLine('guide.md')).toBeUndefined();
    expect(sourceLine('guide.md#L0')).toBeUndefined();
  });
});
