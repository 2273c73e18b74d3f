"""Client module of tech-stack:wire for the Claude API (Anthropic): the
official SDK against the address (ANTHROPIC_BASE_URL) with the key from
ANTHROPIC_API_KEY, checked by listing one model: an authenticated call that
generates no tokens. It does not look up ANTHROPIC_MODEL (the model the
service's own code uses): a retired model id fails the first request that
names it, not the readiness check."""

import os
from urllib.parse import urlparse

import anthropic


class AnthropicApi:
    def __init__(self, address):
        self._host = urlparse(address).netloc
        self._api_key = os.environ.get("ANTHROPIC_API_KEY")
        self._client = anthropic.Anthropic(
            base_url=address, api_key=self._api_key or None, timeout=2.0, max_retries=0
        )

    def connect(self):
        self.check()

    def check(self):
        if not self._api_key:
            raise RuntimeError("ANTHROPIC_API_KEY is not set")
        try:
            self._client.models.list(limit=1)
        except anthropic.APIStatusError as error:
            # A status and a hint, not the API's message.
            hint = ": check ANTHROPIC_API_KEY" if error.status_code in (401, 403) else ""
            raise RuntimeError(f"the Claude API answered {error.status_code}{hint}") from None
        except anthropic.APITimeoutError:
            raise RuntimeError(f"{self._host} is unreachable: no answer within 2 s") from None
        except anthropic.APIConnectionError as error:
            raise RuntimeError(f"{self._host} is unreachable: {_reason(error)}") from None

    def close(self):
        self._client.close()


def _reason(error):
    """The innermost cause of a connection error (name or service not known, refused)."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__
    return str(error) or type(error).__name__


def create(address):
    return AnthropicApi(address)
