"""Client module of tech-stack:wire for an MLflow tracking server: its address
is MLFLOW_TRACKING_URI, checked with GET /health, which answers 200 while the
server is up. No package (the `mlflow` client is not in the package index the
templates pin from): the standard library, with a short timeout."""

import socket
import urllib.error
import urllib.parse
import urllib.request


class MlflowTracking:
    def __init__(self, address):
        self._health = address.rstrip("/") + "/health"
        self._host = urllib.parse.urlparse(address).netloc

    def connect(self):
        self.check()

    def check(self):
        try:
            with urllib.request.urlopen(self._health, timeout=2) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"/health answered {error.code}") from None
        except (socket.timeout, TimeoutError):
            raise RuntimeError(f"{self._host} is unreachable: no answer within 2 s") from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                reason = "no answer within 2 s"
            raise RuntimeError(f"{self._host} is unreachable: {reason}") from None

    def close(self):
        pass


def create(address):
    return MlflowTracking(address)
