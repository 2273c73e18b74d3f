import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { AdoptionView } from '../AdoptionPage';
import { CampaignsView } from '../CampaignsPage';
import { RadarTab } from './RadarTab';

/**
 * Props of {@link TechRadarPage}.
 *
 * @public
 */
export interface TechRadarPageProps {
  /** Show only the radar of this guide (its id); default: all guides. */
  guide?: string;
  /** Page title. */
  title?: string;
  /** Page subtitle. */
  subtitle?: string;
}

/**
 * The tech radar page, three tabs: the radar with one sector per guide section,
 * filters kept in the URL and per-layer tables (`/`), the adoption view,
 * which teams use which technologies (`/adoption`), and the migration
 * campaigns (`/campaigns`); live from the catalog.
 */
export function TechRadarPage(props: TechRadarPageProps) {
  const { guide, title = 'Tech Radar' } = props;
  return (
    <Page themeId="tool">
      <Header
        title={title}
        subtitle={
          props.subtitle ??
          "The organisation's technology stack guide, live from the catalog"
        }
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Radar">
          <RadarTab guide={guide} />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/adoption" title="Adoption">
          <AdoptionView />
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/campaigns" title="Campaigns">
          <CampaignsView />
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
