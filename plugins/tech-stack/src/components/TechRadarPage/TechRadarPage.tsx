import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { techStackApiRef } from '../../api';
import { LayerTables } from './LayerTables';

/** The tech radar page: every section of the guide, live from the catalog. */
export function TechRadarPage() {
  const api = useApi(techStackApiRef);
  const { value, loading, error } = useAsync(() => api.getRadar(), [api]);
  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (value) {
    content = <LayerTables sectors={value.sectors} entries={value.entries} />;
  }
  return (
    <Page themeId="tool">
      <Header
        title="Tech Radar"
        subtitle="The organisation's technology stack guide, live from the catalog"
      />
      <Content>{content}</Content>
    </Page>
  );
}
