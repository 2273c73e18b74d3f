import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ExtensionDefinition } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { TechStack, TechStackApi, techStackApiRef } from '../api';
import {
  teamToolsEntityCard,
  technologyOverviewEntityCard,
  techStackEntityCard,
} from './entityCards';

const technology: Entity = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: { name: 'postgresql', namespace: 'default', title: 'PostgreSQL' },
  spec: {
    ring: 'adopt',
    type: 'tool',
    owner: 'group:default/platform',
    ringReason: 'Mature and boring',
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

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  };
}

const orders = component('orders', 'group:default/team-a');
const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-a', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const zero = { adopt: 0, trial: 0, assess: 0, hold: 0 };

function stackOf(entity: Entity): TechStack {
  return {
    entityRef: `${entity.kind.toLocaleLowerCase('en-US')}:default/${
      entity.metadata.name
    }`,
    kind: entity.kind === 'Group' ? 'group' : 'component',
    components: [],
    technologies: [
      {
        ref: 'technology:default/postgresql',
        name: 'postgresql',
        title: 'PostgreSQL',
        ring: 'adopt',
        sections: ['Data Layer'],
        components: ['component:default/orders'],
        sources: ['annotation'],
        evidence: ['annotation:PostgreSQL'],
      },
      {
        ref: 'technology:default/rancher',
        name: 'rancher',
        title: 'Rancher',
        ring: 'hold',
        sections: ['Core'],
        ringReason: 'Phased out',
        components: ['component:default/orders'],
        sources: ['annotation'],
        evidence: ['annotation:Rancher'],
      },
    ],
    offGuide: [],
    totals: {
      components: 1,
      usages: 2,
      byRing: { ...zero, adopt: 1, hold: 1 },
      offGuide: 0,
      adoptShare: 0.5,
    },
  };
}

/** The TechStack API edge: the stack of whichever entity is asked for. */
function techStackApi(entity: Entity) {
  return {
    getStack: jest.fn().mockResolvedValue(stackOf(entity)),
    getCampaigns: jest
      .fn()
      .mockResolvedValue({ generatedAt: '', campaigns: [] }),
    getAdoptionHistory: jest.fn().mockResolvedValue({
      kind: 'team',
      team: { ref: stringifyEntityRef(entity) },
      from: '2026-01-01',
      to: '2026-06-29',
      points: [],
    }),
  } as unknown as jest.Mocked<TechStackApi>;
}

/** Renders a card on a test entity page, which applies the card's filter. */
function renderCard(card: ExtensionDefinition, entity: Entity) {
  const api = techStackApi(entity);
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), card],
    apis: [
      [techStackApiRef, api],
      [
        catalogApiRef,
        catalogApiMock({
          entities: [
            technology,
            orders,
            component('billing', 'group:default/team-a'),
            component('search', 'group:default/team-b'),
            group,
          ],
        }),
      ],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api;
}

describe('entity-card:tech-stack/technology-overview', () => {
  it('shows ring, reason, rings per layer and who uses it for a Technology', async () => {
    renderCard(technologyOverviewEntityCard, technology);

    expect(await screen.findByText('Ring: Adopt')).toBeInTheDocument();
    expect(screen.getByText('Mature and boring')).toBeInTheDocument();
    const layers = screen.getByRole('table', { name: 'Rings per layer' });
    const rows = within(layers).getAllByRole('row');
    expect(rows.map(row => row.textContent)).toEqual([
      'SectionGroupLayerRing',
      'Data LayerOperational DatabasesRelationalAdopt',
      'ObservabilityStorageTrial',
    ]);
    expect(
      await screen.findByText('Used by 3 components in 2 teams'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'team-a' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'orders' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'search' })).toBeInTheDocument();
  });

  it('is not on the overview of a Component', async () => {
    renderCard(technologyOverviewEntityCard, orders);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});

describe('entity-card:tech-stack/tech-stack', () => {
  it('shows the stack of a Component from the TechStack API', async () => {
    const api = renderCard(techStackEntityCard, orders);
    expect(await screen.findByText('Tech stack')).toBeInTheDocument();
    expect(await screen.findByText('PostgreSQL')).toBeInTheDocument();
    expect(screen.getByText('Rancher')).toBeInTheDocument();
    expect(api.getStack).toHaveBeenCalledWith('component:default/orders');
  });

  it('is not on the overview of a Group or a Technology', async () => {
    renderCard(techStackEntityCard, group);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
    const filter = createExtensionTester(techStackEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    expect(filter(technology)).toBe(false);
    expect(filter(orders)).toBe(true);
  });
});

describe('entity-card:tech-stack/team-tools', () => {
  it('shows the tools of a Group by ring from the TechStack API', async () => {
    const api = renderCard(teamToolsEntityCard, group);
    expect(
      await screen.findByText('Tools used by this team'),
    ).toBeInTheDocument();
    expect(await screen.findByTestId('adopt-share')).toHaveTextContent(
      '50% of usages on adopt',
    );
    expect(screen.getByRole('region', { name: 'Ring hold' })).toHaveTextContent(
      'Rancher',
    );
    expect(api.getStack).toHaveBeenCalledWith('group:default/team-a');
  });

  it('is not on the overview of a Component', async () => {
    renderCard(teamToolsEntityCard, orders);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});

describe('entity cards', () => {
  it('are content cards, placed in the wide area of the Overview', () => {
    const type = EntityCardBlueprint.dataRefs.type;
    expect(createExtensionTester(technologyOverviewEntityCard).get(type)).toBe(
      'content',
    );
    expect(createExtensionTester(techStackEntityCard).get(type)).toBe(
      'content',
    );
    expect(createExtensionTester(teamToolsEntityCard).get(type)).toBe(
      'content',
    );
  });
});
