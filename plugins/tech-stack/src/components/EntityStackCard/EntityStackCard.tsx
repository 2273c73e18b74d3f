import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { TechStack, techStackApiRef } from '../../api';

/**
 * A card showing the stack of the current entity (a component, or a team
 * with its sub-teams), loaded from `/api/tech-stack/stack`; `render` draws it.
 */
export function EntityStackCard(props: {
  title: string;
  render: (stack: TechStack) => ReactNode;
}) {
  const { entity } = useEntity();
  const api = useApi(techStackApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => api.getStack(entityRef),
    [api, entityRef],
  );
  let content;
  if (loading) content = <Progress />;
  else if (error) content = <ResponseErrorPanel error={error} />;
  else if (value) content = props.render(value);
  return <InfoCard title={props.title}>{content}</InfoCard>;
}
