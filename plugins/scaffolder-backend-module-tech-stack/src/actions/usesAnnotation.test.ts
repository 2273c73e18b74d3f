import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'fs';
import { parse } from 'yaml';
import { createUsesAnnotationAction } from './usesAnnotation';

describe('tech-stack:annotate', () => {
  const workspace = createMockDirectory();
  const action = createUsesAnnotationAction();

  beforeEach(() => {
    workspace.setContent({
      'catalog-info.yaml': [
        'apiVersion: backstage.io/v1alpha1',
        'kind: Component',
        'metadata:',
        '  name: orders',
        '  # keep this comment',
        '  annotations:',
        '    techstack.dev/uses: PostgreSQL',
        'spec:',
        '  type: service',
        '',
      ].join('\n'),
    });
  });

  it('merges technologies into the annotation, keeping the rest of the file', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        technologies: ['postgresql', 'Redis'],
        path: 'catalog-info.yaml',
      },
    });
    await action.handler(ctx as any);
    const text = fs.readFileSync(
      workspace.resolve('catalog-info.yaml'),
      'utf8',
    );
    expect(text).toContain('# keep this comment');
    const entity = parse(text);
    expect(entity.metadata.annotations['techstack.dev/uses']).toBe(
      'PostgreSQL, Redis',
    );
    expect(entity.spec.type).toBe('service');
    expect(ctx.output).toHaveBeenCalledWith('uses', 'PostgreSQL, Redis');
  });

  it('refuses a path outside the workspace', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { technologies: ['redis'], path: '../outside.yaml' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(/outside/i);
  });

  it('names the field when the file is missing', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: { technologies: ['redis'], path: 'missing.yaml' },
    });
    await expect(action.handler(ctx as any)).rejects.toThrow(
      /^path: missing.yaml/,
    );
  });

  it('refuses more than 100 technologies or a name over 200 characters, naming the field', async () => {
    const run = (technologies: string[]) =>
      action.handler(
        createMockActionContext({
          workspacePath: workspace.path,
          input: { technologies, path: 'catalog-info.yaml' },
        }) as any,
      );
    await expect(
      run(Array.from({ length: 101 }, (_, i) => `t${i}`)),
    ).rejects.toThrow('technologies: at most 100 entries are allowed, got 101');
    await expect(run(['Redis', 'r'.repeat(201)])).rejects.toThrow(
      'technologies[1]: at most 200 characters are allowed, got 201',
    );
    expect(
      parse(fs.readFileSync(workspace.resolve('catalog-info.yaml'), 'utf8'))
        .metadata.annotations,
    ).toEqual({
      'techstack.dev/uses': 'PostgreSQL',
    });
  });
});
