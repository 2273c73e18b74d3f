import { TechStackClient } from './TechStackClient';

describe('TechStackClient', () => {
  function client(body: unknown, status = 200) {
    const fetch = jest.fn().mockImplementation(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const discoveryApi = {
      getBaseUrl: jest.fn().mockResolvedValue('http://backend/api/tech-stack'),
    };
    return {
      fetch,
      api: new TechStackClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  it('fetches the radar through the fetch API, with the guide', async () => {
    const radar = { sectors: [], rings: [], entries: [] };
    const { fetch, api } = client(radar);
    await expect(api.getRadar({ guide: 'main guide' })).resolves.toEqual(radar);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/tech-stack/radar?guide=main+guide',
    );
    await api.getRadar();
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/radar',
    );
  });

  it('asks for the radar as of a date and for what changed', async () => {
    const { fetch, api } = client({});
    await api.getRadar({ date: '2025-03-01' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/radar?date=2025-03-01',
    );
    await api.getRadarChanges({
      from: '2025-01-01',
      to: '2025-03-01',
      guide: 'main',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/radar/changes?from=2025-01-01&to=2025-03-01&guide=main',
    );
  });

  it('asks for the adoption history of a technology or a team', async () => {
    const { fetch, api } = client({ kind: 'team', points: [] });
    await api.getAdoptionHistory({
      technology: 'Apache Kafka',
      from: '2026-01-01',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/adoption/history?technology=Apache+Kafka&from=2026-01-01',
    );
    await api.getAdoptionHistory({ team: 'group:default/payments' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/adoption/history?team=group%3Adefault%2Fpayments',
    );
  });

  it('throws a ResponseError on failure', async () => {
    const { api } = client(
      { error: { name: 'InputError', message: 'bad guide' } },
      400,
    );
    await expect(api.getRadar()).rejects.toMatchObject({
      name: 'ResponseError',
    });
  });
});

describe('TechStackClient adoption methods', () => {
  function client() {
    const fetch = jest
      .fn()
      .mockImplementation(async () => new Response('{}', { status: 200 }));
    const discoveryApi = {
      getBaseUrl: jest.fn().mockResolvedValue('http://backend/api/tech-stack'),
    };
    return {
      fetch,
      api: new TechStackClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  it('builds the adoption, stack and compliance URLs', async () => {
    const { fetch, api } = client();
    await api.getAdoption({
      section: 'Data Layer',
      ring: 'hold',
      team: 'group:default/a',
      limit: 10,
      offset: 20,
      includeComponents: true,
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/adoption?section=Data+Layer&ring=hold&team=group%3Adefault%2Fa&limit=10&offset=20&include=components',
    );
    await api.getStack('component:default/x');
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/stack?entityRef=component%3Adefault%2Fx',
    );
    await api.getCompliance();
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/compliance',
    );
  });
});
