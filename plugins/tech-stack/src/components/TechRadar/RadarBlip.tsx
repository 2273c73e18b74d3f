import { memo } from 'react';
import { ringLabel } from '../../lib/rings';
import { RadarEntry } from '../../api';
import { movementMarkElement, shapeElement } from './BlipGlyph';
import { LayoutBlip } from './layoutRadar';

/** Colours and classes a blip needs, computed once per theme. */
export interface BlipStyle {
  fill: Record<string, string>;
  text: Record<string, string>;
  markFill: string;
  markStroke: string;
  blipClass: string;
}

/** The accessible name of a blip: `<title>, <ring>, <sector>`. */
export function blipName(blip: {
  title: string;
  ring: LayoutBlip['ring'];
  sector: string;
}) {
  return `${blip.title}, ${ringLabel(blip.ring)}, ${blip.sector}`;
}

function fontSizeFor(number: number, r: number) {
  if (number < 10) return r * 1.15;
  if (number < 100) return r * 1.0;
  if (number < 1000) return r * 0.8;
  return r * 0.62;
}

/**
 * One blip: the ring's shape in the ring's colour, its legend number and a
 * movement mark. Focusable (roving tabindex) and a link to the technology's
 * entity page; events are handled by the radar, which also draws the one
 * focus / hover ring (so hover and focus never re-render a blip).
 *
 * The shape and the mark are plain functions called here, not components:
 * 1000 blips make 1000 fibers, not 3000.
 */
export const RadarBlip = memo(function RadarBlipInner(props: {
  blip: LayoutBlip<RadarEntry>;
  r: number;
  tabbable: boolean;
  describedBy: string;
  style: BlipStyle;
}) {
  const { blip, r, tabbable, describedBy, style } = props;
  return (
    <g
      data-testid="tech-radar-blip"
      data-blip-id={blip.id}
      role="link"
      tabIndex={tabbable ? 0 : -1}
      aria-label={blipName(blip)}
      aria-describedby={describedBy}
      transform={`translate(${blip.x.toFixed(2)} ${blip.y.toFixed(2)})`}
      className={style.blipClass}
    >
      {shapeElement(blip.ring, r, style.fill[blip.ring])}
      <text
        aria-hidden="true"
        textAnchor="middle"
        dominantBaseline="central"
        y={blip.ring === 'assess' ? r * 0.2 : 0}
        fontSize={fontSizeFor(blip.number, r)}
        fill={style.text[blip.ring]}
        pointerEvents="none"
      >
        {blip.number}
      </text>
      {movementMarkElement(
        blip.entry.movement,
        r,
        style.markFill,
        style.markStroke,
      )}
    </g>
  );
});

/** All visible blips; re-renders only when they or the roving focus change. */
export const RadarBlips = memo(function RadarBlipsInner(props: {
  blips: LayoutBlip<RadarEntry>[];
  r: number;
  tabbableId: string | undefined;
  describedBy: string;
  style: BlipStyle;
}) {
  return (
    <>
      {props.blips.map(blip => (
        <RadarBlip
          key={blip.id}
          blip={blip}
          r={props.r}
          tabbable={blip.id === props.tabbableId}
          describedBy={props.describedBy}
          style={props.style}
        />
      ))}
    </>
  );
});
