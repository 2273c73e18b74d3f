/*
 * The example portal's backend: the new backend system with the catalog,
 * scaffolder, guest auth, allow-all permissions, search, notifications, MCP
 * actions, and the Tech Stack plugins of this repository.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleFileLocations } from './modules/catalogFileLocations';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for the example portal
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the Tech Stack module that ingests the guide
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@techstack/plugin-catalog-backend-module-tech-stack'));
// lets tech-stack:publish-local register the services it writes locally
backend.add(catalogModuleFileLocations);

// scaffolder, with the Tech Stack actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@techstack/plugin-scaffolder-backend-module-tech-stack'));

// permissions: allow-all for the example portal
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search (in-memory Lunr engine) over the catalog
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
// Technologies found by name, alias, layer and section, with their ring
backend.add(import('@techstack/plugin-search-backend-module-tech-stack'));

backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications: the Tech Stack catalog module tells owners when a technology
// they use goes on hold or leaves the guide
backend.add(import('@backstage/plugin-notifications-backend'));

// MCP: the actions registry (catalog and tech-stack actions, see
// backend.actions.pluginSources) exposed to AI agents at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Tech Stack: radar, adoption and stack validation API under /api/tech-stack
backend.add(import('@techstack/plugin-tech-stack-backend'));

backend.start();
