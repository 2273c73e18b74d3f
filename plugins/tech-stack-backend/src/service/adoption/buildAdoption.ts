import { UsageSnapshot } from './UsageSnapshot';
import { emptyRingCounts } from './ringCounts';
import { teamScope } from './scope';
import {
  AdoptionCell,
  AdoptionOffGuide,
  AdoptionQuery,
  AdoptionResponse,
  AdoptionTeamRow,
  AdoptionTechnology,
  TechnologyInfo,
} from './types';

/**
 * The adoption view: owners (rows) × technologies (columns) with component
 * counts, filtered by section, ring and team (with the groups below it),
 * one page of rows.
 */
export function buildAdoption(
  snapshot: UsageSnapshot,
  query: AdoptionQuery,
): AdoptionResponse {
  const owners = teamScope(snapshot, query.team);
  const inScope = (t: TechnologyInfo) =>
    (!query.section || t.sections.includes(query.section)) &&
    (!query.ring || t.ring === query.ring);
  const technologyFilter = new Map<string, TechnologyInfo>();
  for (const technology of snapshot.technologies) {
    if (inScope(technology)) technologyFilter.set(technology.ref, technology);
  }
  const showOffGuide = !query.section && !query.ring;

  type Row = {
    row: AdoptionTeamRow;
    cells: Map<string, AdoptionCell>;
    offGuide: Map<string, AdoptionOffGuide>;
  };
  const rows = new Map<string, Row>();
  const columns = new Map<string, { components: number; teams: Set<string> }>();
  const totals = {
    teams: 0,
    components: 0,
    usages: 0,
    byRing: emptyRingCounts(),
    offGuide: 0,
  };

  for (const component of snapshot.components) {
    const owner = component.owner;
    if (!owner || (owners && !owners.has(owner))) continue;
    const usages = component.usages.filter(u =>
      technologyFilter.has(u.technologyRef),
    );
    const offGuide = showOffGuide ? component.offGuide : [];
    if (usages.length === 0 && offGuide.length === 0) continue;

    let entry = rows.get(owner);
    if (!entry) {
      const team = snapshot.org.get(owner);
      const row: AdoptionTeamRow = {
        ref: owner,
        componentCount: 0,
        usageCount: 0,
        byRing: emptyRingCounts(),
        cells: [],
        offGuide: [],
      };
      if (team?.title) row.title = team.title;
      if (team?.parent) row.parent = team.parent;
      entry = { row, cells: new Map(), offGuide: new Map() };
      rows.set(owner, entry);
    }
    entry.row.componentCount++;
    totals.components++;

    for (const usage of usages) {
      const technology = technologyFilter.get(usage.technologyRef)!;
      let cell = entry.cells.get(technology.ref);
      if (!cell) {
        cell = { technologyRef: technology.ref, count: 0 };
        if (query.includeComponents) cell.components = [];
        entry.cells.set(technology.ref, cell);
      }
      cell.count++;
      cell.components?.push(component.ref);
      entry.row.usageCount++;
      entry.row.byRing[technology.ring]++;
      totals.usages++;
      totals.byRing[technology.ring]++;
      let column = columns.get(technology.ref);
      if (!column) {
        column = { components: 0, teams: new Set() };
        columns.set(technology.ref, column);
      }
      column.components++;
      column.teams.add(owner);
    }
    for (const off of offGuide) {
      let item = entry.offGuide.get(off.name);
      if (!item) {
        item = { name: off.name, count: 0 };
        if (query.includeComponents) item.components = [];
        entry.offGuide.set(off.name, item);
      }
      item.count++;
      item.components?.push(component.ref);
      totals.offGuide++;
    }
  }

  const technologies: AdoptionTechnology[] = [];
  for (const [ref, column] of columns) {
    const technology = technologyFilter.get(ref)!;
    const item: AdoptionTechnology = {
      ref,
      name: technology.name,
      title: technology.title,
      ring: technology.ring,
      sections: technology.sections,
      componentCount: column.components,
      teamCount: column.teams.size,
    };
    if (technology.ringReason) item.ringReason = technology.ringReason;
    technologies.push(item);
  }
  technologies.sort(
    (a, b) =>
      b.componentCount - a.componentCount ||
      a.title.localeCompare(b.title) ||
      a.ref.localeCompare(b.ref),
  );

  const allRows = [...rows.values()].map(({ row, cells, offGuide }) => {
    row.cells = [...cells.values()];
    row.offGuide = [...offGuide.values()];
    return row;
  });
  const byName = (a: AdoptionTeamRow, b: AdoptionTeamRow) =>
    (a.title ?? a.ref).localeCompare(b.title ?? b.ref) ||
    a.ref.localeCompare(b.ref);
  allRows.sort(
    query.sort === 'team'
      ? byName
      : (a, b) => b.usageCount - a.usageCount || byName(a, b),
  );
  totals.teams = allRows.length;

  return {
    technologies,
    teams: allRows.slice(query.offset, query.offset + query.limit),
    totals,
    page: { offset: query.offset, limit: query.limit, total: allRows.length },
    sections: snapshot.sections,
    groups: snapshot.org.list(),
  };
}
