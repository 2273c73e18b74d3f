import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { memo } from 'react';
import { ringColor, ringLabel } from '../../lib/rings';
import { usageSummary } from '../../lib/usageSummary';
import { RadarEntry } from '../../api';
import { BlipShape, movementText } from './BlipGlyph';
import { LayoutItem } from './layoutRadar';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
  ring: { margin: theme.spacing(1, 0, 0.5, 0) },
  list: { margin: 0, padding: 0 },
  item: {
    listStyle: 'none',
    overflowWrap: 'anywhere',
    fontSize: theme.typography.body2.fontSize,
  },
  number: {
    display: 'inline-block',
    minWidth: '2.5em',
    color: theme.palette.text.secondary,
  },
  note: { color: theme.palette.text.secondary, marginLeft: theme.spacing(0.5) },
  glyph: { verticalAlign: 'middle', marginRight: theme.spacing(0.5) },
}));

/**
 * The legend: per sector, per ring, every entry with the number of its blip.
 * Complete at any size; it wraps into columns instead of being cut off.
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
  return (
    <div className={classes.grid} data-testid="tech-radar-legend">
      {props.sectors.map(sector => {
        const own = props.items.filter(item => item.sector === sector);
        if (own.length === 0) return null;
        return (
          <section key={sector} aria-label={`Legend: ${sector}`}>
            <Typography variant="h6" component="h3">
              {sector}
            </Typography>
            {RINGS.map(ring => {
              const inRing = own.filter(item => item.ring === ring);
              if (inRing.length === 0) return null;
              return (
                <div key={ring}>
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
                      return (
                        <li key={item.id} className={classes.item}>
                          <span className={classes.number}>{item.number}.</span>
                          <Link to={link(item.ref)}>{item.title}</Link>
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
