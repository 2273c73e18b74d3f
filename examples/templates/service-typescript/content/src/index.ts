import { createServer } from 'node:http';

/**
 * ${{ values.name }}: ${{ values.description }}
 *
 * The connection settings come from the environment: `.env.example` lists
 * them (docker-compose.yaml sets them for local development, k8s/configmap.yaml
 * in the cluster). Traces, metrics and logs go to the OpenTelemetry collector
 * at OTEL_EXPORTER_OTLP_ENDPOINT (see `npm start`).
 */
const config = {
  port: Number(process.env.PORT ?? 8080),
  serviceName: process.env.OTEL_SERVICE_NAME ?? '${{ values.name }}',
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
  kafkaBrokers: process.env.KAFKA_BROKERS?.split(',').filter(Boolean) ?? [],
  otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
};

/** Hides the password of a connection URL. */
function redact(url: string | undefined): string | undefined {
  return url?.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      service: config.serviceName,
      database: redact(config.databaseUrl) ?? null,
      cache: redact(config.redisUrl) ?? null,
      brokers: config.kafkaBrokers,
    }),
  );
});

server.listen(config.port, () => {
  console.log(
    `${config.serviceName} listening on :${config.port}`,
    JSON.stringify({
      ...config,
      databaseUrl: redact(config.databaseUrl),
      redisUrl: redact(config.redisUrl),
    }),
  );
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
