import { burnDownSeries } from './burnDownSeries';

const points = [
  { day: '2026-11-01', remaining: 6, teams: 2 },
  { day: '2026-11-02', remaining: 5, teams: 2 },
  { day: '2026-11-04', remaining: 2, teams: 1 },
];

describe('burnDownSeries', () => {
  it('runs to the deadline, with an ideal line from the first day to none', () => {
    expect(burnDownSeries(points, '2027-05-01')).toEqual({
      days: ['2026-11-01', '2026-11-02', '2026-11-04', '2027-05-01'],
      remaining: [6, 5, 2, null],
      ideal: [6, null, null, 0],
    });
  });

  it('puts a past deadline among the days', () => {
    expect(burnDownSeries(points, '2026-11-03')).toEqual({
      days: ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'],
      remaining: [6, 5, null, 2],
      ideal: [6, null, 0, null],
    });
  });

  it('draws no ideal line when the deadline is not after the first day', () => {
    expect(burnDownSeries(points, '2026-11-01').ideal).toBeUndefined();
    expect(burnDownSeries([], '2027-05-01')).toEqual({
      days: [],
      remaining: [],
    });
  });
});
