import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { darkTheme, lightTheme } from './themes';
import { signInPage } from './signInPage';
import { storageApi } from './storageApi';

/** The portal's themes, guest sign-in and settings storage. */
export const appShellModule = createFrontendModule({
  pluginId: 'app',
  extensions: [lightTheme, darkTheme, signInPage, storageApi],
});
