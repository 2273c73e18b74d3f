import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples of `tech-stack:resolve`. */
export const examples: TemplateExample[] = [
  {
    description:
      'The recommended relational database, and Valkey as key-value store',
    example: yaml.stringify({
      steps: [
        {
          id: 'stack',
          action: 'tech-stack:resolve',
          name: 'Resolve the stack',
          input: {
            layers: { Relational: 'recommended', 'Key-Value': 'Valkey' },
          },
        },
      ],
    }),
  },
  {
    description: 'The stack chosen with the TechStackPicker field',
    example: yaml.stringify({
      steps: [
        {
          id: 'stack',
          action: 'tech-stack:resolve',
          name: 'Resolve the stack',
          input: { layers: '${{ parameters.stack }}' },
        },
      ],
    }),
  },
  {
    description: 'A list, with the section naming an ambiguous layer',
    example: yaml.stringify({
      steps: [
        {
          id: 'stack',
          action: 'tech-stack:resolve',
          name: 'Resolve the stack',
          input: {
            layers: [
              { layer: 'Message Broker', choice: 'Redpanda' },
              {
                layer: 'Traces',
                section: 'Observability',
                choice: 'recommended',
              },
            ],
          },
        },
      ],
    }),
  },
];
