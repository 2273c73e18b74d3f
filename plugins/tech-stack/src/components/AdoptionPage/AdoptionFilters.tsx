import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { RINGS } from '@techstack/plugin-tech-stack-common';
import { ReactNode, useId } from 'react';
import { ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { AdoptionFilter } from './adoptionFilter';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: { flex: '0 1 220px' },
}));

function Select(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string | undefined) => void;
  children: ReactNode;
}) {
  const classes = useStyles();
  return (
    <TextField
      className={classes.select}
      select
      id={props.id}
      label={props.label}
      variant="outlined"
      size="small"
      value={props.value}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      onChange={e => props.onChange(e.target.value || undefined)}
    >
      {props.children}
    </TextField>
  );
}

/** Section, ring and team filters and the sort orders of the adoption view. */
export function AdoptionFilters(props: {
  sections: string[];
  groups: Array<{ ref: string; title?: string }>;
  filter: AdoptionFilter;
  onChange: (filter: AdoptionFilter) => void;
  children?: ReactNode;
}) {
  const { sections, groups, filter, onChange } = props;
  const classes = useStyles();
  const id = `adoption-filter-${useId().replace(/:/g, '')}`;
  return (
    <div className={classes.root} role="search">
      <Select
        id={`${id}-section`}
        label="Section"
        value={filter.section ?? ''}
        onChange={section => onChange({ ...filter, section })}
      >
        <option value="">All sections</option>
        {sections.map(section => (
          <option key={section} value={section} title={section}>
            {truncateText(section, 60)}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-ring`}
        label="Ring"
        value={filter.ring ?? ''}
        onChange={ring =>
          onChange({ ...filter, ring: ring as AdoptionFilter['ring'] })
        }
      >
        <option value="">All rings</option>
        {RINGS.map(ring => (
          <option key={ring} value={ring}>
            {ringLabel(ring)}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-team`}
        label="Team"
        value={filter.team ?? ''}
        onChange={team => onChange({ ...filter, team })}
      >
        <option value="">All teams</option>
        {groups.map(group => (
          <option key={group.ref} value={group.ref}>
            {group.title ?? group.ref}
          </option>
        ))}
      </Select>
      <Select
        id={`${id}-sort`}
        label="Sort teams by"
        value={filter.sort ?? 'total'}
        onChange={sort =>
          onChange({ ...filter, sort: sort === 'team' ? 'team' : undefined })
        }
      >
        <option value="total">Total usages</option>
        <option value="team">Name</option>
      </Select>
      <Select
        id={`${id}-columns`}
        label="Sort technologies by"
        value={filter.columns ?? 'total'}
        onChange={columns =>
          onChange({
            ...filter,
            columns: columns === 'name' ? 'name' : undefined,
          })
        }
      >
        <option value="total">Components using it</option>
        <option value="name">Name</option>
      </Select>
      {props.children}
    </div>
  );
}
