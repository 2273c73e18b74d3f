import TextField from '@material-ui/core/TextField';
import { MIN_DAY, today } from './radarDates';

/**
 * A native date input (`YYYY-MM-DD`) styled like the other filters; empty
 * means the default, given as `placeholder` in the helper text.
 */
export function DayField(props: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  className?: string;
  helperText?: string;
}) {
  const { id, label, value, onChange, className, helperText } = props;
  return (
    <TextField
      className={className}
      id={id}
      label={label}
      type="date"
      variant="outlined"
      size="small"
      value={value ?? ''}
      helperText={helperText}
      InputLabelProps={{ shrink: true }}
      inputProps={{ min: MIN_DAY, max: today() }}
      onChange={e => onChange(e.target.value || undefined)}
    />
  );
}
