import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  chartPoints,
  dayPositions,
  HistoryChart,
  NO_HISTORY_TEXT,
} from './HistoryChart';

describe('chartPoints', () => {
  it('spreads the days across and scales 0..max to bottom..top', () => {
    expect(
      chartPoints([0, 5, 10], { width: 100, height: 50, max: 10 }),
    ).toEqual([
      [0, 50],
      [50, 25],
      [100, 0],
    ]);
  });

  it('puts a single day in the middle and keeps all-zero values at the bottom', () => {
    expect(chartPoints([0], { width: 100, height: 50, max: 0 })).toEqual([
      [50, 50],
    ]);
  });
});

describe('dayPositions', () => {
  it('places days by date, so a gap without snapshots stays a gap', () => {
    expect(dayPositions(['2026-01-01', '2026-01-02', '2026-01-05'])).toEqual([
      0, 0.25, 1,
    ]);
    expect(dayPositions(['2026-01-01'])).toEqual([0.5]);
  });

  it('leaves out null values and uses the positions given', () => {
    expect(
      chartPoints([4, null, 0], {
        width: 100,
        height: 40,
        max: 4,
        positions: [0, 0.25, 1],
      }),
    ).toEqual([[0, 0], null, [100, 40]]);
  });
});

describe('HistoryChart', () => {
  it('draws a line per series, with the range and latest values for screen readers', async () => {
    const { container } = await renderInTestApp(
      <HistoryChart
        title="Components using Redis"
        days={['2026-01-01', '2026-01-02', '2026-01-03']}
        series={[
          { label: 'components', values: [1, 3, 2] },
          { label: '<b>teams</b>', values: [1, 1, 2] },
        ]}
      />,
    );
    const chart = screen.getByRole('img');
    expect(chart).toHaveAttribute(
      'aria-label',
      'Components using Redis, 2026-01-01 to 2026-01-03; latest components: 2, <b>teams</b>: 2',
    );
    expect(container.querySelectorAll('polyline')).toHaveLength(2);
    // the first series is also an area
    expect(container.querySelectorAll('polygon')).toHaveLength(1);
    expect(chart).toHaveTextContent('2026-01-01');
    expect(chart).toHaveTextContent('2026-01-03');
    expect(container.querySelector('b')).toBeNull();
  });

  it('draws a dot for a single day and no labels when compact', async () => {
    const { container } = await renderInTestApp(
      <HistoryChart
        compact
        title="Hold"
        days={['2026-01-01']}
        series={[{ label: 'hold', values: [4] }]}
      />,
    );
    expect(container.querySelectorAll('circle')).toHaveLength(1);
    expect(container.querySelectorAll('text')).toHaveLength(0);
  });

  it('says so when there is no history', async () => {
    await renderInTestApp(<HistoryChart title="Hold" days={[]} series={[]} />);
    expect(screen.getByText(NO_HISTORY_TEXT)).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
  it('draws a dashed guide line between two days and marks a day, for screen readers too', async () => {
    const { container } = await renderInTestApp(
      <HistoryChart
        title="Rancher: components remaining per day"
        days={['2026-01-01', '2026-01-02', '2026-01-03', '2026-02-01']}
        series={[
          { label: 'remaining', values: [6, 5, 4, null] },
          {
            label: 'ideal',
            values: [6, null, null, 0],
            dashed: true,
            hideFromSummary: true,
          },
        ]}
        markers={[{ day: '2026-02-01', label: 'Deadline' }]}
      />,
    );
    expect(screen.getByRole('img')).toHaveAttribute(
      'aria-label',
      'Rancher: components remaining per day, 2026-01-01 to 2026-01-03; latest remaining: 4; Deadline 2026-02-01',
    );
    const ideal = container.querySelector('[data-series="ideal"] polyline');
    expect(ideal).toHaveAttribute('stroke-dasharray', '6 4');
    // a straight line from the first day to the marked day
    expect(ideal?.getAttribute('points')?.split(' ')).toHaveLength(2);
    expect(
      container.querySelector('[data-marker="Deadline"] line'),
    ).not.toBeNull();
    expect(screen.getByRole('img')).toHaveTextContent('Deadline');
  });
});
