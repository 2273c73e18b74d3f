import { Entity } from '@backstage/catalog-model';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import { TechStackApi, techStackApiRef } from '../api';
import { technologyEntityContent } from './entityContent';

const techStackApi = {
  getAdoptionHistory: jest.fn().mockResolvedValue({
    kind: 'technology',
    technology: {
      ref: 'technology:default/apache-kafka',
      title: 'Apache Kafka',
    },
    from: '2026-01-01',
    to: '2026-06-29',
    points: [],
  }),
} as unknown as TechStackApi;

const technology: Entity = {
  apiVersion: 'techstack.dev/v1alpha1',
  kind: 'Technology',
  metadata: {
    name: 'apache-kafka',
    namespace: 'default',
    title: 'Apache Kafka',
    annotations: {
      'techstack.dev/ring-history': JSON.stringify([
        { date: '2024-01-01', to: 'trial' },
        { date: '2025-05-01', from: 'trial', to: 'adopt' },
      ]),
    },
  },
  spec: {
    ring: 'adopt',
    type: 'platform',
    owner: 'group:default/platform',
    aliases: ['Kafka'],
    layers: [
      { section: 'Data Layer', layer: 'Real-time', ring: 'adopt' },
      { section: 'Core Infrastructure', layer: 'Messaging', ring: 'trial' },
    ],
  },
  relations: [],
};

function renderContent(entity: Entity) {
  renderTestApp({
    extensions: [createTestEntityPage({ entity }), technologyEntityContent],
    apis: [
      [catalogApiRef, catalogApiMock({ entities: [entity] })],
      [techStackApiRef, techStackApi],
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('entity-content:tech-stack/technology', () => {
  it('shows the Technology tab of a Technology: overview, layers, history, users', async () => {
    renderContent(technology);

    expect(await screen.findByText('Ring: Adopt')).toBeInTheDocument();
    expect(screen.getByText('Kafka')).toBeInTheDocument();
    const layers = screen.getByRole('table', { name: 'Rings per layer' });
    expect(within(layers).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Trial → Adopt')).toBeInTheDocument();
    expect(
      await screen.findByText('No history yet (snapshots are taken daily)'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'No component declares that it uses this technology yet.',
      ),
    ).toBeInTheDocument();
  });

  it('is not a tab of other kinds', async () => {
    renderContent({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'orders', namespace: 'default' },
      spec: { type: 'service', owner: 'team-a' },
    });
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });
});
