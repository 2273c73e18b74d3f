import ButtonBase from '@material-ui/core/ButtonBase';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { alpha, makeStyles, useTheme } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { AdoptionTeamRow, AdoptionTechnology } from '../../api';
import { RingBadge } from '../RingBadge';
import { AdoptionCellSelection } from './AdoptionCellDialog';

const useStyles = makeStyles(theme => ({
  wrapper: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'separate' },
  sticky: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: theme.palette.background.paper,
    minWidth: 160,
  },
  // a technology name wraps between its words only ("Postgre SQL" never
  // happens); a single word wider than the column is cut, in full on hover
  columnHeader: {
    verticalAlign: 'bottom',
    minWidth: 72,
    maxWidth: 160,
    overflowWrap: 'normal',
    wordBreak: 'normal',
    hyphens: 'manual',
    fontSize: theme.typography.caption.fontSize,
  },
  columnName: {
    maxWidth: 160,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  total: { fontWeight: theme.typography.fontWeightBold as number },
  cell: { padding: 0, textAlign: 'center' },
  cellButton: {
    width: '100%',
    minHeight: 36,
    fontSize: theme.typography.body2.fontSize,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: -2,
    },
  },
  offGuide: { whiteSpace: 'normal', minWidth: 140 },
}));

/**
 * The heat map: teams (rows) × technologies (columns). Every cell shows its
 * number, shaded by it (never colour alone); a non-empty cell is a button
 * that opens its components.
 */
export function AdoptionHeatMap(props: {
  technologies: AdoptionTechnology[];
  teams: AdoptionTeamRow[];
  onSelect: (selection: AdoptionCellSelection) => void;
}) {
  const { technologies, teams, onSelect } = props;
  const classes = useStyles();
  const theme = useTheme();
  const max = Math.max(1, ...teams.flatMap(t => t.cells.map(c => c.count)));
  const showOffGuide = teams.some(t => t.offGuide.length > 0);
  const shade = (count: number) => {
    if (count === 0) return undefined;
    const strength = 0.12 + 0.68 * (count / max);
    return {
      backgroundColor: alpha(theme.palette.primary.main, strength),
      color:
        strength > 0.5
          ? theme.palette.primary.contrastText
          : theme.palette.text.primary,
    };
  };

  return (
    <div className={classes.wrapper}>
      <Table
        size="small"
        className={classes.table}
        aria-label="Adoption: teams by technologies"
        data-testid="adoption-heat-map"
      >
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col" className={classes.sticky}>
              Team
            </TableCell>
            <TableCell
              component="th"
              scope="col"
              className={classes.columnHeader}
            >
              Total
            </TableCell>
            {technologies.map(technology => (
              <TableCell
                key={technology.ref}
                component="th"
                scope="col"
                className={classes.columnHeader}
                title={`${technology.componentCount} components in ${technology.teamCount} teams`}
              >
                <div
                  className={classes.columnName}
                  title={technology.title}
                  data-testid="adoption-column-name"
                >
                  <EntityRefLink
                    entityRef={technology.ref}
                    title={technology.title}
                  />
                </div>
                <RingBadge ring={technology.ring} />
                <div>{technology.componentCount}</div>
              </TableCell>
            ))}
            {showOffGuide && (
              <TableCell
                component="th"
                scope="col"
                className={classes.columnHeader}
              >
                Not in guide
              </TableCell>
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {teams.map(team => {
            const teamName = team.title ?? team.ref;
            const counts = new Map(
              team.cells.map(c => [c.technologyRef, c.count]),
            );
            return (
              <TableRow key={team.ref}>
                <TableCell
                  component="th"
                  scope="row"
                  className={classes.sticky}
                >
                  <EntityRefLink entityRef={team.ref} title={teamName} />
                </TableCell>
                <TableCell className={classes.total}>
                  {team.usageCount}
                </TableCell>
                {technologies.map(technology => {
                  const count = counts.get(technology.ref) ?? 0;
                  return (
                    <TableCell
                      key={technology.ref}
                      className={classes.cell}
                      style={shade(count)}
                      data-count={count}
                    >
                      {count > 0 ? (
                        <ButtonBase
                          className={classes.cellButton}
                          aria-label={`${count} ${
                            count === 1 ? 'component' : 'components'
                          } of ${teamName} use ${technology.title}`}
                          onClick={() =>
                            onSelect({
                              teamRef: team.ref,
                              teamName,
                              technologyRef: technology.ref,
                              name: technology.title,
                            })
                          }
                        >
                          {count}
                        </ButtonBase>
                      ) : (
                        <span aria-label="0">·</span>
                      )}
                    </TableCell>
                  );
                })}
                {showOffGuide && (
                  <TableCell className={classes.offGuide}>
                    {team.offGuide.map((off, i) => (
                      <span key={off.name}>
                        {i > 0 && ', '}
                        <ButtonBase
                          aria-label={`${off.count} ${
                            off.count === 1 ? 'component' : 'components'
                          } of ${teamName} use ${off.name}, not in the guide`}
                          onClick={() =>
                            onSelect({
                              teamRef: team.ref,
                              teamName,
                              name: off.name,
                            })
                          }
                        >
                          ⚠ {off.name} ({off.count})
                        </ButtonBase>
                      </span>
                    ))}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
