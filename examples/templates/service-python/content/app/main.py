"""${{ values.name }}: ${{ values.description }}

The connection settings come from the environment: `.env.example` lists them
(docker-compose.yaml sets them for local development, k8s/configmap.yaml and
k8s/secret.yaml in the cluster). Traces, metrics and logs go to the
OpenTelemetry collector at OTEL_EXPORTER_OTLP_ENDPOINT when started with
`opentelemetry-instrument`.

GET /livez: the process is up. GET /readyz: every dependency answers (200),
or which do not (503), each checked with a short timeout (app/server.py).
Add the service's own routes to `POST_ROUTES`.
"""

from .server import serve

# path -> function(body: dict) -> dict; raise server.HttpError for an error answer
POST_ROUTES = {}


def main():
    serve(POST_ROUTES)


if __name__ == "__main__":
    main()
