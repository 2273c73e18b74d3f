import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { RadarChanges, TechStackApi, techStackApiRef } from '../../api';
import { RadarChangesPanel } from './RadarChangesPanel';

const changes: RadarChanges = {
  from: '2025-01-01',
  to: '2025-03-01',
  movedIn: [
    {
      ref: 'technology:default/redis',
      name: 'redis',
      title: 'Redis',
      fromRing: 'trial',
      toRing: 'adopt',
      date: '2025-02-01T08:00:00.000Z',
    },
  ],
  movedOut: [],
  added: [
    {
      ref: 'technology:default/bun',
      name: 'bun',
      title: '<img src=x onerror=alert(1)>',
      toRing: 'assess',
      date: '2025-01-05T08:00:00.000Z',
    },
  ],
  removed: [],
  historyComplete: false,
  note: 'Removals need the stored history.',
};

async function renderPanel(onChange = jest.fn()) {
  const api = {
    getRadarChanges: jest.fn().mockResolvedValue(changes),
  } as unknown as jest.Mocked<TechStackApi>;
  await renderInTestApp(
    <TestApiProvider apis={[[techStackApiRef, api]]}>
      <RadarChangesPanel
        from="2025-01-01"
        to="2025-03-01"
        guide="main"
        onChange={onChange}
      />
    </TestApiProvider>,
  );
  return { api, onChange };
}

describe('RadarChangesPanel', () => {
  it('loads the changes when opened and lists them with counts', async () => {
    const { api } = await renderPanel();
    expect(api.getRadarChanges).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'What changed' }));
    const movedIn = await screen.findByRole('region', { name: 'Moved in (1)' });
    expect(api.getRadarChanges).toHaveBeenCalledWith({
      from: '2025-01-01',
      to: '2025-03-01',
      guide: 'main',
    });
    expect(within(movedIn).getByText('Redis')).toBeInTheDocument();
    expect(
      within(movedIn).getByText('Trial → Adopt, 2025-02-01'),
    ).toBeInTheDocument();
    const added = screen.getByRole('region', { name: /^Added \(1\)$/ });
    // text, never HTML
    expect(
      within(added).getByText('<img src=x onerror=alert(1)>'),
    ).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    expect(
      screen.getByRole('region', { name: 'Moved out (0)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('region', { name: 'Removed (0)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/history before 2025-01-01 is incomplete/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Removals need the stored history.'),
    ).toBeInTheDocument();
  });

  it('reports a new range', async () => {
    const { onChange } = await renderPanel();
    fireEvent.change(screen.getByLabelText('From'), {
      target: { value: '2024-12-01' },
    });
    expect(onChange).toHaveBeenCalledWith({
      from: '2024-12-01',
      to: '2025-03-01',
    });
  });
});
