import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Campaign, TechStack, TechStackApi, techStackApiRef } from '../../api';
import { EntityTechStackCard } from './EntityTechStackCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'edge-clusters', namespace: 'default' },
  spec: { owner: 'platform-team' },
};

const zero = { adopt: 0, trial: 0, assess: 0, hold: 0 };

const stack: TechStack = {
  entityRef: 'component:default/edge-clusters',
  kind: 'component',
  components: [],
  technologies: [
    {
      ref: 'technology:default/postgresql',
      name: 'postgresql',
      title: 'PostgreSQL',
      ring: 'adopt',
      sections: ['Data'],
      components: ['component:default/edge-clusters'],
      sources: ['annotation', 'dependency'],
      evidence: ['annotation:Postgres', 'resource:default/orders-db'],
    },
    {
      ref: 'technology:default/rancher',
      name: 'rancher',
      title: 'Rancher',
      ring: 'hold',
      sections: ['Core'],
      ringReason: '<b>Phased out</b>',
      components: ['component:default/edge-clusters'],
      sources: ['tag'],
      evidence: ['tag:rancher'],
    },
  ],
  offGuide: [
    { name: 'MySQL', components: ['component:default/edge-clusters'] },
  ],
  totals: {
    components: 1,
    usages: 3,
    byRing: { ...zero, adopt: 1, hold: 1 },
    offGuide: 1,
    adoptShare: 1 / 3,
  },
};

const campaign: Campaign = {
  id: 'rancher-to-managed-kubernetes',
  technology: {
    name: 'Rancher',
    ref: 'technology:default/rancher',
    title: 'Rancher',
  },
  replaceWith: [
    { name: 'EKS', ref: 'technology:default/eks', title: 'EKS' },
    { name: 'AKS', ref: 'technology:default/aks', title: 'AKS' },
  ],
  deadline: '2027-01-01',
  daysLeft: 26,
  status: 'at-risk',
  reason: 'Rancher is on hold',
  totals: { remaining: 1, migrated: 0, teams: 1 },
  teams: [],
  migrated: [],
};

describe('EntityTechStackCard', () => {
  it('lists the migration campaigns of the component with their deadline', async () => {
    const api = {
      getStack: jest.fn().mockResolvedValue(stack),
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [campaign] }),
    } as unknown as TechStackApi;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityTechStackCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const list = await screen.findByRole('list', {
      name: 'Migration campaigns',
    });
    expect(api.getCampaigns).toHaveBeenCalledWith({
      entityRef: 'component:default/edge-clusters',
    });
    const [item] = within(list).getAllByRole('listitem');
    expect(item).toHaveTextContent('Move off Rancher to EKS, AKS');
    expect(item).toHaveTextContent('At risk');
    expect(item).toHaveTextContent('Deadline 2027-01-01 (26 days left)');
    expect(item).toHaveTextContent('Rancher is on hold');
  });

  it('lists technologies with ring text, sources and flags', async () => {
    const api = {
      getStack: jest.fn().mockResolvedValue(stack),
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [] }),
    } as unknown as TechStackApi;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <EntityProvider entity={entity}>
          <EntityTechStackCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    const list = await screen.findByRole('list', { name: 'Technologies' });
    expect(api.getStack).toHaveBeenCalledWith(
      'component:default/edge-clusters',
    );
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('PostgreSQL');
    expect(items[0]).toHaveTextContent('Adopt');
    expect(items[0]).toHaveTextContent(
      'Found by: declared (Postgres) · depends on default/orders-db',
    );
    expect(items[1]).toHaveTextContent('Hold');
    expect(items[1]).toHaveTextContent('⚠ On hold');
    expect(items[1]).toHaveTextContent('Why on hold: <b>Phased out</b>');
    expect(items[1]).toHaveTextContent('Found by: tag rancher');
    expect(items[2]).toHaveTextContent('MySQL⚠ Not in the guide');
    // catalog text is never HTML
    expect(document.querySelector('b')).toBeNull();
    // part of no campaign: no campaign list
    expect(
      screen.queryByRole('list', { name: 'Migration campaigns' }),
    ).not.toBeInTheDocument();
    expect(
      within(items[0]).getByRole('link', { name: 'PostgreSQL' }),
    ).toHaveAttribute('href', '/catalog/default/technology/postgresql');
  });
});
