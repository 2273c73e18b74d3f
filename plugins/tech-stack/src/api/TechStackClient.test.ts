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
