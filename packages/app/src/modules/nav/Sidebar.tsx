import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { MyGroupsSidebarItem } from '@backstage/plugin-org';
import {
  Settings as SidebarSettings,
  UserSettingsSignInAvatar,
} from '@backstage/plugin-user-settings';
import HomeIcon from '@material-ui/icons/Home';
import ExtensionIcon from '@material-ui/icons/Extension';
import CreateComponentIcon from '@material-ui/icons/AddCircleOutline';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import GroupIcon from '@material-ui/icons/People';
import { SidebarLogo } from './SidebarLogo';

/**
 * The portal's sidebar: Search, then Home (the catalog), My Groups, APIs, the
 * Tech Radar and Create..., then any other plugin page, and Settings at the
 * bottom. Pages come from the discovered plugins; the first ones are placed
 * by extension id with the labels the portal has always used.
 */
export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));
      const labelled = (id: string, text: string, icon: typeof HomeIcon) => {
        const item = navItems.take(id);
        return item ? (
          <SidebarItem icon={icon} to={item.href} text={text} />
        ) : null;
      };

      // shown elsewhere: the search modal, the settings group, the catalog graph (from entity pages)
      nav.take('page:search');
      nav.take('page:user-settings');
      nav.take('page:catalog-graph');
      nav.take('page:catalog-import');

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {labelled('page:catalog', 'Home', HomeIcon)}
            <MyGroupsSidebarItem
              singularTitle="My Group"
              pluralTitle="My Groups"
              icon={GroupIcon}
            />
            {labelled('page:api-docs', 'APIs', ExtensionIcon)}
            {nav.take('page:tech-stack')}
            {labelled('page:scaffolder', 'Create...', CreateComponentIcon)}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            <SidebarSettings />
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
