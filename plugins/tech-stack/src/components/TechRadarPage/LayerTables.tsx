import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { InfoCard, Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { RINGS, Ring } from '@techstack/plugin-tech-stack-common';
import { RadarEntry } from '../../api';
import { ringLabel } from '../../lib/rings';
import { truncateText } from '../../lib/truncate';
import { TruncatedText } from '../TruncatedText';
import { usageSummary } from '../../lib/usageSummary';

/** One layer (a row of the guide) with its technologies per ring. */
export interface LayerRow {
  id: string;
  group?: string;
  layer: string;
  byRing: Record<Ring, RadarEntry[]>;
  /** Best known guide line, for ordering. */
  line: number;
  seen: number;
}

/** A section of the tables: its groups (`###`) with their layers, in guide order. */
export interface LayerSection {
  section: string;
  groups: Array<{ group?: string; rows: LayerRow[] }>;
}

function lineOf(entry: RadarEntry): number {
  const match = /#L(\d+)/.exec(entry.sourceLocation ?? '');
  return match ? Number(match[1]) : Infinity;
}

/**
 * Groups the entries by section, group and layer, in guide order: a layer is
 * ordered by the first guide line of the technologies that first appear in
 * it (their source location), else by first sight.
 */
export function layerSections(
  sectors: string[],
  entries: RadarEntry[],
): LayerSection[] {
  const bySection = new Map<string, Map<string, LayerRow>>(
    sectors.map(s => [s, new Map()]),
  );
  let seen = 0;
  for (const entry of entries) {
    const line = lineOf(entry);
    for (const placement of entry.layers) {
      let rows = bySection.get(placement.section);
      if (!rows) {
        rows = new Map();
        bySection.set(placement.section, rows);
      }
      const id = `${placement.group ?? ''}\u0000${placement.layer}`;
      let row = rows.get(id);
      if (!row) {
        row = {
          id,
          group: placement.group,
          layer: placement.layer,
          byRing: { adopt: [], trial: [], assess: [], hold: [] },
          line: Infinity,
          seen: seen++,
        };
        rows.set(id, row);
      }
      if (!row.byRing[placement.ring].includes(entry)) {
        row.byRing[placement.ring].push(entry);
      }
      // the row's own guide line; else only the section where the entry
      // first appears says where the layer is
      const rowLine =
        placement.line ??
        (entry.sectors[0] === placement.section ? line : Infinity);
      if (rowLine < row.line) {
        row.line = rowLine;
      }
    }
  }
  const order = (a: { line: number; seen: number }, b: typeof a) =>
    a.line === b.line ? a.seen - b.seen : Math.sign(a.line - b.line);
  const sections: LayerSection[] = [];
  for (const [section, rowMap] of bySection) {
    const rows = [...rowMap.values()].sort(order);
    if (rows.length === 0) continue;
    const groups: LayerSection['groups'] = [];
    for (const row of rows) {
      let group = groups.find(g => g.group === row.group);
      if (!group) {
        group = { group: row.group, rows: [] };
        groups.push(group);
      }
      group.rows.push(row);
    }
    sections.push({ section, groups });
  }
  return sections;
}

const useStyles = makeStyles(theme => ({
  card: { marginBottom: theme.spacing(2) },
  groupCell: {
    backgroundColor: theme.palette.background.default,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  usage: {
    color: theme.palette.text.secondary,
    fontSize: '0.85em',
    marginLeft: theme.spacing(0.5),
  },
  layer: {
    fontWeight: theme.typography.fontWeightMedium as number,
    maxWidth: 280,
  },
  // names wrap within the cell; never wider than the table allows
  name: { display: 'inline-block', maxWidth: '100%', verticalAlign: 'top' },
}));

function Technologies(props: { entries: RadarEntry[] }) {
  const classes = useStyles();
  const link = useEntityRefLink();
  return (
    <>
      {props.entries.map((entry, i) => (
        <span key={entry.ref}>
          {i > 0 && ', '}
          <Link to={link(entry.ref)} className={classes.name}>
            <TruncatedText text={entry.title} />
          </Link>
          {usageSummary(entry) ? (
            <span
              className={classes.usage}
              title={`Used by ${usageSummary(entry)}`}
            >
              ({entry.componentCount ?? entry.usageCount}
              <span className="MuiTypography-srOnly"> users</span>
              {entry.teamCount
                ? ` in ${entry.teamCount} team${
                    entry.teamCount === 1 ? '' : 's'
                  }`
                : ''}
              )
            </span>
          ) : null}
        </span>
      ))}
    </>
  );
}

/**
 * One table per guide section: group sub-headings, then its layers with the
 * technologies per ring, each linked to its entity page with its usage count.
 */
export function LayerTables(props: {
  sectors: string[];
  entries: RadarEntry[];
}) {
  const classes = useStyles();
  const sections = layerSections(props.sectors, props.entries);
  if (sections.length === 0) {
    return <Typography>No technologies match the filters.</Typography>;
  }
  return (
    <>
      {sections.map(({ section, groups }) => (
        <InfoCard
          key={section}
          title={<TruncatedText text={section} />}
          className={classes.card}
        >
          <Table size="small" aria-label={truncateText(section, 200)}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Layer
                </TableCell>
                {RINGS.map(ring => (
                  <TableCell key={ring} component="th" scope="col">
                    {ringLabel(ring)}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {groups.map(({ group, rows }) => [
                group ? (
                  <TableRow key={`group:${group}`}>
                    <TableCell
                      component="th"
                      scope="colgroup"
                      role="rowheader"
                      colSpan={RINGS.length + 1}
                      className={classes.groupCell}
                    >
                      <TruncatedText text={group} />
                    </TableCell>
                  </TableRow>
                ) : null,
                ...rows.map(row => (
                  <TableRow key={row.id}>
                    <TableCell
                      component="th"
                      scope="row"
                      role="rowheader"
                      className={classes.layer}
                    >
                      <TruncatedText text={row.layer} />
                    </TableCell>
                    {RINGS.map(ring => (
                      <TableCell key={ring}>
                        <Technologies entries={row.byRing[ring]} />
                      </TableCell>
                    ))}
                  </TableRow>
                )),
              ])}
            </TableBody>
          </Table>
        </InfoCard>
      ))}
    </>
  );
}
