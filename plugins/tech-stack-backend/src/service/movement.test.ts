import { deriveMovement } from './movement';

const now = new Date('2025-06-01T00:00:00Z');
const opts = { now, windowDays: 90 };

describe('deriveMovement', () => {
  it('is in when moved to a better ring recently', () => {
    expect(
      deriveMovement(
        [{ date: '2025-05-01', from: 'trial', to: 'adopt' }],
        opts,
      ),
    ).toEqual({ movement: 'in', movedAt: '2025-05-01' });
  });

  it('is out when moved to a worse ring recently', () => {
    expect(
      deriveMovement([{ date: '2025-05-01', from: 'adopt', to: 'hold' }], opts)
        .movement,
    ).toBe('out');
  });

  it('is new when first seen recently', () => {
    expect(
      deriveMovement([{ date: '2025-04-01', to: 'trial' }], opts).movement,
    ).toBe('new');
  });

  it('is none when the last change is old, or there is none', () => {
    expect(
      deriveMovement([{ date: '2024-01-01', from: 'trial', to: 'adopt' }], opts)
        .movement,
    ).toBe('none');
    expect(deriveMovement([], opts).movement).toBe('none');
  });

  it('uses the newest change whatever the order', () => {
    expect(
      deriveMovement(
        [
          { date: '2025-05-20', from: 'adopt', to: 'hold' },
          { date: '2024-01-01', to: 'adopt' },
        ],
        opts,
      ).movement,
    ).toBe('out');
  });
});
