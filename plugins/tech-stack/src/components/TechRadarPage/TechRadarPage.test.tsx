import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Radar, TechStackApi, techStackApiRef } from '../../api';
import { TechRadarPage } from './TechRadarPage';

const radar: Radar = {
  sectors: ['Core Infrastructure', 'Data Layer'],
  rings: ['adopt', 'trial', 'assess', 'hold'],
  entries: [
    {
      ref: 'technology:default/postgresql',
      name: 'postgresql',
      title: 'PostgreSQL',
      ring: 'adopt',
      type: 'tool',
      sectors: ['Data Layer'],
      layers: [{ section: 'Data Layer', group: 'Operational Databases', layer: 'Relational', ring: 'adopt' }],
    },
    {
      ref: 'technology:default/cockroachdb',
      name: 'cockroachdb',
      title: 'CockroachDB',
      ring: 'trial',
      type: 'tool',
      sectors: ['Data Layer'],
      layers: [{ section: 'Data Layer', group: 'Operational Databases', layer: 'Relational', ring: 'trial' }],
    },
    {
      ref: 'technology:default/aws',
      name: 'aws',
      title: 'AWS',
      ring: 'adopt',
      type: 'platform',
      sectors: ['Core Infrastructure'],
      layers: [{ section: 'Core Infrastructure', layer: 'Cloud', ring: 'adopt' }],
    },
  ],
};

describe('TechRadarPage', () => {
  it('shows one table per section with technologies in their ring columns', async () => {
    const api: TechStackApi = { getRadar: jest.fn().mockResolvedValue(radar) };
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <TechRadarPage />
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByText('Data Layer')).toBeInTheDocument();
    expect(screen.getByText('Core Infrastructure')).toBeInTheDocument();
    const row = screen.getByText('Relational').closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    // Group, Layer, Adopt, Trial, Assess, Hold
    expect(cells[2]).toHaveTextContent('PostgreSQL');
    expect(cells[3]).toHaveTextContent('CockroachDB');
    expect(cells[2]).not.toHaveTextContent('CockroachDB');
  });

  it('shows the error when the backend fails', async () => {
    const api: TechStackApi = {
      getRadar: jest.fn().mockRejectedValue(new Error('backend down')),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <TechRadarPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });
});
