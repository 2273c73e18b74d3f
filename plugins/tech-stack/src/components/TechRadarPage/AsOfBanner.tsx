import Alert from '@material-ui/lab/Alert';
import { Radar } from '../../api';

/**
 * Says which day the radar shows, and whether the kept ring history reaches
 * back that far (when it does not, some rings are the earliest known).
 */
export function AsOfBanner(props: { radar: Radar }) {
  const { asOf, historyComplete } = props.radar;
  if (!asOf) return null;
  const complete = historyComplete !== false;
  return (
    <Alert
      severity={complete ? 'info' : 'warning'}
      data-testid="tech-radar-as-of"
      style={{ marginBottom: 16 }}
    >
      Radar as of {asOf}.
      {complete
        ? null
        : ` The ring history before ${asOf} is incomplete: some rings shown are the earliest recorded, not necessarily the ring of then.`}
    </Alert>
  );
}
