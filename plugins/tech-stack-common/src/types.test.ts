import { bestRing, compareRings, isRing } from './types';

describe('rings', () => {
  it('orders rings from adopt to hold', () => {
    expect(compareRings('adopt', 'hold')).toBeLessThan(0);
    expect(compareRings('assess', 'trial')).toBeGreaterThan(0);
  });

  it('picks the innermost ring a technology holds anywhere', () => {
    expect(bestRing(['hold', 'trial', 'assess'])).toBe('trial');
    expect(bestRing([])).toBeUndefined();
  });

  it('recognises only the four rings', () => {
    expect(isRing('adopt')).toBe(true);
    expect(isRing('Adopt')).toBe(false);
    expect(isRing(undefined)).toBe(false);
  });
});
