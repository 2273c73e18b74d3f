import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Ring } from '@techstack/plugin-tech-stack-common';
import { useCallback, useId, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Radar, RadarEntry, techStackApiRef } from '../../api';
import { TechRadar } from '../TechRadar';
import { AsOfBanner } from './AsOfBanner';
import { DayField } from './DayField';
import { LayerTables } from './LayerTables';
import { RadarChangesPanel } from './RadarChangesPanel';
import { RadarFilters } from './RadarFilters';
import { daysAgo, readDay, today } from './radarDates';
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
      <AsOfBanner radar={radar} />
      {radar.entries.length === 0 && radar.asOf ? (
        <Typography>No technologies on the radar on {radar.asOf}.</Typography>
      ) : null}
      {radar.entries.length === 0 && !radar.asOf ? (
        <Typography>
          No technologies in the catalog yet. Register a technology stack guide
          to fill the radar.
        </Typography>
      ) : null}
      {radar.entries.length === 0 ? null : (
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

const useStyles = makeStyles(theme => ({
  asOf: { marginBottom: theme.spacing(2) },
}));

/** Days before today the What changed range starts by default. */
const CHANGES_DEFAULT_DAYS = 90;

/**
 * The radar tab: loads the radar from the TechStack API (one guide, or all;
 * today's, or as of the day in `?date=`) and shows it with its filters, kept
 * in the URL's query, and the per-layer tables; a progress bar while
 * loading, the error if the API fails. Below, What changed between
 * `?changesFrom=` and `?changesTo=` (default: the last 90 days).
 */
export function RadarTab(props: { guide?: string }) {
  const { guide } = props;
  const api = useApi(techStackApiRef);
  const [params, setParams] = useSearchParams();
  const date = readDay(params.get('date'));
  const changesFrom =
    readDay(params.get('changesFrom')) ?? daysAgo(CHANGES_DEFAULT_DAYS);
  const changesTo = readDay(params.get('changesTo')) ?? today();
  const id = `tech-radar-as-of-${useId().replace(/:/g, '')}`;
  const classes = useStyles();

  const setDays = useCallback(
    (days: Record<string, string | undefined>) => {
      setParams(
        current => {
          const updated = new URLSearchParams(current);
          for (const [key, value] of Object.entries(days)) {
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

  const { value, loading, error } = useAsync(() => {
    if (!guide && !date) return api.getRadar(undefined);
    return api.getRadar({
      ...(guide ? { guide } : {}),
      ...(date ? { date } : {}),
    });
  }, [api, guide, date]);

  let body = null;
  if (loading) body = <Progress />;
  else if (error) body = <ResponseErrorPanel error={error} />;
  else if (value) body = <RadarView radar={value} />;
  return (
    <>
      <DayField
        className={classes.asOf}
        id={id}
        label="As of"
        value={date}
        helperText="Empty: today"
        onChange={day => setDays({ date: day })}
      />
      {body}
      <RadarChangesPanel
        from={changesFrom}
        to={changesTo}
        guide={guide}
        onChange={range =>
          setDays({ changesFrom: range.from, changesTo: range.to })
        }
      />
    </>
  );
}
