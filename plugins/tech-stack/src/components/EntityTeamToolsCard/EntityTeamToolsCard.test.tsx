import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { TechStack, TechStackApi, techStackApiRef } from '../../api';
import { EntityTeamToolsCard } from './EntityTeamToolsCard';

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'platform-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

const zero = { adopt: 0, trial: 0, assess: 0, hold: 0 };

const stack: TechStack = {
  entityRef: 'group:default/platform-team',
  kind: 'group',
  components: [],
  technologies: [
    {
      ref: 'technology:default/grafana',
      name: 'grafana',
      title: 'Grafana',
      ring: 'adopt',
      sections: ['Observability'],
      components: ['component:default/a', 'component:default/b'],
      sources: ['annotation'],
      evidence: ['annotation:Grafana'],
    },
    {
      ref: 'technology:default/rancher',
      name: 'rancher',
      title: 'Rancher',
      ring: 'hold',
      sections: ['Core'],
      ringReason: 'Phased out',
      components: ['component:default/c'],
      sources: ['annotation'],
      evidence: ['annotation:Rancher'],
    },
  ],
  offGuide: [{ name: 'MySQL', components: ['component:default/c'] }],
  totals: {
    components: 3,
    usages: 4,
    byRing: { ...zero, adopt: 2, hold: 1 },
    offGuide: 1,
    adoptShare: 0.5,
  },
};

describe('EntityTeamToolsCard', () => {
  it('groups by ring with counts, flags and the adopt share', async () => {
    const api = {
      getStack: jest.fn().mockResolvedValue(stack),
      getAdoptionHistory: jest.fn().mockResolvedValue({
        kind: 'team',
        team: { ref: 'group:default/platform-team' },
        from: '2026-01-01',
        to: '2026-01-02',
        points: [
          { day: '2026-01-01', hold: 2, offGuide: 0 },
          { day: '2026-01-02', hold: 1, offGuide: 1 },
        ],
      }),
    } as unknown as TechStackApi;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <EntityProvider entity={group}>
          <EntityTeamToolsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(await screen.findByTestId('adopt-share')).toHaveTextContent(
      '50% of usages on adopt',
    );
    expect(api.getStack).toHaveBeenCalledWith('group:default/platform-team');
    const adopt = screen.getByRole('region', { name: 'Ring adopt' });
    expect(adopt).toHaveTextContent('Adopt (1)');
    expect(adopt).toHaveTextContent('Grafana 2 components');
    const hold = screen.getByRole('region', { name: 'Ring hold' });
    expect(hold).toHaveTextContent('Rancher 1 component⚠ On hold: Phased out');
    expect(
      within(
        screen.getByRole('region', { name: 'Not in the guide' }),
      ).getByText('MySQL'),
    ).toBeInTheDocument();

    const history = await screen.findByRole('region', {
      name: 'Hold and not-in-guide over time',
    });
    expect(api.getAdoptionHistory).toHaveBeenCalledWith({
      team: 'group:default/platform-team',
    });
    expect(within(history).getByRole('img')).toHaveAttribute(
      'aria-label',
      'Hold and not-in-guide usages, 2026-01-01 to 2026-01-02; latest hold: 1, not in guide: 1',
    );
    expect(history).toHaveTextContent(
      '2026-01-02: 1 on hold, 1 not in the guide',
    );
  });

  it('says when there is no history yet', async () => {
    const api = {
      getStack: jest.fn().mockResolvedValue(stack),
      getAdoptionHistory: jest.fn().mockResolvedValue({
        kind: 'team',
        team: { ref: 'group:default/platform-team' },
        from: '2026-01-01',
        to: '2026-01-02',
        points: [],
      }),
    } as unknown as TechStackApi;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api]]}>
        <EntityProvider entity={group}>
          <EntityTeamToolsCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(
      await screen.findByText('No history yet (snapshots are taken daily)'),
    ).toBeInTheDocument();
  });
});
