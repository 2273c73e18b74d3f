import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { Adoption, TechStackApi, techStackApiRef } from '../../api';
import { AdoptionView } from './AdoptionView';
import { adoptionCsv, csvField } from './adoptionCsv';

const zero = { adopt: 0, trial: 0, assess: 0, hold: 0 };

const adoption: Adoption = {
  technologies: [
    {
      ref: 'technology:default/postgresql',
      name: 'postgresql',
      title: 'PostgreSQL',
      ring: 'adopt',
      sections: ['Data Layer'],
      componentCount: 3,
      teamCount: 2,
    },
    {
      ref: 'technology:default/rancher',
      name: 'rancher',
      title: 'Rancher',
      ring: 'hold',
      sections: ['Core'],
      ringReason: 'Phased out',
      componentCount: 1,
      teamCount: 1,
    },
  ],
  teams: [
    {
      ref: 'group:default/payments',
      title: 'Payments, "Core"',
      componentCount: 2,
      usageCount: 2,
      byRing: { ...zero, adopt: 2 },
      cells: [{ technologyRef: 'technology:default/postgresql', count: 2 }],
      offGuide: [{ name: '=MySQL', count: 1 }],
    },
    {
      ref: 'group:default/platform',
      title: 'Platform',
      componentCount: 2,
      usageCount: 3,
      byRing: { ...zero, adopt: 1, hold: 1 },
      cells: [
        { technologyRef: 'technology:default/postgresql', count: 1 },
        { technologyRef: 'technology:default/rancher', count: 1 },
      ],
      offGuide: [],
    },
  ],
  totals: {
    teams: 2,
    components: 4,
    usages: 4,
    byRing: { ...zero, adopt: 3, hold: 1 },
    offGuide: 1,
  },
  page: { offset: 0, limit: 500, total: 2 },
  sections: ['Core', 'Data Layer'],
  groups: [
    { ref: 'group:default/payments', title: 'Payments, "Core"' },
    { ref: 'group:default/platform', title: 'Platform' },
  ],
};

function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

async function renderView(path = '/tech-radar/adoption') {
  const api = {
    getAdoption: jest.fn().mockImplementation(async (request: any) => {
      if (request?.includeComponents) {
        return {
          ...adoption,
          teams: adoption.teams.map(t => ({
            ...t,
            cells: t.cells.map(c => ({
              ...c,
              components: [
                'component:default/orders',
                'component:default/billing',
              ],
            })),
          })),
        };
      }
      return adoption;
    }),
  } as unknown as TechStackApi;
  await renderInTestApp(
    <TestApiProvider apis={[[techStackApiRef, api]]}>
      <AdoptionView />
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  await screen.findByTestId('adoption-heat-map');
  return api;
}

describe('AdoptionView', () => {
  it('shows the numbers in the cells, not colour alone, rings as text', async () => {
    await renderView();
    const table = screen.getByRole('table', { name: /Adoption/ });
    const rows = within(table).getAllByRole('row');
    // header, then teams sorted by total usages: Platform (3) first
    expect(rows[1]).toHaveTextContent('Platform');
    expect(
      within(rows[1]).getByRole('button', {
        name: '1 component of Platform use Rancher',
      }),
    ).toHaveTextContent('1');
    expect(
      within(rows[2]).getByRole('button', {
        name: '2 components of Payments, "Core" use PostgreSQL',
      }),
    ).toHaveTextContent('2');
    expect(within(rows[0]).getByText('Hold')).toBeInTheDocument();
    expect(within(rows[2]).getByText(/=MySQL \(1\)/)).toBeInTheDocument();
  });

  it('sorts by team name and writes filters to the URL', async () => {
    const api = await renderView();
    fireEvent.change(screen.getByLabelText('Sort teams by'), {
      target: { value: 'team' },
    });
    fireEvent.change(screen.getByLabelText('Ring'), {
      target: { value: 'hold' },
    });
    fireEvent.change(screen.getByLabelText('Team'), {
      target: { value: 'group:default/platform' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/tech-radar/adoption?sort=team&ring=hold&team=group%3Adefault%2Fplatform',
      ),
    );
    await waitFor(() =>
      expect(api.getAdoption).toHaveBeenLastCalledWith(
        expect.objectContaining({
          ring: 'hold',
          team: 'group:default/platform',
          sort: 'team',
        }),
      ),
    );
    const rows = within(
      await screen.findByTestId('adoption-heat-map'),
    ).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Payments');
  });

  it('reads the filters from the URL', async () => {
    const api = await renderView(
      '/tech-radar/adoption?section=Core&ring=adopt&columns=name',
    );
    expect(api.getAdoption).toHaveBeenCalledWith(
      expect.objectContaining({ section: 'Core', ring: 'adopt' }),
    );
    expect(screen.getByLabelText('Section')).toHaveValue('Core');
    expect(screen.getByLabelText('Sort technologies by')).toHaveValue('name');
  });

  it('opens the components of a cell with links', async () => {
    await renderView();
    fireEvent.click(
      screen.getByRole('button', {
        name: '2 components of Payments, "Core" use PostgreSQL',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/PostgreSQL · Payments/),
    ).toBeInTheDocument();
    const links = await within(dialog).findAllByRole('link');
    expect(links.map(l => l.getAttribute('href'))).toEqual([
      '/catalog/default/component/billing',
      '/catalog/default/component/orders',
    ]);
  });

  it('exports the loaded data as escaped CSV through a Blob', async () => {
    await renderView();
    const createObjectURL = jest.fn().mockReturnValue('blob:csv');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: /Export CSV/ }));
    expect(click).toHaveBeenCalled();
    const blob: Blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const text = await blob.text();
    expect(text.split('\r\n')).toEqual([
      'team,team_ref,technology,technology_ref,ring,components',
      'Platform,group:default/platform,PostgreSQL,technology:default/postgresql,adopt,1',
      'Platform,group:default/platform,Rancher,technology:default/rancher,hold,1',
      '"Payments, ""Core""",group:default/payments,PostgreSQL,technology:default/postgresql,adopt,2',
      `"Payments, ""Core""",group:default/payments,'=MySQL,,off-guide,1`,
      '',
    ]);
    click.mockRestore();
  });
});

describe('adoptionCsv', () => {
  it('escapes fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-1)).toBe('-1');
    expect(adoptionCsv({ ...adoption, teams: [] })).toBe(
      'team,team_ref,technology,technology_ref,ring,components\r\n',
    );
  });
});
