import {
  collectorProblems,
  composeProblems,
  manifestProblems,
} from './generatedFileSchemas';

// The checks the dry-run tests rely on find what they are there to find.
describe('generated file schemas', () => {
  it('finds a compose file the Compose schema refuses', () => {
    expect(
      composeProblems('name: x\nservices:\n  app:\n    image: app\n'),
    ).toEqual([]);
    expect(
      composeProblems(
        'services:\n  app:\n    image: app\n    depends_on:\n      db: { condition: when_ready }\n',
      ),
    ).not.toEqual([]);
    expect(composeProblems('services:\n  app:\n    imag: app\n')).not.toEqual(
      [],
    );
  });

  it('finds a Kubernetes manifest kubernetes-models refuses, naming its file', async () => {
    expect(
      await manifestProblems({
        'k8s/service.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec:\n  ports: [{ port: 80 }]\n',
      }),
    ).toEqual([]);
    expect(
      await manifestProblems({
        'k8s/deployment.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  template: {}\n',
      }),
    ).toEqual([expect.stringMatching(/^k8s\/deployment\.yaml: /)]);
  });

  it('finds a collector pipeline naming a component that is not there', () => {
    const config = (exporter: string) =>
      `receivers: { otlp: {} }\nexporters: { 'otlp/tempo': {} }\nservice:\n  pipelines:\n    traces: { receivers: [otlp], exporters: [${exporter}] }\n`;
    expect(collectorProblems(config('otlp/tempo'))).toEqual([]);
    expect(collectorProblems(config('otlp/jaeger'))).toEqual([
      'service.pipelines.traces.exporters: otlp/jaeger is not defined',
    ]);
    expect(
      collectorProblems(
        'exporters: { zipkinx: {} }\nservice: { pipelines: { traces: { exporters: [zipkinx] } } }\n',
      ),
    ).toEqual(['exporters.zipkinx: no zipkinx exporter']);
  });
});
