import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { act, fireEvent, screen } from '@testing-library/react';
import { RadarEntry } from '../../api';
import * as glyph from './BlipGlyph';
import * as layout from './layoutRadar';
import { TechRadar } from './TechRadar';

jest.mock('./layoutRadar', () => {
  const actual = jest.requireActual('./layoutRadar');
  return { ...actual, fitRadarLayout: jest.fn(actual.fitRadarLayout) };
});
// every render of a blip draws its shape once: a render counter
jest.mock('./BlipGlyph', () => {
  const actual = jest.requireActual('./BlipGlyph');
  return { ...actual, shapeElement: jest.fn(actual.shapeElement) };
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
  it('cuts a very long sector name and tool name, keeping the full text on hover', async () => {
    const longSector = `Headline${'x'.repeat(5_000)}`;
    const longTitle = `Widetool${'x'.repeat(72)}`;
    const hostile: RadarEntry[] = [
      {
        ...entries[0],
        title: longTitle,
        sectors: [longSector],
        layers: [{ section: longSector, layer: 'Layer', ring: 'adopt' }],
      },
    ];
    const { container } = await renderInTestApp(
      <TechRadar sectors={[longSector, 'Sector 1']} entries={hostile} />,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    // the radar label: a few short lines, the full name as its SVG title
    const label = Array.from(container.querySelectorAll('svg text')).find(
      t => t.querySelector('title')?.textContent === longSector,
    )!;
    expect(label).toBeDefined();
    const lines = Array.from(label.querySelectorAll('tspan'));
    expect(lines.length).toBeLessThanOrEqual(layout.MAX_LABEL_LINES);
    for (const line of lines) expect(line.textContent!.length).toBeLessThan(40);
    // the legend: the heading and the link keep the full text as their title
    expect(screen.getByTitle(longSector).textContent!.length).toBeLessThan(400);
    expect(screen.getByRole('link', { name: longTitle })).toHaveAttribute(
      'title',
      longTitle,
    );
    // the tooltip: the name and the layer path cut, the box wraps
    fireEvent.mouseOver(screen.getByTestId('tech-radar-blip'));
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent!.length).toBeLessThan(400);
  });

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

  it('re-renders no blip on hover, and only the two roving-tabindex blips on focus', async () => {
    await renderInTestApp(<TechRadar sectors={sectors} entries={entries} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const shapes = glyph.shapeElement as unknown as jest.Mock;
    const blips = screen.getAllByTestId('tech-radar-blip');
    const rendersDuring = (action: () => void) => {
      const before = shapes.mock.calls.length;
      action();
      return shapes.mock.calls.length - before;
    };

    expect(rendersDuring(() => fireEvent.mouseOver(blips[3]))).toBe(0);
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      blips[3].getAttribute('aria-label')!.split(',')[0],
    );
    expect(screen.getAllByTestId('tech-radar-hover-ring')).toHaveLength(1);
    expect(rendersDuring(() => fireEvent.mouseOut(blips[3]))).toBe(0);
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();
    expect(rendersDuring(() => fireEvent.mouseOver(blips[20]))).toBe(0);
    expect(rendersDuring(() => fireEvent.mouseOut(blips[20]))).toBe(0);
    // focus moves the tab stop: the old and the new tab stop, no other blip
    expect(rendersDuring(() => act(() => blips[7].focus()))).toBe(2);
    expect(rendersDuring(() => fireEvent.mouseOver(blips[9]))).toBe(0);
  });

  it('draws one visible focus ring on the focused blip', async () => {
    await renderInTestApp(<TechRadar sectors={sectors} entries={entries} />, {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });
    const blips = screen.getAllByTestId('tech-radar-blip');
    expect(screen.queryByTestId('tech-radar-focus-ring')).toBeNull();
    act(() => blips[5].focus());
    const ring = screen.getByTestId('tech-radar-focus-ring');
    const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(
      blips[5].getAttribute('transform')!,
    )!;
    expect(Number(ring.getAttribute('cx'))).toBeCloseTo(Number(x), 1);
    expect(Number(ring.getAttribute('cy'))).toBeCloseTo(Number(y), 1);
    // hovering the focused blip adds no second ring
    fireEvent.mouseOver(blips[5]);
    expect(screen.queryByTestId('tech-radar-hover-ring')).toBeNull();
    act(() => blips[5].blur());
    expect(screen.queryByTestId('tech-radar-focus-ring')).toBeNull();
  });
});
