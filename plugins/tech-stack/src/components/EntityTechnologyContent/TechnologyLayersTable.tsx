import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TechnologyLayer } from '@techstack/plugin-tech-stack-common';
import { ringLabel } from '../../lib/rings';
import { TruncatedText } from '../TruncatedText';

const useStyles = makeStyles({
  cell: { maxWidth: 240 },
});

/**
 * Every place the technology appears in the guide (section, group, layer)
 * with its ring there; a sentence when it is placed nowhere.
 */
export function TechnologyLayersTable(props: { layers: TechnologyLayer[] }) {
  const classes = useStyles();
  if (props.layers.length === 0) {
    return <Typography>Not placed in any layer.</Typography>;
  }
  return (
    <Table size="small" aria-label="Rings per layer">
      <TableHead>
        <TableRow>
          <TableCell>Section</TableCell>
          <TableCell>Group</TableCell>
          <TableCell>Layer</TableCell>
          <TableCell>Ring</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.layers.map((layer, i) => (
          <TableRow key={i}>
            <TableCell className={classes.cell}>
              <TruncatedText text={layer.section} />
            </TableCell>
            <TableCell className={classes.cell}>
              <TruncatedText text={layer.group ?? ''} />
            </TableCell>
            <TableCell className={classes.cell}>
              <TruncatedText text={layer.layer} />
            </TableCell>
            <TableCell>{ringLabel(layer.ring)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
