import { TechStackClient } from './TechStackClient';

describe('TechStackClient campaigns', () => {
  function client(response: () => Response) {
    const fetch = jest.fn().mockImplementation(async () => response());
    const discoveryApi = {
      getBaseUrl: jest.fn().mockResolvedValue('http://backend/api/tech-stack'),
    };
    return {
      fetch,
      api: new TechStackClient({ discoveryApi, fetchApi: { fetch } }),
    };
  }

  it('asks for all campaigns, or those of one component', async () => {
    const body = { generatedAt: '', campaigns: [] };
    const { fetch, api } = client(
      () =>
        new Response(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    await expect(api.getCampaigns()).resolves.toEqual(body);
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/campaigns',
    );
    await api.getCampaigns({ entityRef: 'component:default/edge-clusters' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/campaigns?entityRef=component%3Adefault%2Fedge-clusters',
    );
  });

  it('fetches the CSV with the fetch API, and throws a ResponseError on failure', async () => {
    const ok = client(
      () =>
        new Response('campaign\r\n', {
          headers: { 'Content-Type': 'text/csv' },
        }),
    );
    const blob = await ok.api.getCampaignCsv('rancher-out');
    expect(blob.size).toBe(10);
    expect(ok.fetch).toHaveBeenCalledWith(
      'http://backend/api/tech-stack/campaigns/rancher-out/export.csv',
    );
    const missing = client(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'No campaign' },
          }),
          { status: 404, headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await expect(missing.api.getCampaignCsv('nope')).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 404,
    });
  });
  it('asks for the burn-down of a campaign, with a range and team if given', async () => {
    const body = { id: 'rancher-out', points: [] };
    const { fetch, api } = client(
      () =>
        new Response(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    await expect(api.getCampaignHistory('rancher-out')).resolves.toEqual(body);
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/campaigns/rancher-out/history',
    );
    await api.getCampaignHistory('rancher-out', {
      from: '2026-01-01',
      team: 'group:default/platform-team',
    });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/tech-stack/campaigns/rancher-out/history?team=group%3Adefault%2Fplatform-team&from=2026-01-01',
    );
  });
});
