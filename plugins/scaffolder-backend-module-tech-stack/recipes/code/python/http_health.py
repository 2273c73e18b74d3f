"""Client module of tech-stack:wire for a dependency checked over HTTP (a
health endpoint): its address is a URL that answers 2xx while it is up. No
package: the standard library, with a short timeout."""

import urllib.error
import urllib.parse
import urllib.request


class HttpHealth:
    def __init__(self, address):
        self._address = address

    def connect(self):
        self.check()

    def check(self):
        try:
            with urllib.request.urlopen(self._address, timeout=2) as response:
                response.read()
        except urllib.error.HTTPError as error:
            path = urllib.parse.urlparse(self._address).path
            raise RuntimeError(f"{path} answered {error.code}") from None

    def close(self):
        pass


def create(address):
    return HttpHealth(address)
