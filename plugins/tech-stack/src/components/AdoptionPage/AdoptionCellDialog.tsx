import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { techStackApiRef } from '../../api';
import { AdoptionFilter } from './adoptionFilter';

/** What a clicked cell stands for. */
export interface AdoptionCellSelection {
  teamRef: string;
  teamName: string;
  /** A technology ref, or undefined for an off-guide name. */
  technologyRef?: string;
  /** Technology title, or the off-guide name. */
  name: string;
}

/**
 * The components behind one heat-map cell, loaded on demand (the heat map
 * itself only carries counts), each linked to its entity page.
 */
export function AdoptionCellDialog(props: {
  selection: AdoptionCellSelection;
  filter: AdoptionFilter;
  onClose: () => void;
}) {
  const { selection, filter, onClose } = props;
  const api = useApi(techStackApiRef);
  const { value, loading, error } = useAsync(async () => {
    const adoption = await api.getAdoption({
      team: selection.teamRef,
      section: filter.section,
      ring: filter.ring,
      includeComponents: true,
      limit: 1000,
    });
    const row = adoption.teams.find(t => t.ref === selection.teamRef);
    if (!row) return [];
    const refs = selection.technologyRef
      ? row.cells.find(c => c.technologyRef === selection.technologyRef)
          ?.components
      : row.offGuide.find(o => o.name === selection.name)?.components;
    return [...(refs ?? [])].sort();
  }, [api, selection, filter.section, filter.ring]);

  const titleId = 'adoption-cell-dialog-title';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>
        {selection.name} · {selection.teamName}
      </DialogTitle>
      <DialogContent>
        {!selection.technologyRef && (
          <Typography variant="body2" paragraph>
            Not in the technology stack guide.
          </Typography>
        )}
        {loading && <Progress />}
        {error && <ResponseErrorPanel error={error} />}
        {value && value.length === 0 && (
          <Typography>No components found.</Typography>
        )}
        {value && value.length > 0 && (
          <List dense aria-label="Components">
            {value.map(ref => (
              <ListItem key={ref} disableGutters>
                <EntityRefLink entityRef={ref} defaultKind="component" />
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
