import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { useId } from 'react';
import { ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { RadarFilter } from './filterRadar';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  search: { flex: '1 1 240px' },
  // a long sector name never widens the select beyond its share of the row
  select: { flex: '0 1 200px', minWidth: 0, maxWidth: 320 },
}));

/** Characters of a sector name an option shows (cut with an ellipsis). */
const OPTION_LENGTH = 60;

/** Search box, ring filter and sector filter. */
export function RadarFilters(props: {
  sectors: string[];
  filter: RadarFilter;
  onChange: (filter: RadarFilter) => void;
}) {
  const { sectors, filter, onChange } = props;
  const classes = useStyles();
  const id = `tech-radar-filter-${useId().replace(/:/g, '')}`;
  return (
    <div className={classes.root} role="search">
      <TextField
        className={classes.search}
        id={`${id}-q`}
        label="Search technologies"
        type="search"
        variant="outlined"
        size="small"
        value={filter.q ?? ''}
        onChange={e => onChange({ ...filter, q: e.target.value || undefined })}
      />
      <TextField
        className={classes.select}
        select
        label="Ring"
        id={`${id}-ring`}
        variant="outlined"
        size="small"
        value={filter.ring ?? ''}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        onChange={e =>
          onChange({
            ...filter,
            ring: (e.target.value || undefined) as RadarFilter['ring'],
          })
        }
      >
        <option value="">All rings</option>
        {RINGS.map(ring => (
          <option key={ring} value={ring}>
            {ringLabel(ring)}
          </option>
        ))}
      </TextField>
      <TextField
        className={classes.select}
        select
        label="Sector"
        id={`${id}-sector`}
        variant="outlined"
        size="small"
        value={filter.sector ?? ''}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        onChange={e =>
          onChange({ ...filter, sector: e.target.value || undefined })
        }
      >
        <option value="">All sectors</option>
        {sectors.map(sector => (
          <option key={sector} value={sector} title={sector}>
            {truncateText(sector, OPTION_LENGTH)}
          </option>
        ))}
      </TextField>
    </div>
  );
}
