import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Ring } from '@techstack/plugin-tech-stack-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Radar, RadarEntry, techStackApiRef } from '../../api';
import { TechRadar } from '../TechRadar';
import { LayerTables } from './LayerTables';
import { RadarFilters } from './RadarFilters';
import {
  RadarFilter,
  filterEntries,
  matchesQuery,
  readFilter,
} from './filterRadar';

function RadarView(props: { radar: Radar }) {
  const { radar } = props;
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const { q, ring, sector } = filter;

  const setFilter = useCallback(
    (next: RadarFilter) => {
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          for (const key of ['q', 'ring', 'sector'] as const) {
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

  const known = sector && radar.sectors.includes(sector) ? sector : undefined;
  const sectors = useMemo(
    () => (known ? [known] : radar.sectors),
    [known, radar.sectors],
  );
  const isVisible = useMemo(
    () =>
      q || ring
        ? (entry: RadarEntry, blipRing: Ring) =>
            (!ring || blipRing === ring) && matchesQuery(entry, q)
        : undefined,
    [q, ring],
  );
  const tableEntries = useMemo(
    () => filterEntries(radar.entries, { q, ring, sector: known }),
    [radar.entries, q, ring, known],
  );

  return (
    <>
      <RadarFilters
        sectors={radar.sectors}
        filter={filter}
        onChange={setFilter}
      />
      {radar.entries.length === 0 ? (
        <Typography>
          No technologies in the catalog yet. Register a technology stack guide
          to fill the radar.
        </Typography>
      ) : (
        <>
          <TechRadar
            sectors={sectors}
            entries={radar.entries}
            isVisible={isVisible}
          />
          <ContentHeader title="Layers" />
          <LayerTables sectors={sectors} entries={tableEntries} />
        </>
      )}
    </>
  );
}

/**
 * The radar tab: loads the radar from the TechStack API (one guide, or all)
 * and shows it with its filters, kept in the URL's query, and the per-layer
 * tables; a progress bar while loading, the error if the API fails.
 */
export function RadarTab(props: { guide?: string }) {
  const { guide } = props;
  const api = useApi(techStackApiRef);
  const { value, loading, error } = useAsync(
    () => api.getRadar(guide ? { guide } : undefined),
    [api, guide],
  );
  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  return value ? <RadarView radar={value} /> : null;
}
