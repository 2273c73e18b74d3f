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
  it('is the same for the same day, and never goes back down as adoption grows', () => {
    const a = exampleDay(today, { day: '2026-01-01', daysAgo: 90, span: 180 });
    expect(
      exampleDay(today, { day: '2026-01-01', daysAgo: 90, span: 180 }),
    ).toEqual(a);
    // day after day towards today: a steady curve, no flicker
    const counts = Array.from(
      { length: 180 },
      (_, i) =>
        exampleDay(today, {
          day: `day-${i}`,
          daysAgo: 180 - i,
          span: 180,
        }).adoption[0].components,
    );
    counts.slice(1).forEach((count, i) => {
      expect(count).toBeGreaterThanOrEqual(counts[i]);
    });
    expect(counts[179]).toBeGreaterThan(counts[0]);
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

describe('exampleDay of the example migration (Rancher → EKS, GKE, AKS)', () => {
  const RANCHER = 'technology:default/rancher';
  const EKS = 'technology:default/eks';
  const PLATFORM = 'group:default/platform-team';
  const SPAN = 180;
  // the example catalog today: one component on Rancher, one on EKS
  const catalog = {
    adoption: [
      { technologyRef: RANCHER, teamRef: PLATFORM, components: 1 },
      { technologyRef: EKS, teamRef: PLATFORM, components: 1 },
      ...today.adoption,
    ],
    compliance: today.compliance,
  };
  const history = Array.from({ length: SPAN }, (_, i) => {
    const daysAgo = SPAN - i;
    const day = new Date(Date.UTC(2026, 0, 1) + i * 24 * 60 * 60 * 1000)
      .toISOString()
      .slice(0, 10);
    return exampleDay(catalog, { day, daysAgo, span: SPAN });
  });
  const count = (
    d: ReturnType<typeof exampleDay>,
    technologyRef: string,
  ): number =>
    d.adoption
      .filter(c => c.technologyRef === technologyRef)
      .reduce((sum, c) => sum + c.components, 0);

  it('burns Rancher down, never up, to where the catalog is today', () => {
    const rancher = history.map(d => count(d, RANCHER));
    expect(rancher[0]).toBeGreaterThanOrEqual(rancher[SPAN - 1] + 3);
    rancher.slice(1).forEach((value, i) => {
      expect(value).toBeLessThanOrEqual(rancher[i]);
    });
    expect(rancher[SPAN - 1]).toBe(1);
    // in steps: several distinct values on the way down
    expect(new Set(rancher).size).toBeGreaterThan(2);
  });

  it('grows the replacements to their counts today', () => {
    const eks = history.map(d => count(d, EKS));
    expect(eks[0]).toBe(0);
    expect(eks[SPAN - 1]).toBe(1);
    eks.slice(1).forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(eks[i]);
    });
  });

  it('keeps the curves of the other technologies', () => {
    const withMigration = exampleDay(catalog, {
      day: '2026-01-01',
      daysAgo: 90,
      span: SPAN,
    });
    const without = exampleDay(today, {
      day: '2026-01-01',
      daysAgo: 90,
      span: SPAN,
    });
    expect(
      withMigration.adoption.filter(
        c => c.technologyRef === 'technology:default/redis',
      ),
    ).toEqual(without.adoption);
    // a catalog without Rancher and its replacements gets none
    expect(without.adoption.some(c => c.technologyRef === RANCHER)).toBeFalsy();
  });

  it('plays back the migrations it is given', () => {
    const start = exampleDay(catalog, {
      day: '2026-01-01',
      daysAgo: SPAN,
      span: SPAN,
      migrations: [],
    });
    expect(count(start, EKS)).toBeGreaterThan(0);
  });
});
