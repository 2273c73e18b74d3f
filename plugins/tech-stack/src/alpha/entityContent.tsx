import { compatWrapper } from '@backstage/core-compat-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';

/**
 * `entity-content:tech-stack/technology` — the "Technology" tab of Technology
 * entities: overview, rings per layer, ring history and the components that
 * use it, by team. `filter` can be overridden in config.
 */
export const technologyEntityContent = EntityContentBlueprint.make({
  name: 'technology',
  params: {
    path: '/technology',
    title: 'Technology',
    filter: { kind: 'technology' },
    loader: () =>
      import('../components/EntityTechnologyContent').then(m =>
        compatWrapper(<m.EntityTechnologyContent />),
      ),
  },
});
