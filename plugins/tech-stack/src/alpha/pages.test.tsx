import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { coreApis } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Adoption, Radar, TechStackApi, techStackApiRef } from '../api';
import { techStackPlugin } from './plugin';

const radar: Radar = {
  sectors: ['Core Infrastructure', 'Data Layer'],
  rings: ['adopt', 'trial', 'assess', 'hold'],
  entries: [
    {
      ref: 'technology:default/aws',
      name: 'aws',
      title: 'AWS',
      ring: 'adopt',
      type: 'platform',
      sectors: ['Core Infrastructure'],
      layers: [
        { section: 'Core Infrastructure', layer: 'Cloud', ring: 'adopt' },
      ],
      aliases: [],
      movement: 'none',
      usageCount: 0,
    },
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
      usageCount: 2,
    },
  ],
};

const adoption: Adoption = {
  technologies: [
    {
      ref: 'technology:default/postgresql',
      name: 'postgresql',
      title: 'PostgreSQL',
      ring: 'adopt',
      sections: ['Data Layer'],
      componentCount: 2,
      teamCount: 1,
    },
  ],
  teams: [
    {
      ref: 'group:default/payments',
      title: 'Payments',
      componentCount: 2,
      usageCount: 2,
      byRing: { adopt: 2, trial: 0, assess: 0, hold: 0 },
      cells: [{ technologyRef: 'technology:default/postgresql', count: 2 }],
      offGuide: [],
    },
  ],
  totals: {
    teams: 1,
    components: 2,
    usages: 2,
    byRing: { adopt: 2, trial: 0, assess: 0, hold: 0 },
    offGuide: 0,
  },
  page: { offset: 0, limit: 500, total: 1 },
  sections: ['Data Layer'],
  groups: [{ ref: 'group:default/payments', title: 'Payments' }],
};

/** The TechStack API edge: answers the radar and adoption requests. */
function techStackApi() {
  return {
    getRadar: jest.fn().mockResolvedValue(radar),
    getAdoption: jest.fn().mockResolvedValue(adoption),
    getCampaigns: jest.fn().mockResolvedValue({
      generatedAt: '2026-12-06T00:00:00.000Z',
      campaigns: [],
    }),
  } as unknown as jest.Mocked<TechStackApi>;
}

function renderRadarApp(path: string, api = techStackApi()) {
  const rendered = renderTestApp({
    features: [techStackPlugin],
    apis: [[techStackApiRef, api]],
    initialRouteEntries: [path],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  const history = rendered.apis.get(coreApis.appHistory)!;
  return { ...rendered, api, history };
}

describe('page:tech-stack', () => {
  it('opens the radar tab at /tech-radar and draws the sectors from the API', async () => {
    const { api, history } = renderRadarApp('/tech-radar?ring=adopt');

    const svg = await screen.findByTestId('tech-radar');
    expect(svg).toHaveAccessibleName(/in 2 sectors/);
    expect(
      within(svg).getByRole('link', {
        name: 'AWS, Adopt, Core Infrastructure',
      }),
    ).toBeInTheDocument();
    expect(
      within(svg).getByRole('link', { name: 'PostgreSQL, Adopt, Data Layer' }),
    ).toBeInTheDocument();
    expect(api.getRadar).toHaveBeenCalledWith(undefined);
    // the index redirects to the first tab and keeps the filter of the URL
    await waitFor(() =>
      expect(history.getSnapshot().location.pathname).toBe('/tech-radar/radar'),
    );
    expect(history.getSnapshot().location.search).toBe('?ring=adopt');
    // the page header names the page
    expect(
      screen.getByRole('heading', { name: 'Tech Radar' }),
    ).toBeInTheDocument();
  });

  it('has the adoption tab at /tech-radar/adoption', async () => {
    const { api, history } = renderRadarApp('/tech-radar');
    await screen.findByTestId('tech-radar');

    await userEvent.click(screen.getByRole('tab', { name: 'Adoption' }));

    expect(
      await screen.findByRole('columnheader', { name: /PostgreSQL/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Payments').length).toBeGreaterThan(0);
    expect(history.getSnapshot().location.pathname).toBe(
      '/tech-radar/adoption',
    );
    expect(api.getAdoption).toHaveBeenCalled();
    expect(screen.queryByTestId('tech-radar')).not.toBeInTheDocument();
  });

  it('has the campaigns tab at /tech-radar/campaigns', async () => {
    const { api } = renderRadarApp('/tech-radar/campaigns');

    expect(
      await screen.findByText('No migration campaigns'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Campaigns' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(api.getCampaigns).toHaveBeenCalled();
    expect(api.getRadar).not.toHaveBeenCalled();
  });
});
