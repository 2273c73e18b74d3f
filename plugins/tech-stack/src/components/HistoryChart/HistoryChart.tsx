import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';

/** One line of a {@link HistoryChart}: a value per day. */
export interface HistorySeries {
  label: string;
  /** One per day; `null` where the series has no value (not drawn). */
  values: Array<number | null>;
  /** Stroke colour; the theme's primary colour by default. */
  color?: string;
  /** Drawn dashed (a guide line, such as an ideal burn-down). */
  dashed?: boolean;
  /** Left out of the screen-reader summary's latest values. */
  hideFromSummary?: boolean;
}

/** A day marked on a {@link HistoryChart} by a vertical line (a deadline). */
export interface HistoryMarker {
  day: string;
  label: string;
}

/** What an empty history shows. */
export const NO_HISTORY_TEXT = 'No history yet (snapshots are taken daily)';

const PAD = { top: 8, right: 8, bottom: 18, left: 28 };

/**
 * Where each day lies between the first (0) and the last (1), by date: a
 * gap of days without a snapshot is a gap in the chart. Days that do not
 * parse are spread evenly.
 */
export function dayPositions(days: string[]): number[] {
  const times = days.map(day => Date.parse(`${day}T00:00:00Z`));
  const first = times[0];
  const span = times[times.length - 1] - first;
  if (days.length < 2 || !(span > 0) || times.some(Number.isNaN)) {
    return days.map((_, i) => (days.length > 1 ? i / (days.length - 1) : 0.5));
  }
  return times.map(t => (t - first) / span);
}

/**
 * The x and y of each value in a box of `width` × `height`: days evenly
 * spread left to right (one value in the middle) or at `positions` (0..1,
 * see {@link dayPositions}), 0 at the bottom and `max` at the top; `null`
 * where a value is `null`.
 */
export function chartPoints(
  values: Array<number | null>,
  options: { width: number; height: number; max: number; positions?: number[] },
): Array<[number, number] | null> {
  const { width, height } = options;
  const max = Math.max(1, options.max);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values.map((value, i) => {
    if (value === null) return null;
    let x = values.length > 1 ? i * step : width / 2;
    if (options.positions) x = options.positions[i] * width;
    return [x, height - (Math.max(0, value) / max) * height];
  });
}

/** The last value that is not `null`; 0 for none. */
function latest(values: Array<number | null>): number {
  for (let i = values.length - 1; i >= 0; i--) {
    const value = values[i];
    if (value !== null) return value;
  }
  return 0;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A small line chart of counts per day, drawn as SVG by React (text is
 * React text, never markup). Days are placed by date; the first series is
 * drawn as an area, `null` values are left out (a series with values on two
 * days only is a straight line between them). `markers` draw a vertical
 * line at a day. With `compact` it is a sparkline: no axis labels. No days:
 * a one-line note.
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
  /** Days marked by a vertical line and their label (such as a deadline). */
  markers?: HistoryMarker[];
}) {
  const theme = useTheme();
  const { days, series, title, compact, markers = [] } = props;
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
  const max = Math.max(
    0,
    ...series.flatMap(s => s.values.filter((v): v is number => v !== null)),
  );
  const colors = [theme.palette.primary.main, theme.palette.error.main];
  const last = days.length - 1;
  const positions = dayPositions(days);
  const summarised = series.filter(s => !s.hideFromSummary);
  // the range of the summarised series (a marker may lie beyond it)
  const withValues = days
    .map((_, i) => i)
    .filter(i => summarised.some(s => (s.values[i] ?? null) !== null));
  const firstDay = days[withValues[0] ?? 0];
  const lastDay = days[withValues[withValues.length - 1] ?? last];
  const summary = summarised
    .map(s => `${s.label}: ${latest(s.values)}`)
    .join(', ');
  const marked = markers
    .filter(m => days.includes(m.day))
    .map(m => `; ${m.label} ${m.day}`)
    .join('');
  return (
    <svg
      role="img"
      aria-label={`${title}, ${firstDay} to ${lastDay}; latest ${summary}${marked}`}
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
            positions,
          }).filter((p): p is [number, number] => p !== null);
          if (points.length === 0) return null;
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
                  strokeDasharray={s.dashed ? '6 4' : undefined}
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
        {markers.map(marker => {
          const index = days.indexOf(marker.day);
          if (index < 0) return null;
          const x = round(positions[index] * innerWidth);
          return (
            <g key={`${marker.day}|${marker.label}`} data-marker={marker.label}>
              <line
                x1={x}
                y1={0}
                x2={x}
                y2={innerHeight}
                stroke={theme.palette.text.secondary}
                strokeDasharray="2 3"
              />
              {!compact && (
                <text
                  x={x - 4}
                  y={0}
                  textAnchor="end"
                  dominantBaseline="hanging"
                  fontSize={10}
                  fill={theme.palette.text.secondary}
                  aria-hidden="true"
                >
                  {marker.label}
                </text>
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
