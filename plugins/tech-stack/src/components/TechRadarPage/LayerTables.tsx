import { Table, TableColumn } from '@backstage/core-components';
import { RINGS, Ring } from '@techstack/plugin-tech-stack-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { RadarEntry } from '../../api';

interface LayerRow {
  id: string;
  group: string;
  layer: string;
  byRing: Record<Ring, RadarEntry[]>;
}

/** Groups the radar's entries by section, then by group and layer, in guide order. */
export function layerRows(
  sectors: string[],
  entries: RadarEntry[],
): Map<string, LayerRow[]> {
  const bySection = new Map<string, LayerRow[]>(sectors.map(s => [s, []]));
  for (const entry of entries) {
    for (const placement of entry.layers) {
      const rows = bySection.get(placement.section) ?? [];
      bySection.set(placement.section, rows);
      const id = `${placement.group ?? ''}\u0000${placement.layer}`;
      let row = rows.find(r => r.id === id);
      if (!row) {
        row = {
          id,
          group: placement.group ?? '',
          layer: placement.layer,
          byRing: { adopt: [], trial: [], assess: [], hold: [] },
        };
        rows.push(row);
      }
      row.byRing[placement.ring].push(entry);
    }
  }
  return bySection;
}

function technologies(entries: RadarEntry[]) {
  return (
    <>
      {entries.map((entry, i) => (
        <span key={entry.ref}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={entry.ref} title={entry.title} />
        </span>
      ))}
    </>
  );
}

/** One table per guide section: its layers, with the technologies per ring. */
export function LayerTables(props: { sectors: string[]; entries: RadarEntry[] }) {
  const rows = layerRows(props.sectors, props.entries);
  const columns: TableColumn<LayerRow>[] = [
    { title: 'Group', field: 'group' },
    { title: 'Layer', field: 'layer' },
    ...RINGS.map(ring => ({
      title: ring[0].toUpperCase() + ring.slice(1),
      render: (row: LayerRow) => technologies(row.byRing[ring]),
    })),
  ];
  return (
    <>
      {[...rows.entries()].map(([section, sectionRows]) => (
        <Table<LayerRow>
          key={section}
          title={section}
          columns={columns}
          data={sectionRows}
          options={{ paging: false, search: false, padding: 'dense' }}
        />
      ))}
    </>
  );
}
