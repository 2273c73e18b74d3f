import { createApiRef } from '@backstage/core-plugin-api';
import type { Ring, TechnologyLayer } from '@techstack/plugin-tech-stack-common';

/** One blip of the radar, as the backend serves it. */
export interface RadarEntry {
  ref: string;
  name: string;
  title: string;
  ring: Ring;
  type: string;
  sectors: string[];
  layers: TechnologyLayer[];
}

/** The radar as the backend serves it. */
export interface Radar {
  sectors: string[];
  rings: Ring[];
  entries: RadarEntry[];
}

/** Client of the tech-stack backend. */
export interface TechStackApi {
  getRadar(): Promise<Radar>;
}

export const techStackApiRef = createApiRef<TechStackApi>({
  id: 'plugin.tech-stack.service',
});
