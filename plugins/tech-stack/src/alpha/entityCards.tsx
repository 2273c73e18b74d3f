import { compatWrapper } from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-card:tech-stack/technology-overview` — on the Overview tab of a
 * Technology entity: its ring, type, description, ring reason, rings per
 * layer and the components and teams that use it. A `content` card (the wide
 * area); `type` and `filter` can be overridden in config.
 */
export const technologyOverviewEntityCard = EntityCardBlueprint.make({
  name: 'technology-overview',
  params: {
    type: 'content',
    filter: { kind: 'technology' },
    loader: () =>
      import('../components/EntityTechnologyContent').then(m =>
        compatWrapper(<m.EntityTechnologySummaryCard />),
      ),
  },
});

/**
 * `entity-card:tech-stack/tech-stack` — the "Tech stack" card on the Overview
 * tab of Components: their technologies with rings, how each was found, and
 * hold / off-guide flags.
 */
export const techStackEntityCard = EntityCardBlueprint.make({
  name: 'tech-stack',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('../components/EntityTechStackCard').then(m =>
        compatWrapper(<m.EntityTechStackCard />),
      ),
  },
});

/**
 * `entity-card:tech-stack/team-tools` — the "Tools used by this team" card on
 * the Overview tab of Groups: technologies by ring with component counts,
 * flags and the share of usages on adopt.
 */
export const teamToolsEntityCard = EntityCardBlueprint.make({
  name: 'team-tools',
  params: {
    type: 'content',
    filter: { kind: 'group' },
    loader: () =>
      import('../components/EntityTeamToolsCard').then(m =>
        compatWrapper(<m.EntityTeamToolsCard />),
      ),
  },
});
