import { exampleDay } from './exampleHistory';

const today = {
  adoption: [
    {
      technologyRef: 'technology:default/redis',
      teamRef: 'group:default/payments',
      components: 20,
    },
  ],
  compliance: [{ teamRef: 'group:default/payments', hold: 4, offGuide: 2 }],
};

describe('exampleDay', () => {
  it('is the same for the same day, and varies between days', () => {
    const a = exampleDay(today, { day: '2026-01-01', daysAgo: 90, span: 180 });
    expect(
      exampleDay(today, { day: '2026-01-01', daysAgo: 90, span: 180 }),
    ).toEqual(a);
    const days = Array.from({ length: 30 }, (_, i) =>
      exampleDay(today, {
        day: `2026-01-${String(i + 1).padStart(2, '0')}`,
        daysAgo: 90,
        span: 180,
      }),
    );
    expect(
      new Set(days.map(d => d.adoption[0].components)).size,
    ).toBeGreaterThan(1);
  });

  it('grows adoption towards today and shrinks hold towards it', () => {
    const early = exampleDay(today, {
      day: '2025-07-01',
      daysAgo: 180,
      span: 180,
    });
    const late = exampleDay(today, {
      day: '2025-12-31',
      daysAgo: 1,
      span: 180,
    });
    expect(early.adoption[0].components).toBeLessThan(
      late.adoption[0].components,
    );
    expect(late.adoption[0].components).toBeGreaterThanOrEqual(18);
    expect(early.compliance[0].hold).toBeGreaterThanOrEqual(
      late.compliance[0].hold,
    );
    expect(early.adoption[0]).toMatchObject({
      technologyRef: 'technology:default/redis',
      teamRef: 'group:default/payments',
    });
  });
});
