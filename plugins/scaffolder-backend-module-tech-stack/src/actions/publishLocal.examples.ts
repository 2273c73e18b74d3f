import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `tech-stack:publish-local`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publish the new service to the local publish folder and register it',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'tech-stack:publish-local',
          name: 'Publish locally',
          input: { name: '${{ parameters.name }}' },
        },
      ],
      output: {
        links: [
          {
            title: 'Open in catalog',
            icon: 'catalog',
            entityRef: "${{ steps['publish'].output.entityRef }}",
          },
        ],
      },
    }),
  },
  {
    description:
      'Publish a sub folder, replacing an earlier copy, without registering',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'tech-stack:publish-local',
          name: 'Publish locally',
          input: {
            name: 'orders',
            sourcePath: 'service',
            overwrite: true,
            register: false,
          },
        },
      ],
    }),
  },
];
