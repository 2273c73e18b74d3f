import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { Campaign, TechStackApi, techStackApiRef } from '../../api';
import { NO_HISTORY_TEXT } from '../HistoryChart';
import { CampaignBurnDown } from './CampaignBurnDown';
import { CampaignsView } from './CampaignsView';

const rancher: Campaign = {
  id: 'rancher-to-managed-kubernetes',
  technology: {
    name: 'Rancher',
    ref: 'technology:default/rancher',
    title: 'Rancher',
  },
  replaceWith: [{ name: 'EKS', ref: 'technology:default/eks', title: 'EKS' }],
  deadline: '2027-05-01',
  daysLeft: 146,
  status: 'on-track',
  totals: { remaining: 1, migrated: 1, teams: 1 },
  teams: [],
  migrated: [],
};

const history = {
  id: rancher.id,
  technology: { ref: 'technology:default/rancher', title: 'Rancher' },
  deadline: '2027-05-01',
  from: '2026-06-10',
  to: '2026-12-06',
  points: [
    { day: '2026-12-04', remaining: 6, teams: 1 },
    { day: '2026-12-05', remaining: 3, teams: 1 },
    { day: '2026-12-06', remaining: 1, teams: 1 },
  ],
};

function render(api: Partial<TechStackApi>, campaign = rancher) {
  return renderInTestApp(
    <TestApiProvider apis={[[techStackApiRef, api as TechStackApi]]}>
      <CampaignBurnDown campaign={campaign} />
    </TestApiProvider>,
  );
}

describe('CampaignBurnDown', () => {
  it('draws the components remaining per day, an ideal line and the deadline', async () => {
    const getCampaignHistory = jest.fn().mockResolvedValue(history);
    const { container } = await render({ getCampaignHistory });
    const chart = await screen.findByRole('img', {
      name: /^Rancher: components remaining per day/,
    });
    expect(chart).toHaveAttribute(
      'aria-label',
      'Rancher: components remaining per day, 2026-12-04 to 2026-12-06; latest remaining: 1; Deadline 2027-05-01',
    );
    expect(getCampaignHistory).toHaveBeenCalledWith(
      'rancher-to-managed-kubernetes',
    );
    expect(chart).toHaveTextContent('Deadline');
    expect(chart).toHaveTextContent('2027-05-01');
    // the highest count is the axis' top
    expect(chart).toHaveTextContent('6');
    expect(
      container.querySelector('[data-series="ideal"] polyline'),
    ).toHaveAttribute('stroke-dasharray');
    expect(
      screen.getByRole('figure', { name: 'Burn-down of Rancher' }),
    ).toHaveTextContent('Dashed: a steady pace to none at the deadline.');
  });

  it('says so when no snapshot has been taken yet', async () => {
    await render({
      getCampaignHistory: jest.fn().mockResolvedValue({
        ...history,
        points: [],
      }),
    });
    expect(await screen.findByText(NO_HISTORY_TEXT)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('says why when the history cannot be loaded', async () => {
    await render({
      getCampaignHistory: jest
        .fn()
        .mockRejectedValue(new Error('No adoption history is kept')),
    });
    expect(
      await screen.findByText(
        'The burn-down could not be loaded: No adoption history is kept',
      ),
    ).toBeInTheDocument();
  });

  it('draws nothing for an unknown technology or without the history API', async () => {
    const getCampaignHistory = jest.fn();
    await render(
      { getCampaignHistory },
      {
        ...rancher,
        technology: { name: 'Ranchr' },
        status: 'unknown-technology',
      },
    );
    expect(screen.queryByRole('figure')).toBeNull();
    expect(getCampaignHistory).not.toHaveBeenCalled();
    await render({});
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('is drawn in each campaign of the Campaigns tab', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            techStackApiRef,
            {
              getCampaigns: jest
                .fn()
                .mockResolvedValue({ generatedAt: '', campaigns: [rancher] }),
              getCampaignHistory: jest.fn().mockResolvedValue(history),
            } as Partial<TechStackApi> as TechStackApi,
          ],
        ]}
      >
        <CampaignsView />
      </TestApiProvider>,
    );
    const region = await screen.findByRole('region', {
      name: 'Campaign rancher-to-managed-kubernetes',
    });
    expect(
      await screen.findByRole('img', {
        name: /^Rancher: components remaining per day/,
      }),
    ).toBeInTheDocument();
    expect(region).toContainElement(screen.getByRole('figure'));
  });
});
