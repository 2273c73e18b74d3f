import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Entity } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { ANNOTATION_TECHSTACK_SOURCE } from '@techstack/plugin-tech-stack-common';
import { guideLocationView } from '../../lib/guideLocation';
import { ringLabel } from '../../lib/rings';
import { safeHttpUrl } from '../../lib/safeUrl';
import { truncateText } from '../../lib/truncate';
import { TruncatedText } from '../TruncatedText';
import { technologySpec } from './technologySpec';

const useStyles = makeStyles(theme => ({
  chips: { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  label: { color: theme.palette.text.secondary },
  block: { marginBottom: theme.spacing(1.5) },
}));

/**
 * Where the guide line is: a link if it is an http(s) URL, else text naming
 * the guide's file (never an absolute path of the backend's disk).
 */
function GuideLocation(props: { location: string }) {
  const view = guideLocationView(props.location);
  if (view.url) {
    return <Link to={view.url}>{view.text}</Link>;
  }
  return (
    <Typography variant="body2" component="span">
      {view.text}
      {view.file ? ` (${truncateText(view.file, 200)})` : ''}
    </Typography>
  );
}

/**
 * What a Technology is: ring and type chips, description, the reason for its
 * ring, aliases, where in the guide it comes from, and its links. Guide
 * content is shown as text only; only http(s) links become links.
 */
export function TechnologyDetails(props: { entity: Entity }) {
  const { entity } = props;
  const classes = useStyles();
  const spec = technologySpec(entity);
  const source = entity.metadata.annotations?.[ANNOTATION_TECHSTACK_SOURCE];
  const links = (entity.metadata.links ?? []).flatMap(link => {
    const url = safeHttpUrl(link.url);
    return url ? [{ url, title: link.title ?? url }] : [];
  });
  return (
    <>
      <div className={classes.chips}>
        {spec.ring && (
          <Chip size="small" label={`Ring: ${ringLabel(spec.ring)}`} />
        )}
        {spec.type && (
          <Chip size="small" variant="outlined" label={spec.type} />
        )}
      </div>
      {spec.description && (
        <Typography variant="body1" className={classes.block} component="div">
          <TruncatedText text={spec.description} lines={4} maxLength={2000} />
        </Typography>
      )}
      {spec.ringReason && (
        <Typography variant="body2" className={classes.block}>
          <span className={classes.label}>Why this ring: </span>
          <TruncatedText text={spec.ringReason} lines={6} maxLength={2000} />
        </Typography>
      )}
      {spec.aliases.length > 0 && (
        <Typography variant="body2" className={classes.block}>
          <span className={classes.label}>Also known as: </span>
          <TruncatedText text={spec.aliases.join(', ')} lines={3} />
        </Typography>
      )}
      {source && (
        <Typography variant="body2" className={classes.block} component="div">
          <span className={classes.label}>Source: </span>
          <GuideLocation location={source} />
        </Typography>
      )}
      {links.length > 0 && (
        <List dense disablePadding aria-label="Links">
          {links.map(link => (
            <ListItem key={link.url} disableGutters>
              <Link to={link.url}>
                <TruncatedText text={link.title} lines={1} />
              </Link>
            </ListItem>
          ))}
        </List>
      )}
    </>
  );
}
