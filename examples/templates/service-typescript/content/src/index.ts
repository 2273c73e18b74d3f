import { createServer, ServerResponse } from 'node:http';
import { dependencies as registry } from './dependencies';
import {
  CHECK_TIMEOUT_MS,
  createDependencies,
  readiness,
  withTimeout,
} from './readiness';

/**
 * ${{ values.name }}: ${{ values.description }}
 *
 * The connection settings come from the environment: `.env.example` lists
 * them (docker-compose.yaml sets them for local development, k8s/configmap.yaml
 * and k8s/secret.yaml in the cluster). Traces, metrics and logs go to the
 * OpenTelemetry collector at OTEL_EXPORTER_OTLP_ENDPOINT (see `npm start`).
 *
 * GET /livez: the process is up. GET /readyz: every dependency answers
 * (200), or which do not (503), each checked with a short timeout.
 */
const port = Number(process.env.PORT ?? 8080);
const serviceName = process.env.OTEL_SERVICE_NAME ?? '${{ values.name }}';

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function main() {
  const dependencies = createDependencies(registry);
  await Promise.all(
    dependencies.map(async dependency => {
      try {
        await withTimeout(dependency.client.connect(), CHECK_TIMEOUT_MS);
        console.log(
          `connected to ${dependency.technology} at ${dependency.address}`,
        );
      } catch (error) {
        console.warn(
          `${dependency.technology} at ${
            dependency.address
          } is not reachable yet (${
            error instanceof Error ? error.message : String(error)
          }); /readyz reports it down until it answers`,
        );
      }
    }),
  );

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/livez') {
      send(res, 200, { status: 'up' });
    } else if (path === '/readyz') {
      readiness(dependencies).then(
        ({ ready, dependencies: states }) =>
          send(res, ready ? 200 : 503, {
            status: ready ? 'up' : 'down',
            dependencies: states,
          }),
        error => send(res, 500, { status: 'down', error: String(error) }),
      );
    } else {
      send(res, 200, {
        service: serviceName,
        dependencies: dependencies.map(d => d.technology),
      });
    }
  });

  server.listen(port, () => {
    console.log(
      `${serviceName} listening on :${port}; dependencies: ${
        dependencies.map(d => d.technology).join(', ') || 'none'
      }`,
    );
  });

  process.on('SIGTERM', () => {
    server.close(() => {
      Promise.allSettled(dependencies.map(d => d.client.close())).then(() =>
        process.exit(0),
      );
    });
  });
}

main().catch(error => {
  console.error(
    `${serviceName} cannot start: ${
      error instanceof Error ? error.message : error
    }`,
  );
  process.exit(1);
});
