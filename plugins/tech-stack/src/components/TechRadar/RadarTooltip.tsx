import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ringLabel } from '../../lib/rings';
import { usageSummary } from '../../lib/usageSummary';
import { RadarEntry } from '../../api';
import { movementText } from './BlipGlyph';
import { LayoutBlip } from './layoutRadar';

const useStyles = makeStyles(theme => ({
  tooltip: {
    position: 'absolute',
    zIndex: 2,
    pointerEvents: 'none',
    padding: theme.spacing(1, 1.5),
    maxWidth: 320,
    minWidth: 160,
  },
  layers: { margin: 0, paddingLeft: theme.spacing(2) },
}));

/** The tooltip of the hovered or focused blip: title, ring, layers. Text only. */
export function RadarTooltip(props: {
  id: string;
  blip: LayoutBlip<RadarEntry>;
  size: number;
}) {
  const { id, blip, size } = props;
  const classes = useStyles();
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
    <Paper
      id={id}
      role="tooltip"
      elevation={6}
      className={classes.tooltip}
      style={{
        left: `${left}%`,
        top: `${top}%`,
        transform: below
          ? 'translate(-50%, 16px)'
          : 'translate(-50%, calc(-100% - 16px))',
      }}
    >
      <Typography variant="subtitle2" component="div">
        {blip.number}. {blip.title}
      </Typography>
      <Typography variant="body2" component="div">
        {ringLabel(blip.ring)} · {blip.sector}
        {movement ? ` · ${movement}` : ''}
        {usage ? ` · used by ${usage}` : ''}
      </Typography>
      {layers.length > 0 && (
        <ul className={classes.layers}>
          {layers.slice(0, 6).map((layer, i) => (
            <li key={i}>
              <Typography variant="caption">
                {[layer.section, layer.group, layer.layer]
                  .filter(Boolean)
                  .join(' › ')}{' '}
                ({ringLabel(layer.ring)})
              </Typography>
            </li>
          ))}
          {layers.length > 6 && (
            <li>
              <Typography variant="caption">
                and {layers.length - 6} more
              </Typography>
            </li>
          )}
        </ul>
      )}
    </Paper>
  );
}
