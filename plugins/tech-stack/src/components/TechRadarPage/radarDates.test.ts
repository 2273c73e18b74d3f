import { daysAgo, readDay, today } from './radarDates';

const now = new Date('2025-06-01T23:30:00Z');

describe('radarDates', () => {
  it('counts days in UTC', () => {
    expect(today(now)).toBe('2025-06-01');
    expect(daysAgo(90, now)).toBe('2025-03-03');
  });

  it('reads a past calendar day and refuses anything else', () => {
    expect(readDay('2025-02-28', now)).toBe('2025-02-28');
    expect(readDay('2025-06-01', now)).toBe('2025-06-01');
    for (const value of [
      null,
      '',
      '2025-02-29',
      '2025-6-1',
      '2025-06-02',
      '1999-12-31',
      '<b>x</b>',
    ]) {
      expect(readDay(value, now)).toBeUndefined();
    }
  });
});
