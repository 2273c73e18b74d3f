import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `tech-stack:validate`. */
export const examples: TemplateExample[] = [
  {
    description: 'Fail when the new service uses a technology on hold',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'tech-stack:validate',
          name: 'Check the stack',
          input: { failOnHold: true },
        },
      ],
    }),
  },
  {
    description: 'Report on a catalog-info.yaml in a sub folder',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'tech-stack:validate',
          name: 'Check the stack',
          input: { path: 'services/orders/catalog-info.yaml' },
        },
      ],
    }),
  },
];
