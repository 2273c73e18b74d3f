"""Client module of tech-stack:wire for OpenID Connect providers (Keycloak,
Auth0, Okta): the address is the issuer URL; the check fetches the
provider's discovery document through urllib (no client library) and
requires JSON with an `issuer`. The service signs users in with
OIDC_CLIENT_ID and OIDC_CLIENT_SECRET."""

import json
import urllib.error
import urllib.request


class Oidc:
    def __init__(self, address):
        self._url = address.rstrip("/") + "/.well-known/openid-configuration"
        if not self._url.startswith(("http://", "https://")):
            raise ValueError("the issuer must be an http:// or https:// URL")

    def connect(self):
        self.check()

    def check(self):
        request = urllib.request.Request(self._url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=2) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            error.close()
            raise RuntimeError(f"the OpenID discovery document answered HTTP {error.code}") from None
        except (urllib.error.URLError, OSError) as error:
            cause = getattr(error, "reason", error)
            raise ConnectionError(f"the OpenID provider did not answer: {cause}") from None
        try:
            document = json.loads(body)
        except ValueError:
            raise RuntimeError("the OpenID discovery document is not JSON") from None
        issuer = document.get("issuer") if isinstance(document, dict) else None
        if not isinstance(issuer, str) or not issuer:
            raise RuntimeError("the OpenID discovery document has no issuer")

    def close(self):
        pass


def create(address):
    return Oidc(address)
