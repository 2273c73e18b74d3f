"""${{ values.name }}: ${{ values.description }}

The connection settings come from the environment: `.env.example` lists them
(docker-compose.yaml sets them for local development, k8s/configmap.yaml in
the cluster). Traces, metrics and logs go to the OpenTelemetry collector at
OTEL_EXPORTER_OTLP_ENDPOINT when started with `opentelemetry-instrument`.
"""

import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONFIG = {
    "port": int(os.environ.get("PORT", "8080")),
    "service_name": os.environ.get("OTEL_SERVICE_NAME", "${{ values.name }}"),
    "database_url": os.environ.get("DATABASE_URL"),
    "redis_url": os.environ.get("REDIS_URL"),
    "kafka_brokers": [b for b in os.environ.get("KAFKA_BROKERS", "").split(",") if b],
    "otlp_endpoint": os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"),
}


def redact(url):
    """Hides the password of a connection URL."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url) if url else None


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        if self.path == "/healthz":
            body = {"status": "ok"}
        else:
            body = {
                "service": CONFIG["service_name"],
                "database": redact(CONFIG["database_url"]),
                "cache": redact(CONFIG["redis_url"]),
                "brokers": CONFIG["kafka_brokers"],
            }
        payload = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def main():
    server = ThreadingHTTPServer(("0.0.0.0", CONFIG["port"]), Handler)
    print(f"{CONFIG['service_name']} listening on :{CONFIG['port']}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
