import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `tech-stack:wire`. */
export const examples: TemplateExample[] = [
  {
    description: 'Wire the service to the stack resolved in an earlier step',
    example: yaml.stringify({
      steps: [
        {
          id: 'wire',
          action: 'tech-stack:wire',
          name: 'Wire the stack',
          input: {
            stack: "${{ steps['stack'].output.stack }}",
            name: '${{ parameters.name }}',
            owner: '${{ parameters.owner }}',
            system: '${{ parameters.system }}',
            language: 'typescript',
          },
        },
      ],
    }),
  },
  {
    description: 'Wire a given stack into a sub folder, on port 3000',
    example: yaml.stringify({
      steps: [
        {
          id: 'wire',
          action: 'tech-stack:wire',
          name: 'Wire the stack',
          input: {
            stack: [
              { name: 'postgresql' },
              { name: 'redis' },
              { name: 'jaeger' },
            ],
            name: 'orders',
            owner: 'group:default/team-a',
            port: 3000,
            targetPath: 'orders',
          },
        },
      ],
    }),
  },
];
