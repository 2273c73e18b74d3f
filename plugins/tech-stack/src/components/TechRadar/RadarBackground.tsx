import { memo } from 'react';
import { useTheme } from '@material-ui/core/styles';
import { ringLabel } from '../../lib/rings';
import { RadarLayout } from './layoutRadar';

/** Rings, sector lines, ring labels and sector labels; drawn once per layout. */
export const RadarBackground = memo(function RadarBackgroundInner(props: {
  layout: RadarLayout<any>;
}) {
  const { layout } = props;
  const theme = useTheme();
  const c = layout.center;
  const outer = layout.ringRadii[layout.ringRadii.length - 1];
  const line = theme.palette.divider;
  return (
    <g aria-hidden="true">
      {[...layout.ringRadii].reverse().map((radius, i) => (
        <circle
          key={radius}
          cx={c}
          cy={c}
          r={radius}
          fill={
            i % 2 === 0
              ? theme.palette.background.paper
              : theme.palette.background.default
          }
          stroke={line}
        />
      ))}
      {layout.sectors.length > 1 &&
        layout.sectors.map(sector => (
          <line
            key={sector.name}
            x1={c}
            y1={c}
            x2={c + outer * Math.cos(sector.startAngle)}
            y2={c + outer * Math.sin(sector.startAngle)}
            stroke={line}
          />
        ))}
      {layout.ringLabels.map(label => (
        <text
          key={label.ring}
          x={label.x}
          y={label.y}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={label.fontSize}
          fontWeight="bold"
          fill={theme.palette.text.secondary}
        >
          {ringLabel(label.ring)}
        </text>
      ))}
      {layout.sectors.map(sector => (
        <text
          key={sector.name}
          x={sector.label.x}
          y={sector.label.y}
          textAnchor={sector.label.anchor}
          fontSize={sector.label.fontSize}
          fontWeight="bold"
          fill={theme.palette.text.primary}
        >
          <title>{sector.name}</title>
          {sector.label.lines.map((text, i) => (
            <tspan
              key={i}
              x={sector.label.x}
              dy={i === 0 ? sector.label.fontSize : sector.label.fontSize * 1.2}
            >
              {text}
            </tspan>
          ))}
        </text>
      ))}
    </g>
  );
});
