import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Record that the new service uses PostgreSQL and Redis',
    example: yaml.stringify({
      steps: [
        {
          id: 'annotate',
          action: 'tech-stack:annotate',
          name: 'Declare the stack',
          input: { technologies: ['postgresql', 'redis'] },
        },
      ],
    }),
  },
];
