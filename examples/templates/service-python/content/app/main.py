"""${{ values.name }}: ${{ values.description }}

The connection settings come from the environment: `.env.example` lists them
(docker-compose.yaml sets them for local development, k8s/configmap.yaml and
k8s/secret.yaml in the cluster). Traces, metrics and logs go to the
OpenTelemetry collector at OTEL_EXPORTER_OTLP_ENDPOINT when started with
`opentelemetry-instrument`.

GET /livez: the process is up. GET /readyz: every dependency answers (200),
or which do not (503), each checked with a short timeout.
"""

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .readiness import create_dependencies, readiness, run_with_timeout

PORT = int(os.environ.get("PORT", "8080"))
SERVICE_NAME = os.environ.get("OTEL_SERVICE_NAME", "${{ values.name }}")


def make_handler(dependencies):
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status, body):
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):  # noqa: N802
            path = self.path.split("?", 1)[0]
            if path == "/livez":
                self._send(200, {"status": "up"})
            elif path == "/readyz":
                ready, states = readiness(dependencies)
                self._send(200 if ready else 503, {"status": "up" if ready else "down", "dependencies": states})
            else:
                self._send(200, {"service": SERVICE_NAME, "dependencies": [d["technology"] for d in dependencies]})

        def log_message(self, format, *args):  # noqa: A002 - quiet access log
            pass

    return Handler


def main():
    try:
        dependencies = create_dependencies()
    except RuntimeError as error:
        print(f"{SERVICE_NAME} cannot start: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    for dependency in dependencies:
        state = run_with_timeout(dependency["client"].connect)
        if state["status"] == "up":
            print(f"connected to {dependency['technology']} at {dependency['address']}", flush=True)
        else:
            print(
                f"{dependency['technology']} at {dependency['address']} is not reachable yet "
                f"({state['error']}); /readyz reports it down until it answers",
                flush=True,
            )
    server = ThreadingHTTPServer(("0.0.0.0", PORT), make_handler(dependencies))
    names = ", ".join(d["technology"] for d in dependencies) or "none"
    print(f"{SERVICE_NAME} listening on :{PORT}; dependencies: {names}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
