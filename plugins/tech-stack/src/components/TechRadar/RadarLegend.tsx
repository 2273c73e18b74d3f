import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { useAnalytics } from '@backstage/core-plugin-api';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { memo, MouseEvent, useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { ringColor, ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { usageSummary } from '../../lib/usageSummary';
import { RadarEntry } from '../../api';
import { BlipShape, movementText } from './BlipGlyph';
import { LayoutItem } from './layoutRadar';
import { TruncatedText } from '../TruncatedText';

/** Names longer than this may be cut: their link shows them in full on hover. */
const HOVER_TITLE_LENGTH = 30;

/** Height of one legend line (body2), for the size of unrendered blocks. */
const LINE_EM = 1.43;

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  ring: { margin: theme.spacing(1, 0, 0.5, 0) },
  // off-screen rings are neither styled, laid out nor painted until scrolled
  // near (still in the DOM: found by find-in-page and assistive technology)
  block: { contentVisibility: 'auto' },
  list: {
    margin: 0,
    padding: 0,
    fontSize: theme.typography.body2.fontSize,
    lineHeight: LINE_EM,
  },
  // at most two lines per entry, cut with an ellipsis (full name on hover)
  item: {
    listStyle: 'none',
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitBoxOrient: 'vertical',
    WebkitLineClamp: 2,
    overflow: 'hidden',
  },
  number: {
    display: 'inline-block',
    minWidth: '2.5em',
    color: theme.palette.text.secondary,
  },
  // looks like the core-components Link (MUI Link, colour primary, underline on hover)
  link: {
    color: theme.palette.primary.main,
    textDecoration: 'none',
    // a right-to-left override in a name ends with the name
    unicodeBidi: 'isolate',
    '&:hover': { textDecoration: 'underline' },
  },
  note: { color: theme.palette.text.secondary, marginLeft: theme.spacing(0.5) },
  glyph: { verticalAlign: 'middle', marginRight: theme.spacing(0.5) },
}));

/**
 * The legend: per sector, per ring, every entry with the number of its blip.
 * Complete at any size; it wraps into columns instead of being cut off.
 *
 * Built for 1000+ lines: each entry is a plain `<a href>` (no component per
 * line); one click handler on the legend routes in-app, like the
 * core-components `Link` would, and records the same analytics event.
 */
export const RadarLegend = memo(function RadarLegendInner(props: {
  sectors: string[];
  items: LayoutItem<RadarEntry>[];
  /** Ids of items that have no blip (listed in the overflow). */
  notDrawn: ReadonlySet<string>;
}) {
  const classes = useStyles();
  const theme = useTheme();
  const link = useEntityRefLink();
  const navigate = useNavigate();
  const analytics = useAnalytics();

  const onClick = useCallback(
    (event: MouseEvent) => {
      const a = (event.target as Element).closest?.('a[data-to]');
      if (
        !a ||
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      ) {
        return;
      }
      const to = a.getAttribute('data-to')!;
      event.preventDefault();
      analytics.captureEvent('click', a.textContent ?? to, {
        attributes: { to },
      });
      navigate(to);
    },
    [navigate, analytics],
  );

  const bySector = new Map<string, LayoutItem<RadarEntry>[]>();
  for (const item of props.items) {
    const list = bySector.get(item.sector);
    if (list) list.push(item);
    else bySector.set(item.sector, [item]);
  }

  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      className={classes.grid}
      data-testid="tech-radar-legend"
      onClick={onClick}
    >
      {props.sectors.map(sector => {
        const own = bySector.get(sector);
        if (!own) return null;
        return (
          <section
            key={sector}
            aria-label={`Legend: ${truncateText(sector, 200)}`}
          >
            <Typography variant="h6" component="h3">
              <TruncatedText text={sector} />
            </Typography>
            {RINGS.map(ring => {
              const inRing = own.filter(item => item.ring === ring);
              if (inRing.length === 0) return null;
              return (
                <div
                  key={ring}
                  className={classes.block}
                  // the height it takes until it is rendered (then remembered)
                  style={{
                    containIntrinsicSize: `auto 240px auto ${Math.ceil(
                      (inRing.length * LINE_EM + 3) * 14,
                    )}px`,
                  }}
                >
                  <Typography
                    variant="subtitle2"
                    component="h4"
                    className={classes.ring}
                  >
                    <svg
                      width={14}
                      height={14}
                      viewBox="-8 -8 16 16"
                      aria-hidden="true"
                      className={classes.glyph}
                    >
                      <BlipShape
                        ring={ring}
                        r={6}
                        fill={ringColor(theme, ring)}
                      />
                    </svg>
                    {ringLabel(ring)}
                  </Typography>
                  <ul className={classes.list}>
                    {inRing.map(item => {
                      const movement = movementText(item.entry.movement);
                      const usage = usageSummary(item.entry);
                      const to = link(item.ref);
                      return (
                        <li key={item.id} className={classes.item}>
                          <span className={classes.number}>{item.number}.</span>
                          <a
                            className={classes.link}
                            href={to}
                            data-to={to}
                            title={
                              item.title.length > HOVER_TITLE_LENGTH
                                ? item.title
                                : undefined
                            }
                          >
                            {item.title}
                          </a>
                          {movement && (
                            <span className={classes.note}>({movement})</span>
                          )}
                          {usage && (
                            <span className={classes.note}>· {usage}</span>
                          )}
                          {props.notDrawn.has(item.id) && (
                            <span className={classes.note}>(not drawn)</span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
});
