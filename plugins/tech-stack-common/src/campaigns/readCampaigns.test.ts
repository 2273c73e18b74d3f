import { campaignDaysLeft, readCampaigns } from './readCampaigns';

const valid = {
  technology: 'Rancher',
  replaceWith: ['EKS', 'GKE'],
  deadline: '2027-05-01',
};

/** Config as Backstage's `ConfigReader` gives it: the raw value at the key. */
function configOf(data: Record<string, unknown>) {
  return {
    getOptional(key: string): unknown {
      return key
        .split('.')
        .reduce<unknown>(
          (value, part) =>
            (value as Record<string, unknown> | undefined)?.[part],
          data,
        );
    },
  };
}

function read(campaigns: unknown) {
  return readCampaigns(configOf({ techStack: { campaigns } }));
}

describe('readCampaigns', () => {
  it('reads none when absent', () => {
    expect(readCampaigns(configOf({}))).toEqual([]);
    expect(readCampaigns(configOf({ techStack: {} }))).toEqual([]);
  });

  it('reads campaigns, defaulting the id to the technology slug', () => {
    expect(
      read([
        { ...valid, reason: 'On hold' },
        {
          id: 'kafka-out',
          technology: 'technology:default/apache-kafka',
          replaceWith: ['Pulsar'],
          deadline: '2028-02-29',
        },
        { ...valid, technology: 'technology:default/k3s' },
      ]),
    ).toEqual([
      { id: 'rancher', ...valid, reason: 'On hold' },
      {
        id: 'kafka-out',
        technology: 'technology:default/apache-kafka',
        replaceWith: ['Pulsar'],
        deadline: '2028-02-29',
      },
      { id: 'k3s', ...valid, technology: 'technology:default/k3s' },
    ]);
  });

  it.each([
    [{ ...valid, deadline: '2027-02-30' }, '[0].deadline', 'YYYY-MM-DD'],
    [{ ...valid, deadline: '1 May 2027' }, '[0].deadline', 'YYYY-MM-DD'],
    [{ ...valid, deadline: undefined }, '[0].deadline', 'YYYY-MM-DD'],
    [{ ...valid, technology: '' }, '[0].technology', 'not empty'],
    [{ ...valid, technology: 'x'.repeat(201) }, '[0].technology', '200'],
    [{ ...valid, replaceWith: [] }, '[0].replaceWith', 'at least one'],
    [{ ...valid, replaceWith: 'EKS' }, '[0].replaceWith', 'list'],
    [
      { ...valid, replaceWith: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      '[0].replaceWith',
      'at most 20',
    ],
    [{ ...valid, replaceWith: ['EKS', 7] }, '[0].replaceWith[1]', 'name'],
    [{ ...valid, id: 'Rancher Out' }, '[0].id', 'slug'],
    [{ ...valid, reason: 'r'.repeat(201) }, '[0].reason', '200'],
    [{ ...valid, deadlne: '2027-01-01' }, '[0].deadlne', 'unknown field'],
    ['Rancher', '[0]', 'expected an object'],
  ])('refuses %j naming the field', (entry, key, allowed) => {
    expect(() => read([entry])).toThrow(
      `Invalid config at 'techStack.campaigns${key}'`,
    );
    expect(() => read([entry])).toThrow(allowed);
  });

  it('refuses more than 100 campaigns and a repeated id', () => {
    expect(() =>
      read(Array.from({ length: 101 }, (_, i) => ({ ...valid, id: `c-${i}` }))),
    ).toThrow(/'techStack.campaigns': at most 100 campaigns/);
    expect(() => read([valid, { ...valid, replaceWith: ['AKS'] }])).toThrow(
      /'techStack.campaigns\[1\].id': the id 'rancher' is used by an earlier campaign/,
    );
    expect(() => read({ technology: 'Rancher' })).toThrow(
      /'techStack.campaigns': expected a list/,
    );
  });
});

describe('campaignDaysLeft', () => {
  it('counts whole days from the UTC day of now: 0 on the deadline, negative after', () => {
    const now = new Date('2026-12-06T12:00:00Z');
    expect(campaignDaysLeft('2026-12-06', now)).toBe(0);
    expect(
      campaignDaysLeft('2026-12-07', new Date('2026-12-06T23:59:59Z')),
    ).toBe(1);
    expect(
      campaignDaysLeft('2026-12-05', new Date('2026-12-06T00:00:00Z')),
    ).toBe(-1);
    expect(campaignDaysLeft('2027-05-01', now)).toBe(146);
  });
});
