import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { act, fireEvent, screen } from '@testing-library/react';
import { RadarEntry } from '../../api';
import * as layout from './layoutRadar';
import { TechRadar } from './TechRadar';

jest.mock('./layoutRadar', () => {
  const actual = jest.requireActual('./layoutRadar');
  return { ...actual, fitRadarLayout: jest.fn(actual.fitRadarLayout) };
});

const entries: RadarEntry[] = Array.from({ length: 40 }, (_, i) => ({
  ref: `technology:default/t${i}`,
  name: `t${i}`,
  title: `Tech ${i}`,
  ring: (['adopt', 'trial', 'assess', 'hold'] as const)[i % 4],
  type: 'tool',
  sectors: [`Sector ${i % 5}`],
  layers: [
    {
      section: `Sector ${i % 5}`,
      layer: 'Layer',
      ring: (['adopt', 'trial', 'assess', 'hold'] as const)[i % 4],
    },
  ],
  movement: i % 3 === 0 ? 'out' : 'new',
}));
const sectors = Array.from({ length: 5 }, (_, i) => `Sector ${i}`);

describe('TechRadar', () => {
  it('does not re-run the layout on hover or focus', async () => {
    await renderInTestApp(<TechRadar sectors={sectors} entries={entries} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const calls = (layout.fitRadarLayout as jest.Mock).mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    const blips = screen.getAllByTestId('tech-radar-blip');
    expect(blips).toHaveLength(40);
    fireEvent.mouseOver(blips[3]);
    expect(screen.getByRole('tooltip')).toBeInTheDocument();
    fireEvent.mouseOut(blips[3]);
    act(() => blips[7].focus());
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      blips[7].getAttribute('aria-label')!.split(',')[0],
    );
    expect((layout.fitRadarLayout as jest.Mock).mock.calls.length).toBe(calls);
  });

  it('marks rings by shape as well as colour, and movement by glyph', async () => {
    await renderInTestApp(<TechRadar sectors={sectors} entries={entries} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const blip = (name: string) =>
      screen.getByRole('link', { name: new RegExp(`^${name},`) });
    expect(
      blip('Tech 0').querySelector('circle:not([fill="none"])'),
    ).not.toBeNull();
    expect(blip('Tech 1').querySelector('polygon')).not.toBeNull();
    expect(blip('Tech 3').querySelector('rect')).not.toBeNull();
    expect(
      blip('Tech 0').querySelector('[data-movement="out"]'),
    ).not.toBeNull();
    expect(
      blip('Tech 1').querySelector('[data-movement="new"]'),
    ).not.toBeNull();
  });
});
