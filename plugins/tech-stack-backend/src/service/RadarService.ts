import {
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RINGS,
  Ring,
  TECHNOLOGY_KIND,
  TechnologyEntity,
  isTechnologyEntity,
} from '@techstack/plugin-tech-stack-common';

/** One blip of the radar. */
export interface RadarEntry {
  ref: string;
  name: string;
  title: string;
  ring: Ring;
  type: string;
  sectors: string[];
  layers: TechnologyEntity['spec']['layers'];
}

/** The radar: sectors in guide order, the rings, the entries. */
export interface Radar {
  sectors: string[];
  rings: Ring[];
  entries: RadarEntry[];
}

/** Builds the radar from the Technology entities of the catalog. */
export class RadarService {
  constructor(private readonly catalog: CatalogService) {}

  async getRadar(options: { credentials: BackstageCredentials }): Promise<Radar> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: TECHNOLOGY_KIND } },
      { credentials: options.credentials },
    );
    const sectors: string[] = [];
    const entries: RadarEntry[] = [];
    for (const entity of items) {
      if (!isTechnologyEntity(entity)) {
        continue;
      }
      const entrySectors: string[] = [];
      for (const layer of entity.spec.layers) {
        if (!sectors.includes(layer.section)) sectors.push(layer.section);
        if (!entrySectors.includes(layer.section)) entrySectors.push(layer.section);
      }
      entries.push({
        ref: stringifyEntityRef(entity),
        name: entity.metadata.name,
        title: entity.metadata.title ?? entity.metadata.name,
        ring: entity.spec.ring,
        type: entity.spec.type,
        sectors: entrySectors,
        layers: entity.spec.layers,
      });
    }
    entries.sort((a, b) => a.title.localeCompare(b.title));
    return { sectors, rings: [...RINGS], entries };
  }
}
