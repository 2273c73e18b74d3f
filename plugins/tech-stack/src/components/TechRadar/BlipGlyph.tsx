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
  const { ring, r, fill, stroke } = props;
  const common = { fill, stroke, strokeWidth: stroke ? 1 : undefined };
  switch (ring) {
    case 'adopt':
      return <circle r={r} {...common} />;
    case 'trial': {
      const d = r * 1.2;
      return <polygon points={`0,${-d} ${d},0 0,${d} ${-d},0`} {...common} />;
    }
    case 'assess':
      return (
        <polygon
          points={`0,${-r * 1.15} ${r * 1.05},${r * 0.8} ${-r * 1.05},${
            r * 0.8
          }`}
          {...common}
        />
      );
    default: {
      const s = r * 0.85;
      return <rect x={-s} y={-s} width={2 * s} height={2 * s} {...common} />;
    }
  }
}

/**
 * A small mark at the blip's top right: ▲ moved in, ▼ moved out, ★-like dot new.
 */
export function MovementMark(props: {
  movement: RadarMovement | undefined;
  r: number;
  fill: string;
  stroke: string;
}) {
  const { movement, r, fill, stroke } = props;
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
