import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router-dom';
import { Radar, RadarEntry, TechStackApi, techStackApiRef } from '../../api';
import { TechRadarPage } from './TechRadarPage';

function entry(
  name: string,
  title: string,
  layers: RadarEntry['layers'],
  extra: Partial<RadarEntry> = {},
): RadarEntry {
  return {
    ref: `technology:default/${name}`,
    name,
    title,
    ring: layers[0].ring,
    type: 'tool',
    sectors: [...new Set(layers.map(l => l.section))],
    layers,
    aliases: [],
    movement: 'none',
    usageCount: 0,
    ...extra,
  };
}

const radar: Radar = {
  sectors: ['Core Infrastructure', 'Data Layer'],
  rings: ['adopt', 'trial', 'assess', 'hold'],
  entries: [
    entry('aws', 'AWS', [
      { section: 'Core Infrastructure', layer: 'Cloud', ring: 'adopt' },
    ]),
    entry(
      'cockroachdb',
      'CockroachDB',
      [
        {
          section: 'Data Layer',
          group: 'Operational Databases',
          layer: 'Relational',
          ring: 'trial',
        },
      ],
      { movement: 'in' },
    ),
    entry(
      'apache-kafka',
      'Apache Kafka',
      [
        {
          section: 'Data Layer',
          group: 'Analytical Databases',
          layer: 'Real-time',
          ring: 'adopt',
        },
        { section: 'Core Infrastructure', layer: 'Messaging', ring: 'trial' },
      ],
      { aliases: ['Kafka'] },
    ),
    entry(
      'postgresql',
      'PostgreSQL',
      [
        {
          section: 'Data Layer',
          group: 'Operational Databases',
          layer: 'Relational',
          ring: 'adopt',
        },
      ],
      { usageCount: 3 },
    ),
  ],
};

function LocationProbe() {
  const location = useLocation();
  return (
    <div data-testid="location">{`${location.pathname}${location.search}`}</div>
  );
}

async function renderPage(data: Radar = radar, path = '/tech-radar') {
  const api = {
    getRadar: jest.fn().mockResolvedValue(data),
    getRadarChanges: jest.fn().mockResolvedValue({
      from: '2025-01-01',
      to: '2025-03-01',
      movedIn: [],
      movedOut: [],
      added: [],
      removed: [],
      historyComplete: true,
    }),
    getAdoption: jest.fn().mockResolvedValue({
      technologies: [],
      teams: [],
      totals: { teams: 0, components: 0, usages: 0, offGuide: 0 },
      page: { offset: 0, limit: 500, total: 0 },
      sections: [],
      groups: [],
    }),
  } as unknown as TechStackApi;
  await renderInTestApp(
    <TestApiProvider apis={[[techStackApiRef, api]]}>
      <Routes>
        <Route path="/tech-radar/*" element={<TechRadarPage />} />
        <Route path="*" element={null} />
      </Routes>
      <LocationProbe />
    </TestApiProvider>,
    {
      routeEntries: [path],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  await screen.findByTestId('tech-radar');
  return api;
}

describe('TechRadarPage', () => {
  it('draws every entry as a blip with an accessible name, per sector', async () => {
    await renderPage();
    const blips = screen.getAllByTestId('tech-radar-blip');
    // Kafka appears in two sectors
    expect(blips).toHaveLength(5);
    const svg = screen.getByTestId('tech-radar');
    for (const name of [
      'AWS, Adopt, Core Infrastructure',
      'Apache Kafka, Trial, Core Infrastructure',
      'Apache Kafka, Adopt, Data Layer',
      'CockroachDB, Trial, Data Layer',
      'PostgreSQL, Adopt, Data Layer',
    ]) {
      expect(within(svg).getByRole('link', { name })).toBeInTheDocument();
    }
    // moved-in marker on CockroachDB
    const cockroach = within(svg).getByRole('link', {
      name: 'CockroachDB, Trial, Data Layer',
    });
    expect(cockroach.querySelector('[data-movement="in"]')).not.toBeNull();
    // the legend numbers them like the blips
    const legend = screen.getByTestId('tech-radar-legend');
    expect(within(legend).getAllByRole('link')).toHaveLength(5);
  });

  it('shows one table per section with group sub-headings, rings and usage', async () => {
    await renderPage();
    const table = screen.getByRole('table', { name: 'Data Layer' });
    const group = within(table).getByText('Operational Databases');
    expect(group.closest('th')).not.toBeNull();
    // names are cut to two lines, in full on hover
    expect(group).toHaveAttribute('title', 'Operational Databases');
    const row = within(table).getByRole('rowheader', { name: 'Relational' })
      .parentElement!;
    const cells = within(row).getAllByRole('cell');
    // Adopt, Trial, Assess, Hold
    expect(cells[0]).toHaveTextContent('PostgreSQL(3 users)');
    expect(cells[1]).toHaveTextContent('CockroachDB');
    expect(cells[0]).not.toHaveTextContent('CockroachDB');
    expect(
      screen.getByRole('table', { name: 'Core Infrastructure' }),
    ).toBeInTheDocument();
  });

  it('reaches blips with Tab and the arrow keys, and shows the tooltip on focus', async () => {
    await renderPage();
    const user = userEvent.setup();
    const blips = screen.getAllByTestId('tech-radar-blip');
    // only one blip is in the tab order (roving tabindex)
    expect(blips.filter(b => b.getAttribute('tabindex') === '0')).toHaveLength(
      1,
    );
    screen.getByLabelText('Sector').focus();
    await user.tab();
    expect(document.activeElement).toBe(blips[0]);
    expect(screen.getByRole('tooltip')).toHaveTextContent('AWS');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(blips[1]);
    expect(blips[1]).toHaveAttribute('tabindex', '0');
    expect(blips[0]).toHaveAttribute('tabindex', '-1');
    expect(screen.getByRole('tooltip')).toHaveTextContent('Apache Kafka');
    expect(screen.getByRole('tooltip')).toHaveTextContent('Trial');
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(blips[4]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(blips[4]);
    // Tab leaves the radar
    await user.tab();
    expect(document.activeElement?.getAttribute('data-testid')).not.toBe(
      'tech-radar-blip',
    );
  });

  it('opens the entity page with Enter and with a click', async () => {
    await renderPage();
    const user = userEvent.setup();
    const blip = screen.getByRole('link', {
      name: 'PostgreSQL, Adopt, Data Layer',
    });
    blip.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/catalog/default/technology/postgresql',
    );
  });

  it('opens the entity page from the legend, in the app', async () => {
    await renderPage();
    const legend = screen.getByTestId('tech-radar-legend');
    const link = within(legend).getByRole('link', { name: 'CockroachDB' });
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/technology/cockroachdb',
    );
    // a modified click is left to the browser (new tab)
    fireEvent.click(link, { ctrlKey: true });
    expect(screen.getByTestId('location')).toHaveTextContent('/tech-radar');
    fireEvent.click(link);
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/catalog/default/technology/cockroachdb',
    );
  });

  it('opens the entity page on click', async () => {
    await renderPage();
    fireEvent.click(
      screen.getByRole('link', { name: 'AWS, Adopt, Core Infrastructure' }),
    );
    expect(screen.getByTestId('location')).toHaveTextContent(
      '/catalog/default/technology/aws',
    );
  });

  it('shows the tooltip on hover', async () => {
    await renderPage();
    const blip = screen.getByRole('link', {
      name: 'CockroachDB, Trial, Data Layer',
    });
    fireEvent.mouseOver(blip);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip).toHaveTextContent('CockroachDB');
    expect(tooltip).toHaveTextContent('Operational Databases › Relational');
    expect(tooltip).toHaveTextContent('moved in');
    fireEvent.mouseOut(blip);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
  });

  it('filters radar and tables by search, keeping it in the URL', async () => {
    await renderPage();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search technologies'), 'kafka');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/tech-radar?q=kafka',
      ),
    );
    const names = screen
      .getAllByTestId('tech-radar-blip')
      .map(b => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Apache Kafka, Trial, Core Infrastructure',
      'Apache Kafka, Adopt, Data Layer',
    ]);
    expect(screen.queryByRole('rowheader', { name: 'Relational' })).toBeNull();
    expect(
      screen.getByRole('rowheader', { name: 'Real-time' }),
    ).toBeInTheDocument();
  });

  it('reads ring and sector filters from the URL and writes them back', async () => {
    await renderPage(radar, '/tech-radar?ring=adopt&sector=Data%20Layer');
    expect(
      screen
        .getAllByTestId('tech-radar-blip')
        .map(b => b.getAttribute('aria-label')),
    ).toEqual([
      'Apache Kafka, Adopt, Data Layer',
      'PostgreSQL, Adopt, Data Layer',
    ]);
    expect(
      screen.queryByRole('table', { name: 'Core Infrastructure' }),
    ).toBeNull();
    expect(screen.queryByText('CockroachDB')).toBeNull();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Ring'), 'Trial');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        'ring=trial&sector=Data+Layer',
      ),
    );
    expect(
      screen
        .getAllByTestId('tech-radar-blip')
        .map(b => b.getAttribute('aria-label')),
    ).toEqual(['CockroachDB, Trial, Data Layer']);
  });

  it('lists what a crowded segment cannot hold instead of dropping it', async () => {
    const crowded: Radar = {
      ...radar,
      sectors: ['Data Layer', ...Array.from({ length: 11 }, (_, i) => `S${i}`)],
      entries: Array.from({ length: 150 }, (_, i) =>
        entry(`t${i}`, `Tech ${String(i).padStart(3, '0')}`, [
          { section: 'Data Layer', layer: 'Relational', ring: 'adopt' },
        ]),
      ),
    };
    await renderPage(crowded);
    const drawn = screen.getAllByTestId('tech-radar-blip').length;
    const button = screen
      .getByText(`+${150 - drawn} more in Data Layer · Adopt`)
      .closest('button')!;
    expect(drawn).toBeGreaterThan(20);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const list = screen.getByTestId('tech-radar-overflow');
    expect(list.querySelectorAll('a')).toHaveLength(150 - drawn);
    expect(within(list).getByText('Tech 149')).toBeInTheDocument();
  });

  it('renders guide text as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await renderPage({
      ...radar,
      sectors: ['<b>Sector</b>'],
      entries: [
        entry('evil', evil, [
          {
            section: '<b>Sector</b>',
            layer: '<script>x</script>',
            ring: 'hold',
          },
        ]),
      ],
    });
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(
      screen.getByRole('link', { name: `${evil}, Hold, <b>Sector</b>` }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(evil).length).toBeGreaterThan(0);
  });

  it('shows the radar as of the date in the URL, with a banner', async () => {
    const api = await renderPage(
      { ...radar, asOf: '2025-03-01', historyComplete: false },
      '/tech-radar?date=2025-03-01',
    );
    expect(api.getRadar).toHaveBeenCalledWith({ date: '2025-03-01' });
    expect(screen.getByTestId('tech-radar-as-of')).toHaveTextContent(
      'Radar as of 2025-03-01. The ring history before 2025-03-01 is incomplete',
    );
    expect(screen.getByLabelText('As of')).toHaveValue('2025-03-01');
    fireEvent.change(screen.getByLabelText('As of'), {
      target: { value: '2025-02-01' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/tech-radar?date=2025-02-01',
      ),
    );
    await waitFor(() =>
      expect(api.getRadar).toHaveBeenLastCalledWith({ date: '2025-02-01' }),
    );
    fireEvent.change(screen.getByLabelText('As of'), {
      target: { value: '' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        /^\/tech-radar$/,
      ),
    );
  });

  it('ignores a malformed date in the URL: today, no banner', async () => {
    const api = await renderPage(radar, '/tech-radar?date=2025-02-30');
    expect(api.getRadar).toHaveBeenCalledWith(undefined);
    expect(screen.queryByTestId('tech-radar-as-of')).toBeNull();
    expect(screen.getByLabelText('As of')).toHaveValue('');
  });

  it('passes no guide by default', async () => {
    const api = await renderPage();
    expect(api.getRadar).toHaveBeenCalledWith(undefined);
  });

  it('shows the error when the backend fails', async () => {
    const api = {
      getRadar: jest.fn().mockRejectedValue(new Error('backend down')),
    } as unknown as TechStackApi;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <TechRadarPage />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Error: backend down', { selector: 'h6' }),
    ).toBeInTheDocument();
  });

  it('has Radar and Adoption tabs; the adoption tab keeps its own URL', async () => {
    await renderPage(radar, '/tech-radar?ring=adopt');
    expect(screen.getByRole('tab', { name: 'Radar' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // the radar's URL filter still applies
    expect(screen.getByLabelText('Ring')).toHaveValue('adopt');
    fireEvent.click(screen.getByRole('tab', { name: 'Adoption' }));
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(
        '/tech-radar/adoption',
      ),
    );
    expect(
      await screen.findByText(
        'No component uses a technology that matches the filters.',
      ),
    ).toBeInTheDocument();
  });
});
