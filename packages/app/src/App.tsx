import { createApp } from '@backstage/frontend-defaults';
import { appShellModule } from './modules/appShell';
import { catalogGraphModule } from './modules/catalogGraph';
import { navModule } from './modules/nav';

/**
 * The example portal on Backstage's new frontend system. The plugins come
 * from this package's dependencies (`app.packages: all` in app-config.yaml),
 * their extensions are configured under `app.extensions` there; the modules
 * here add the portal's own parts: themes, sign-in, the sidebar and the
 * catalog graph's knowledge of the Tech Stack relations.
 */
export default createApp({
  features: [appShellModule, navModule, catalogGraphModule],
});
