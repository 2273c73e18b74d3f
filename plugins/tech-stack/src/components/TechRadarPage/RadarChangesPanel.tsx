import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import Alert from '@material-ui/lab/Alert';
import { useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { RadarChanges, techStackApiRef } from '../../api';
import { DayField } from './DayField';
import { RadarChangeList } from './RadarChangeList';

const useStyles = makeStyles(theme => ({
  details: { display: 'block' },
  range: { display: 'flex', gap: theme.spacing(2), flexWrap: 'wrap' },
  lists: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

function ChangeLists(props: { changes: RadarChanges }) {
  const { changes } = props;
  const classes = useStyles();
  return (
    <>
      {changes.historyComplete ? null : (
        <Alert severity="warning" style={{ marginTop: 16 }}>
          The ring history before {changes.from} is incomplete; older changes
          may be missing.
        </Alert>
      )}
      <div className={classes.lists}>
        <RadarChangeList title="Moved in" changes={changes.movedIn} />
        <RadarChangeList title="Moved out" changes={changes.movedOut} />
        <RadarChangeList title="Added" changes={changes.added} />
        <RadarChangeList title="Removed" changes={changes.removed} />
      </div>
      {changes.note ? (
        <Typography variant="caption" color="textSecondary">
          {changes.note}
        </Typography>
      ) : null}
    </>
  );
}

function ChangesView(props: { from: string; to: string; guide?: string }) {
  const { from, to, guide } = props;
  const api = useApi(techStackApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRadarChanges(guide ? { from, to, guide } : { from, to }),
    [api, from, to, guide],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <ChangeLists changes={value} /> : null;
}

/**
 * What changed on the radar between two days, like the release notes of a
 * published radar: a collapsed panel that loads the changes when opened.
 * The range is the caller's (kept in the URL by the radar tab).
 */
export function RadarChangesPanel(props: {
  from: string;
  to: string;
  onChange: (range: { from?: string; to?: string }) => void;
  guide?: string;
}) {
  const { from, to, onChange, guide } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const id = `tech-radar-changes-${useId().replace(/:/g, '')}`;
  return (
    <Accordion expanded={open} onChange={(_, expanded) => setOpen(expanded)}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls={`${id}-content`}
        id={`${id}-header`}
      >
        <Typography variant="h6" component="h2">
          What changed
        </Typography>
      </AccordionSummary>
      <AccordionDetails className={classes.details} id={`${id}-content`}>
        <div className={classes.range}>
          <DayField
            id={`${id}-from`}
            label="From"
            value={from}
            onChange={value => onChange({ from: value, to })}
          />
          <DayField
            id={`${id}-to`}
            label="To"
            value={to}
            onChange={value => onChange({ from, to: value })}
          />
        </div>
        {open && from <= to ? (
          <ChangesView from={from} to={to} guide={guide} />
        ) : null}
        {from > to ? (
          <Typography color="error">From must not be after To.</Typography>
        ) : null}
      </AccordionDetails>
    </Accordion>
  );
}
