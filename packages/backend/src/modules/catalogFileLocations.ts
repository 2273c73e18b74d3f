import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogLocationsExtensionPoint,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';
import { FileLocationGuardProcessor } from './FileLocationGuardProcessor';
import { FileLocationPolicy } from './FileLocationPolicy';
import { createLocationRegistrationGuard } from './locationRegistrationGuard';

/**
 * Lets the example portal's catalog register `file` locations at run time
 * (not only `url`), so `tech-stack:publish-local` can register the services
 * it writes without a git host — but only inside
 * `techStack.scaffolder.localPublishDir`, besides the files the app-config
 * declares under `catalog.locations` (see {@link FileLocationPolicy}).
 *
 * Two guards: registering or dry-running a location elsewhere
 * (`POST /api/catalog/locations[?dryRun=true]`, `PUT /locations/:id`) is
 * answered with 403 before the catalog stores anything, and a processor that
 * runs before the catalog's file reader refuses to read such a file by any
 * other way (a `Location` entity inside an allowed file, a location stored
 * before this module was installed).
 */
export const catalogModuleFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'file-locations',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        httpRouter: coreServices.httpRouter,
        locations: catalogLocationsExtensionPoint,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, httpRouter, locations, processing }) {
        const policy = FileLocationPolicy.fromConfig(config);
        locations.setAllowedLocationTypes(['url', 'file']);
        processing.addProcessor(new FileLocationGuardProcessor(policy));
        httpRouter.use(createLocationRegistrationGuard(policy));
      },
    });
  },
});
