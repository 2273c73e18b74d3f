import { coreApis } from '@backstage/frontend-plugin-api';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { Radar, techStackApiRef, TechStackClient } from '../api';
import { techStackPlugin } from './plugin';

const radar: Radar = {
  sectors: ['Data Layer'],
  rings: ['adopt', 'trial', 'assess', 'hold'],
  entries: [
    {
      ref: 'technology:default/postgresql',
      name: 'postgresql',
      title: 'PostgreSQL',
      ring: 'adopt',
      type: 'tool',
      sectors: ['Data Layer'],
      layers: [{ section: 'Data Layer', layer: 'Relational', ring: 'adopt' }],
      aliases: [],
      movement: 'none',
      usageCount: 0,
    },
  ],
};

describe('api:tech-stack', () => {
  it('serves the page through the app discovery and fetch APIs', async () => {
    const baseImplementation = jest.fn(
      async (_input: RequestInfo | URL) =>
        new Response(JSON.stringify(radar), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const { apis } = renderTestApp({
      features: [techStackPlugin],
      apis: [
        mockApis.discovery({ baseUrl: 'http://backend.test' }),
        mockApis.fetch({ baseImplementation }),
      ],
      initialRouteEntries: ['/tech-radar/radar'],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    const svg = await screen.findByTestId('tech-radar');
    expect(
      within(svg).getByRole('link', { name: 'PostgreSQL, Adopt, Data Layer' }),
    ).toBeInTheDocument();
    expect(String(baseImplementation.mock.calls[0][0])).toBe(
      'http://backend.test/api/tech-stack/radar',
    );
    expect(apis.get(techStackApiRef)).toBeInstanceOf(TechStackClient);
    expect(apis.get(coreApis.appHistory)).toBeDefined();
  });
});
