"""The service's HTTP server: GET /livez (the process is up), GET /readyz
(every dependency in app/dependencies/ answers, each checked with a short
timeout: 200, or 503 naming the ones that are down and why), GET / (what the
service is), and the POST routes the service adds (JSON in, JSON out).

At start it connects to each dependency and logs which it reached; a missing
connection variable stops it with the variable's name.
"""

import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .readiness import create_dependencies, readiness, run_with_timeout

PORT = int(os.environ.get("PORT", "8080"))
SERVICE_NAME = os.environ.get("OTEL_SERVICE_NAME", "${{ values.name }}")
MAX_BODY_BYTES = 64 * 1024


class HttpError(Exception):
    """Raised by a route: answered with its status and `{"error": message}`."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


def make_handler(dependencies, post_routes):
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

        def do_POST(self):  # noqa: N802
            route = post_routes.get(self.path.split("?", 1)[0])
            if route is None:
                self._send(404, {"error": "not found"})
                return
            length = int(self.headers.get("content-length") or 0)
            if length > MAX_BODY_BYTES:
                self._send(413, {"error": f"the body is larger than {MAX_BODY_BYTES} bytes"})
                return
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                self._send(400, {"error": "the body is not JSON"})
                return
            try:
                self._send(200, route(body))
            except HttpError as error:
                self._send(error.status, {"error": str(error)})

        def log_message(self, format, *args):  # noqa: A002 - quiet access log
            pass

    return Handler


def serve(post_routes=None, on_start=None):
    """Connects to the dependencies, then serves until the process stops."""
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
    if on_start:
        on_start()
    server = ThreadingHTTPServer(("0.0.0.0", PORT), make_handler(dependencies, post_routes or {}))
    names = ", ".join(d["technology"] for d in dependencies) or "none"
    print(f"{SERVICE_NAME} listening on :{PORT}; dependencies: {names}", flush=True)
    server.serve_forever()
