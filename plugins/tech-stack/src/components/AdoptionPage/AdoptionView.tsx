import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Adoption, techStackApiRef } from '../../api';
import {
  AdoptionCellDialog,
  AdoptionCellSelection,
} from './AdoptionCellDialog';
import { AdoptionFilters } from './AdoptionFilters';
import { AdoptionHeatMap } from './AdoptionHeatMap';
import { adoptionCsv, downloadText } from './adoptionCsv';
import {
  ADOPTION_PARAMS,
  AdoptionFilter,
  readAdoptionFilter,
} from './adoptionFilter';

/** Teams loaded at once; the rest are counted and named in a notice. */
const TEAM_LIMIT = 500;

function sortAdoption(adoption: Adoption, filter: AdoptionFilter): Adoption {
  const teams = [...adoption.teams].sort((a, b) => {
    const byName = (a.title ?? a.ref).localeCompare(b.title ?? b.ref);
    return filter.sort === 'team'
      ? byName
      : b.usageCount - a.usageCount || byName;
  });
  const technologies = [...adoption.technologies].sort((a, b) => {
    const byName = a.title.localeCompare(b.title);
    return filter.columns === 'name'
      ? byName
      : b.componentCount - a.componentCount || byName;
  });
  return { ...adoption, teams, technologies };
}

/**
 * The adoption tab: a teams × technologies heat map from the backend, with
 * filters and sort orders kept in the URL, a dialog per cell and CSV export.
 */
export function AdoptionView() {
  const api = useApi(techStackApiRef);
  const [params, setParams] = useSearchParams();
  const filter = readAdoptionFilter(params);
  const { section, ring, team, sort } = filter;
  const [selection, setSelection] = useState<AdoptionCellSelection>();

  const setFilter = useCallback(
    (next: AdoptionFilter) => {
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          for (const key of ADOPTION_PARAMS) {
            const value = next[key];
            if (value) updated.set(key, value);
            else updated.delete(key);
          }
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const { value, loading, error } = useAsync(
    () => api.getAdoption({ section, ring, team, sort, limit: TEAM_LIMIT }),
    [api, section, ring, team, sort],
  );
  const sorted = useMemo(
    () => (value ? sortAdoption(value, filter) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [value, filter.sort, filter.columns],
  );

  const exportCsv = useCallback(() => {
    if (!sorted) return;
    downloadText(adoptionCsv(sorted), 'tech-stack-adoption.csv');
  }, [sorted]);

  if (loading && !value) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!sorted) return null;

  return (
    <>
      <AdoptionFilters
        sections={sorted.sections}
        groups={sorted.groups}
        filter={filter}
        onChange={setFilter}
      >
        <Button
          variant="outlined"
          startIcon={<GetAppIcon />}
          onClick={exportCsv}
          disabled={sorted.teams.length === 0}
        >
          Export CSV
        </Button>
      </AdoptionFilters>
      <Typography variant="body2" paragraph>
        {sorted.totals.components} components of {sorted.totals.teams} teams,{' '}
        {sorted.totals.usages} usages of {sorted.technologies.length}{' '}
        technologies
        {sorted.totals.offGuide > 0
          ? `, ${sorted.totals.offGuide} not in the guide`
          : ''}
        . Usages come from the techstack.dev/uses annotation, component tags and
        the resources components depend on.
      </Typography>
      {sorted.page.total > sorted.teams.length && (
        <Typography variant="body2" paragraph>
          Showing {sorted.teams.length} of {sorted.page.total} teams; filter by
          team to see the others.
        </Typography>
      )}
      {sorted.teams.length === 0 ? (
        <Typography>
          No component uses a technology that matches the filters.
        </Typography>
      ) : (
        <AdoptionHeatMap
          technologies={sorted.technologies}
          teams={sorted.teams}
          onSelect={setSelection}
        />
      )}
      {selection && (
        <AdoptionCellDialog
          selection={selection}
          filter={filter}
          onClose={() => setSelection(undefined)}
        />
      )}
    </>
  );
}
