import { Entity } from '@backstage/catalog-model';
import {
  catalogApiRef,
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { TechStackApi, techStackApiRef } from '../../api';
import { screen, within } from '@testing-library/react';
import { EntityTechnologyContent } from './EntityTechnologyContent';

const technology: Entity = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: {
    name: 'postgresql',
    namespace: 'default',
    title: 'PostgreSQL <img src=x onerror=alert(1)>',
    annotations: {
      'techstack.dev/source-location': 'url:https://example.com/guide.md#L22',
      'techstack.dev/ring-history': JSON.stringify([
        { date: '2024-01-01', to: 'trial' },
        { date: '2025-05-01', from: 'trial', to: 'adopt' },
      ]),
    },
    links: [
      { url: 'https://www.postgresql.org', title: 'Website' },
      // eslint-disable-next-line no-script-url
      { url: 'javascript:alert(1)', title: 'Evil' },
    ],
  },
  spec: {
    ring: 'adopt',
    type: 'tool',
    owner: 'group:default/platform',
    description: 'The relational database',
    aliases: ['Postgres', 'PG'],
    ringReason: 'Mature and <b>boring</b>',
    layers: [
      {
        section: 'Data Layer',
        group: 'Operational Databases',
        layer: 'Relational',
        ring: 'adopt',
      },
      { section: 'Observability', layer: 'Storage', ring: 'trial' },
    ],
  },
  relations: [
    { type: 'technologyUsedBy', targetRef: 'component:default/orders' },
    { type: 'technologyUsedBy', targetRef: 'component:default/billing' },
    { type: 'technologyUsedBy', targetRef: 'component:default/search' },
  ],
};

function component(name: string, owner?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner },
    relations: owner ? [{ type: 'ownedBy', targetRef: owner }] : [],
  };
}

const techStackApi = {
  getAdoptionHistory: jest.fn().mockResolvedValue({
    kind: 'technology',
    technology: { ref: 'technology:default/postgresql', title: 'PostgreSQL' },
    from: '2026-01-01',
    to: '2026-01-02',
    points: [
      { day: '2026-01-01', components: 2, teams: 1 },
      { day: '2026-01-02', components: 3, teams: 2 },
    ],
  }),
} as unknown as TechStackApi;

describe('EntityTechnologyContent', () => {
  it('shows layers, users by team, history and the guide link, as text only', async () => {
    const catalogApi = {
      getEntitiesByRefs: jest.fn().mockResolvedValue({
        items: [
          component('orders', 'group:default/team-a'),
          component('billing', 'group:default/team-a'),
          component('search', 'group:default/team-b'),
        ],
      }),
      getEntities: jest.fn().mockResolvedValue({
        items: [
          component('orders', 'group:default/team-a'),
          component('billing', 'group:default/team-a'),
          component('search', 'group:default/team-b'),
        ],
      }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApi],
          [techStackApiRef, techStackApi],
        ]}
      >
        <EntityProvider entity={technology}>
          <EntityTechnologyContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('PostgreSQL <img src=x onerror=alert(1)>'),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
    expect(screen.getByText('Mature and <b>boring</b>')).toBeInTheDocument();
    expect(screen.getByText('The relational database')).toBeInTheDocument();
    expect(screen.getByText('Postgres, PG')).toBeInTheDocument();

    // layers with their rings
    const relational = screen.getByText('Relational').closest('tr')!;
    expect(relational).toHaveTextContent('Data Layer');
    expect(relational).toHaveTextContent('Operational Databases');
    expect(relational).toHaveTextContent('Adopt');
    expect(screen.getByText('Storage').closest('tr')).toHaveTextContent(
      'Trial',
    );

    // users grouped by owning team
    expect(
      await screen.findByText('Used by 3 components in 2 teams'),
    ).toBeInTheDocument();
    const teamA = screen.getByText('team-a').closest('li')!;
    expect(within(teamA).getByText('orders')).toBeInTheDocument();
    expect(within(teamA).getByText('billing')).toBeInTheDocument();
    expect(within(teamA).queryByText('search')).toBeNull();
    expect(screen.getByText('team-b').closest('li')).toHaveTextContent(
      'search',
    );

    // components using it over time
    expect(
      await screen.findByRole('img', {
        name: /^Components using it, 2026-01-01 to 2026-01-02/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/2026-01-02: 3 components in 2 teams/),
    ).toBeInTheDocument();
    expect(techStackApi.getAdoptionHistory).toHaveBeenCalledWith({
      technology: 'technology:default/postgresql',
    });

    // ring history, newest first
    expect(screen.getByText('Trial → Adopt')).toBeInTheDocument();
    expect(screen.getByText('Added in Trial')).toBeInTheDocument();

    // links: http(s) only
    expect(
      screen.getByRole('link', { name: /^Guide, line 22/ }),
    ).toHaveAttribute('href', 'https://example.com/guide.md#L22');
    expect(screen.getByRole('link', { name: /^Website/ })).toHaveAttribute(
      'href',
      'https://www.postgresql.org/',
    );
    expect(screen.queryByText('Evil')).toBeNull();
    for (const link of document.querySelectorAll('a')) {
      expect(link.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
    }
  });

  it("names a guide read from the backend's disk by its file name only", async () => {
    const onDisk: Entity = {
      ...technology,
      metadata: {
        ...technology.metadata,
        annotations: {
          'techstack.dev/source-location':
            '/srv/backstage/guides/technology-stack-guide.md#L7',
        },
      },
      relations: [],
    };
    const catalogApi = {
      getEntitiesByRefs: jest.fn().mockResolvedValue({ items: [] }),
      getEntities: jest.fn().mockResolvedValue({ items: [] }),
    };
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, catalogApi],
          [techStackApiRef, techStackApi],
        ]}
      >
        <EntityProvider entity={onDisk}>
          <EntityTechnologyContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('Guide, line 7 (technology-stack-guide.md)'),
    ).toBeInTheDocument();
    expect(document.body.textContent).not.toContain('/srv/backstage');
    expect(screen.queryByRole('link', { name: /^Guide/ })).toBeNull();
  });
});
