"""Client module of tech-stack:wire for HashiCorp Vault: its HTTP API through
urllib (hvac is not in the package index here), checked with
GET /v1/sys/health, which needs no token. A standby (429) or performance
standby (473) serves requests too; a sealed (503) or uninitialised (501)
Vault does not. The service reads its secrets with the token in VAULT_TOKEN."""

import urllib.error
import urllib.request

# Non-2xx answers of /v1/sys/health from a node that serves requests.
STANDBY = {429, 473}

# What the other documented status codes mean.
STATES = {
    472: "disaster-recovery secondary",
    474: "standby without an active node",
    501: "not initialized",
    503: "sealed",
    530: "removed from the cluster",
}


class Vault:
    def __init__(self, address):
        self._url = address.rstrip("/") + "/v1/sys/health"
        if not self._url.startswith(("http://", "https://")):
            raise ValueError("the Vault address must be an http:// or https:// URL")

    def connect(self):
        self.check()

    def check(self):
        request = urllib.request.Request(self._url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                response.read()
        except urllib.error.HTTPError as error:
            error.close()
            if error.code in STANDBY:
                return
            state = STATES.get(error.code)
            raise RuntimeError(
                f"Vault health answered HTTP {error.code}" + (f" ({state})" if state else "")
            ) from None
        except (urllib.error.URLError, OSError) as error:
            cause = getattr(error, "reason", error)
            raise ConnectionError(f"Vault did not answer: {cause}") from None

    def close(self):
        pass


def create(address):
    return Vault(address)
