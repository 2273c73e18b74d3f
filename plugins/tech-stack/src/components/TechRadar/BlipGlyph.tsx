import { Ring } from '@techstack/plugin-tech-stack-common';
import { RadarMovement } from '../../api';

/**
 * The shape of a ring, centred on (0, 0) with radius `r`: adopt ● circle,
 * trial ◆ diamond, assess ▲ triangle, hold ■ square, so colour is never the
 * only cue.
 */
export function BlipShape(props: {
  ring: Ring;
  r: number;
  fill: string;
  stroke?: string;
}) {
  return shapeElement(props.ring, props.r, props.fill, props.stroke);
}

/**
 * The element of {@link BlipShape}, built by a plain function: the radar calls
 * it per blip, so 1000 blips make no extra 1000 components.
 */
export function shapeElement(
  ring: Ring,
  r: number,
  fill: string,
  stroke?: string,
) {
  const common = { fill, stroke, strokeWidth: stroke ? 1 : undefined };
  switch (ring) {
    case 'adopt':
      return <circle r={r} {...common} />;
    case 'trial':
    case 'assess':
      return <polygon points={polygonPoints(ring, r)} {...common} />;
    default: {
      const s = r * 0.85;
      return <rect x={-s} y={-s} width={2 * s} height={2 * s} {...common} />;
    }
  }
}

// every blip of a radar has the same radius: build each outline string once
const pointsCache = new Map<string, string>();
function polygonPoints(ring: 'trial' | 'assess', r: number): string {
  const key = `${ring}:${r}`;
  let points = pointsCache.get(key);
  if (points === undefined) {
    if (ring === 'trial') {
      const d = r * 1.2;
      points = `0,${-d} ${d},0 0,${d} ${-d},0`;
    } else {
      points = `0,${-r * 1.15} ${r * 1.05},${r * 0.8} ${-r * 1.05},${r * 0.8}`;
    }
    if (pointsCache.size > 64) pointsCache.clear();
    pointsCache.set(key, points);
  }
  return points;
}

/**
 * A small mark at the blip's top right: ▲ moved in, ▼ moved out, ★-like dot
 * new; nothing without movement. A plain function, like {@link shapeElement}.
 */
export function movementMarkElement(
  movement: RadarMovement | undefined,
  r: number,
  fill: string,
  stroke: string,
) {
  if (!movement || movement === 'none') return null;
  const cx = r * 0.75;
  const cy = -r * 0.75;
  const m = r * 0.5;
  if (movement === 'new') {
    return (
      <circle
        cx={cx}
        cy={cy}
        r={m * 0.8}
        fill={fill}
        stroke={stroke}
        strokeWidth={1}
        data-movement="new"
      />
    );
  }
  const points =
    movement === 'in'
      ? `${cx},${cy - m} ${cx + m},${cy + m * 0.7} ${cx - m},${cy + m * 0.7}`
      : `${cx},${cy + m} ${cx + m},${cy - m * 0.7} ${cx - m},${cy - m * 0.7}`;
  return (
    <polygon
      points={points}
      fill={fill}
      stroke={stroke}
      strokeWidth={1}
      data-movement={movement}
    />
  );
}

/** Words for a movement, for tooltips and the legend. */
export function movementText(
  movement: RadarMovement | undefined,
): string | undefined {
  switch (movement) {
    case 'in':
      return 'moved in';
    case 'out':
      return 'moved out';
    case 'new':
      return 'new';
    default:
      return undefined;
  }
}
