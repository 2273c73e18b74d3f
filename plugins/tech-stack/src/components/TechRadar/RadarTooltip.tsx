import { StyleRules, Theme } from '@material-ui/core/styles';
import { ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { usageSummary } from '../../lib/usageSummary';
import { RadarEntry } from '../../api';
import { movementText } from './BlipGlyph';
import { LayoutBlip } from './layoutRadar';

/**
 * The tooltip's styles. They are part of the radar's own stylesheet (see
 * `TechRadar`'s `useStyles`), so showing the first tooltip injects no
 * stylesheet, which would restyle and re-lay out the whole page.
 */
type TooltipClassKey =
  | 'tooltip'
  | 'tooltipTitle'
  | 'tooltipText'
  | 'tooltipLayers';

export const tooltipStyles = (theme: Theme): StyleRules<TooltipClassKey> => ({
  tooltip: {
    position: 'absolute',
    zIndex: 2,
    pointerEvents: 'none',
    // its own compositing layer: showing or moving it never repaints the radar
    willChange: 'transform',
    contain: 'layout paint style',
    boxSizing: 'border-box',
    padding: theme.spacing(1, 1.5),
    maxWidth: 320,
    minWidth: 160,
    width: 'max-content',
    color: theme.palette.text.primary,
    backgroundColor: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    boxShadow: theme.shadows[6],
    // names of any length wrap inside the tooltip instead of leaving it
    overflowWrap: 'anywhere',
    unicodeBidi: 'isolate',
  },
  tooltipTitle: { ...theme.typography.subtitle2, margin: 0 },
  tooltipText: { ...theme.typography.body2, margin: 0 },
  tooltipLayers: {
    ...theme.typography.caption,
    display: 'block',
    margin: 0,
    paddingLeft: theme.spacing(2),
  },
});

/** Characters of a name or layer path the tooltip shows at most (cut with an ellipsis). */
export const TOOLTIP_TEXT_LENGTH = 120;

/** Class names of {@link tooltipStyles}. */
export type TooltipClasses = Record<TooltipClassKey, string>;

/**
 * The tooltip of the hovered or focused blip: title, ring, layers. Text only;
 * long names and layer paths are cut to {@link TOOLTIP_TEXT_LENGTH} characters.
 */
export function RadarTooltip(props: {
  id: string;
  blip: LayoutBlip<RadarEntry>;
  /** The radar's viewBox size. */
  size: number;
  classes: TooltipClasses;
}) {
  const { id, blip, size, classes } = props;
  const left = (blip.x / size) * 100;
  const top = (blip.y / size) * 100;
  const below = top < 30;
  const layers = [...blip.entry.layers].sort(
    (a, b) =>
      Number(b.section === blip.sector) - Number(a.section === blip.sector),
  );
  const movement = movementText(blip.entry.movement);
  const usage = usageSummary(blip.entry);
  return (
    <div
      id={id}
      role="tooltip"
      className={classes.tooltip}
      style={{
        left: `${left}%`,
        top: `${top}%`,
        transform: below
          ? 'translate(-50%, 16px)'
          : 'translate(-50%, calc(-100% - 16px))',
      }}
    >
      <div className={classes.tooltipTitle}>
        {blip.number}. {truncateText(blip.title, TOOLTIP_TEXT_LENGTH)}
      </div>
      <div className={classes.tooltipText}>
        {ringLabel(blip.ring)} ·{' '}
        {truncateText(blip.sector, TOOLTIP_TEXT_LENGTH)}
        {movement ? ` · ${movement}` : ''}
        {usage ? ` · used by ${usage}` : ''}
      </div>
      {layers.length > 0 && (
        <ul className={classes.tooltipLayers}>
          {layers.slice(0, 6).map((layer, i) => (
            <li key={i}>
              {truncateText(
                [layer.section, layer.group, layer.layer]
                  .filter(Boolean)
                  .join(' › '),
                TOOLTIP_TEXT_LENGTH,
              )}{' '}
              ({ringLabel(layer.ring)})
            </li>
          ))}
          {layers.length > 6 && <li>and {layers.length - 6} more</li>}
        </ul>
      )}
    </div>
  );
}
