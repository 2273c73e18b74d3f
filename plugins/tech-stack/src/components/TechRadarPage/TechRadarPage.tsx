import {
  ContentHeader,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
  TabbedLayout,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Ring } from '@techstack/plugin-tech-stack-common';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Radar, RadarEntry, techStackApiRef } from '../../api';
import { AdoptionView } from '../AdoptionPage';
import { TechRadar } from '../TechRadar';
import { LayerTables } from './LayerTables';
import { RadarFilters } from './RadarFilters';
import {
  RadarFilter,
  filterEntries,
  matchesQuery,
  readFilter,
} from './filterRadar';

/** Props of {@link TechRadarPage}. */
export interface TechRadarPageProps {
  /** Show only the radar of this guide (its id); default: all guides. */
  guide?: string;
  /** Page title. */
  title?: string;
  /** Page subtitle. */
  subtitle?: string;
}

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

/** The radar tab: loads the radar and shows it with its filters and tables. */
function RadarTab(props: { guide?: string }) {
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

/**
 * The tech radar page, two tabs: the radar with one sector per guide section,
 * filters kept in the URL and per-layer tables (`/`), and the adoption view,
 * which teams use which technologies (`/adoption`); live from the catalog.
 */
export function TechRadarPage(props: TechRadarPageProps) {
  const { guide, title = 'Tech Radar' } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle={
          props.subtitle ??
          "The organisation's technology stack guide, live from the catalog"
        }
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Radar">
          <RadarTab guide={guide} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/adoption" title="Adoption">
          <AdoptionView />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
