import {
  MAX_RING_HISTORY_LENGTH,
  parseRingHistory,
  RING_HISTORY_LIMIT,
  RingChange,
  serializeRingHistory,
} from './ringHistory';

describe('parseRingHistory', () => {
  it('reads the changes in the order written, dropping unknown fields', () => {
    expect(
      parseRingHistory(
        JSON.stringify([
          { date: '2024-01-01', to: 'trial' },
          {
            date: '2025-05-01T00:00:00.000Z',
            from: 'trial',
            to: 'adopt',
            x: 1,
          },
        ]),
      ),
    ).toEqual({
      entries: [
        { date: '2024-01-01', to: 'trial' },
        { date: '2025-05-01T00:00:00.000Z', from: 'trial', to: 'adopt' },
      ],
      problems: [],
    });
  });

  it('has nothing to say about an absent annotation', () => {
    expect(parseRingHistory(undefined)).toEqual({ entries: [], problems: [] });
    expect(parseRingHistory('')).toEqual({ entries: [], problems: [] });
    expect(parseRingHistory('[]')).toEqual({ entries: [], problems: [] });
  });

  it('reads a value that is not JSON, or not an array, as no history with one problem', () => {
    for (const [value, problem] of [
      ['{not json', 'is not JSON; ignored'],
      ['"2024-01-01"', 'is not a JSON array; ignored'],
      ['{"date":"2024-01-01","to":"adopt"}', 'is not a JSON array; ignored'],
      ['null', 'is not a JSON array; ignored'],
    ]) {
      expect({ value, ...parseRingHistory(value) }).toEqual({
        value,
        entries: [],
        problems: [problem],
      });
    }
  });

  it('keeps the well-formed entries and names each malformed one', () => {
    const { entries, problems } = parseRingHistory(
      JSON.stringify([
        { date: '2025-05-01', from: 'trial', to: 'adopt' },
        { date: 'not a date', to: 'adopt' },
        { date: '2025-05-02', to: 'nowhere' },
        { date: 1, from: 'trial', to: 'adopt' },
        { date: '2025-05-03', from: 'later', to: 'adopt' },
        { date: `2025-05-03${' '.repeat(100)}`, to: 'adopt' },
        'junk',
        null,
        [],
      ]),
    );
    expect(entries).toEqual([
      { date: '2025-05-01', from: 'trial', to: 'adopt' },
    ]);
    expect(problems).toHaveLength(8);
    expect(problems[0]).toMatch(/^entry 2: date is not a date; ignored$/);
    expect(problems[1]).toMatch(/^entry 3: to /);
    expect(problems[2]).toMatch(/^entry 4: date /);
    expect(problems[3]).toMatch(/^entry 5: from /);
    expect(problems[4]).toMatch(/^entry 6: date /);
    expect(problems[5]).toMatch(/^entry 7: /);
  });

  it('lists ten malformed entries and counts the rest', () => {
    const { entries, problems } = parseRingHistory(
      JSON.stringify([
        ...Array.from({ length: 25 }, () => ({ to: 'adopt' })),
        { date: '2025-01-01', to: 'hold' },
      ]),
    );
    expect(entries).toEqual([{ date: '2025-01-01', to: 'hold' }]);
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('15 more malformed entries ignored');
  });

  it('does not parse a value over the bound, however it looks', () => {
    const valid = JSON.stringify([{ date: '2025-01-01', to: 'adopt' }]);
    const item = valid.slice(1, -1);
    const huge = `[${Array.from(
      { length: Math.ceil((5 * 1024 * 1024) / (item.length + 1)) + 1 },
      () => item,
    ).join(',')}]`;
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(parseRingHistory(huge)).toEqual({
      entries: [],
      problems: [
        `is ${huge.length} characters long, above the limit of ${MAX_RING_HISTORY_LENGTH}; ignored`,
      ],
    });
    const atBound = `${valid}${' '.repeat(
      MAX_RING_HISTORY_LENGTH - valid.length,
    )}`;
    expect(parseRingHistory(atBound).entries).toHaveLength(1);
    expect(parseRingHistory(`${atBound} `).entries).toEqual([]);
  });
});

describe('serializeRingHistory', () => {
  it('writes what the parser reads back, newest changes kept', () => {
    const changes: RingChange[] = Array.from(
      { length: RING_HISTORY_LIMIT + 3 },
      (_, i) => ({
        date: new Date(Date.UTC(2025, 0, i + 1)).toISOString(),
        ...(i === 0 ? {} : { from: 'trial' as const }),
        to: i % 2 ? ('adopt' as const) : ('trial' as const),
      }),
    );
    const value = serializeRingHistory(changes);
    expect(parseRingHistory(value)).toEqual({
      entries: changes.slice(-RING_HISTORY_LIMIT),
      problems: [],
    });
    expect(value.length).toBeLessThan(MAX_RING_HISTORY_LENGTH);
    expect(serializeRingHistory([{ date: '2025-01-01', to: 'adopt' }])).toBe(
      '[{"date":"2025-01-01","to":"adopt"}]',
    );
    expect(
      serializeRingHistory([{ date: '2025-01-01', from: 'hold', to: 'adopt' }]),
    ).toBe('[{"date":"2025-01-01","from":"hold","to":"adopt"}]');
  });
});
