import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Campaign, TechStackApi, techStackApiRef } from '../../api';
import { TechRadarPage } from '../TechRadarPage';
import { CampaignsView } from './CampaignsView';
import { daysLeftText } from './campaignText';

const rancher: Campaign = {
  id: 'rancher-to-managed-kubernetes',
  technology: {
    name: 'Rancher',
    ref: 'technology:default/rancher',
    title: 'Rancher',
  },
  replaceWith: [
    { name: 'EKS', ref: 'technology:default/eks', title: 'EKS' },
    { name: 'GKE', ref: 'technology:default/gke', title: 'GKE' },
  ],
  deadline: '2027-05-01',
  daysLeft: 146,
  status: 'on-track',
  reason: '<b>Rancher is on hold</b>',
  totals: { remaining: 3, migrated: 1, teams: 2 },
  teams: [
    {
      ref: 'group:default/platform-team',
      title: 'Platform Team',
      remaining: 2,
      components: [
        {
          ref: 'component:default/edge-clusters',
          title: 'Edge Clusters',
          evidence: ['annotation:Rancher'],
        },
        { ref: 'component:default/ops', evidence: ['tag:rancher'] },
      ],
    },
    {
      remaining: 1,
      components: [
        { ref: 'component:default/orphan', evidence: ['annotation:Rancher'] },
      ],
    },
  ],
  migrated: [{ ref: 'component:default/clusters' }],
};

const unknown: Campaign = {
  id: 'ranchr',
  technology: { name: 'Ranchr', suggestions: ['Rancher'] },
  replaceWith: [{ name: 'Nomad' }],
  deadline: '2026-12-01',
  daysLeft: -5,
  status: 'unknown-technology',
  totals: { remaining: 0, migrated: 0, teams: 0 },
  teams: [],
  migrated: [],
};

function renderView(api: Partial<TechStackApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[techStackApiRef, api as TechStackApi]]}>
      <CampaignsView />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('CampaignsView', () => {
  it('shows each campaign with status, deadline, and remaining components per team', async () => {
    await renderView({
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [rancher, unknown] }),
    });
    const campaign = await screen.findByRole('region', {
      name: 'Campaign rancher-to-managed-kubernetes',
    });
    expect(screen.getByText('Rancher → EKS, GKE')).toBeInTheDocument();
    // catalog and config text is never HTML
    expect(screen.getByText('<b>Rancher is on hold</b>')).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();
    expect(within(campaign).getByText('On track')).toBeInTheDocument();
    expect(campaign).toHaveTextContent('Deadline 2027-05-01 (146 days left)');
    expect(
      within(campaign).getByTestId('campaign-remaining'),
    ).toHaveTextContent(
      '3 remaining components in 2 teams, 1 on a replacement',
    );
    const table = within(campaign).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      'Platform Team2Edge Clustersops',
      'No owner1orphan',
    ]);
    expect(
      within(rows[0]).getByRole('link', { name: 'Edge Clusters' }),
    ).toHaveAttribute('href', '/catalog/default/component/edge-clusters');

    const other = screen.getByRole('region', { name: 'Campaign ranchr' });
    expect(within(other).getByText('Unknown technology')).toBeInTheDocument();
    expect(other).toHaveTextContent(
      '“Ranchr” matches no technology in the guide; did you mean Rancher?',
    );
    expect(other).toHaveTextContent('5 days overdue');
  });

  it('downloads the CSV through the API as a blob', async () => {
    const getCampaignCsv = jest
      .fn()
      .mockResolvedValue(new Blob(['campaign\r\n'], { type: 'text/csv' }));
    const createObjectURL = jest.fn(() => 'blob:campaign');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    await renderView({
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [rancher] }),
      getCampaignCsv,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Download CSV' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(getCampaignCsv).toHaveBeenCalledWith(
      'rancher-to-managed-kubernetes',
    );
    expect(createObjectURL).toHaveBeenCalled();
    const link = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(link.download).toBe(
      'tech-stack-campaign-rancher-to-managed-kubernetes.csv',
    );
    click.mockRestore();
  });

  it('shows an empty state when no campaign is configured', async () => {
    await renderView({
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [] }),
    });
    expect(
      await screen.findByText('No migration campaigns'),
    ).toBeInTheDocument();
    expect(screen.getByText(/techStack\.campaigns/)).toBeInTheDocument();
  });

  it.each([
    [10, '10 days left'],
    [1, '1 day left'],
    [0, 'due today'],
    [-1, '1 day overdue'],
  ])('says %i days as "%s"', (days, text) => {
    expect(daysLeftText(days)).toBe(text);
  });
});

describe('TechRadarPage (legacy)', () => {
  it('has the Campaigns tab beside Radar and Adoption', async () => {
    const api = {
      getRadar: jest.fn().mockResolvedValue({
        sectors: [],
        rings: ['adopt', 'trial', 'assess', 'hold'],
        entries: [],
      }),
      getCampaigns: jest
        .fn()
        .mockResolvedValue({ generatedAt: '', campaigns: [rancher] }),
    } as Partial<TechStackApi>;
    await renderInTestApp(
      <TestApiProvider apis={[[techStackApiRef, api as TechStackApi]]}>
        <TechRadarPage />
      </TestApiProvider>,
      {
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
        routeEntries: ['/campaigns'],
      },
    );
    expect(
      (await screen.findAllByRole('tab')).map(tab => tab.textContent),
    ).toEqual(['Radar', 'Adoption', 'Campaigns']);
    expect(await screen.findByText('Rancher → EKS, GKE')).toBeInTheDocument();
  });
});
