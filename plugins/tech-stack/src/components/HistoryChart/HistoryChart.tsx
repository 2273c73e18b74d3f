import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';

/** One line of a {@link HistoryChart}: a value per day. */
export interface HistorySeries {
  label: string;
  values: number[];
  /** Stroke colour; the theme's primary colour by default. */
  color?: string;
}

/** What an empty history shows. */
export const NO_HISTORY_TEXT = 'No history yet (snapshots are taken daily)';

const PAD = { top: 8, right: 8, bottom: 18, left: 28 };

/**
 * The x and y of each value in a box of `width` × `height`: days evenly
 * spread left to right (one value in the middle), 0 at the bottom and `max`
 * at the top.
 */
export function chartPoints(
  values: number[],
  options: { width: number; height: number; max: number },
): Array<[number, number]> {
  const { width, height } = options;
  const max = Math.max(1, options.max);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, i) => [
    values.length > 1 ? i * step : width / 2,
    height - (Math.max(0, value) / max) * height,
  ]);
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A small line chart of counts per day, drawn as SVG by React (text is
 * React text, never markup). The first series is drawn as an area. With
 * `compact` it is a sparkline: no axis labels. No days: a one-line note.
 */
export function HistoryChart(props: {
  /** The days (`YYYY-MM-DD`), one per value of every series. */
  days: string[];
  series: HistorySeries[];
  /** What the chart shows, for screen readers. */
  title: string;
  width?: number;
  height?: number;
  compact?: boolean;
}) {
  const theme = useTheme();
  const { days, series, title, compact } = props;
  if (days.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {NO_HISTORY_TEXT}
      </Typography>
    );
  }
  const width = props.width ?? (compact ? 240 : 480);
  const height = props.height ?? (compact ? 48 : 160);
  const pad = compact ? { top: 2, right: 2, bottom: 2, left: 2 } : PAD;
  const innerWidth = width - pad.left - pad.right;
  const innerHeight = height - pad.top - pad.bottom;
  const max = Math.max(0, ...series.flatMap(s => s.values));
  const colors = [theme.palette.primary.main, theme.palette.error.main];
  const last = days.length - 1;
  const summary = series
    .map(s => `${s.label}: ${s.values[last] ?? 0}`)
    .join(', ');
  return (
    <svg
      role="img"
      aria-label={`${title}, ${days[0]} to ${days[last]}; latest ${summary}`}
      width="100%"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: width, display: 'block' }}
    >
      <g transform={`translate(${pad.left},${pad.top})`}>
        <line
          x1={0}
          y1={innerHeight}
          x2={innerWidth}
          y2={innerHeight}
          stroke={theme.palette.divider}
        />
        {series.map((s, index) => {
          const color = s.color ?? colors[index % colors.length];
          const points = chartPoints(s.values, {
            width: innerWidth,
            height: innerHeight,
            max,
          });
          const line = points.map(([x, y]) => `${round(x)},${round(y)}`);
          return (
            <g key={s.label} data-series={s.label}>
              {index === 0 && points.length > 1 && (
                <polygon
                  points={[
                    `${round(points[0][0])},${innerHeight}`,
                    ...line,
                    `${round(points[points.length - 1][0])},${innerHeight}`,
                  ].join(' ')}
                  fill={color}
                  fillOpacity={0.15}
                />
              )}
              {points.length > 1 ? (
                <polyline
                  points={line.join(' ')}
                  fill="none"
                  stroke={color}
                  strokeWidth={compact ? 1.5 : 2}
                />
              ) : (
                <circle
                  cx={points[0][0]}
                  cy={points[0][1]}
                  r={3}
                  fill={color}
                />
              )}
            </g>
          );
        })}
        {!compact && (
          <g
            fontSize={10}
            fill={theme.palette.text.secondary}
            aria-hidden="true"
          >
            <text x={-4} y={0} textAnchor="end" dominantBaseline="hanging">
              {max}
            </text>
            <text x={-4} y={innerHeight} textAnchor="end">
              0
            </text>
            <text x={0} y={innerHeight + 14}>
              {days[0]}
            </text>
            {last > 0 && (
              <text x={innerWidth} y={innerHeight + 14} textAnchor="end">
                {days[last]}
              </text>
            )}
          </g>
        )}
      </g>
    </svg>
  );
}
