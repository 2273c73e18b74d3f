"""Client module of tech-stack:wire for the Gemini API (Google): the official
`google-genai` SDK against the address (GEMINI_BASE_URL) with the key from
GEMINI_API_KEY, checked by getting the model GEMINI_MODEL names: an
authenticated call that generates no tokens."""

import os
from urllib.parse import urlparse

from google import genai
from google.genai import errors, types


class GeminiApi:
    def __init__(self, address):
        self._host = urlparse(address).netloc
        self._api_key = os.environ.get("GEMINI_API_KEY")
        self._model = os.environ.get("GEMINI_MODEL")
        self._client = genai.Client(
            vertexai=False,
            # A placeholder lets the service start; check() names the missing key.
            api_key=self._api_key or "unset",
            http_options=types.HttpOptions(
                base_url=address,
                timeout=2000,
                retry_options=types.HttpRetryOptions(attempts=1),
            ),
        )

    def connect(self):
        self.check()

    def check(self):
        if not self._api_key:
            raise RuntimeError("GEMINI_API_KEY is not set")
        if not self._model:
            raise RuntimeError("GEMINI_MODEL is not set")
        try:
            self._client.models.get(model=self._model)
        except errors.APIError as error:
            # A status and a hint, not the API's message.
            if error.code == 404:
                hint = f": no model {self._model} (GEMINI_MODEL)"
            elif error.code in (400, 401, 403):
                hint = ": check GEMINI_API_KEY"
            else:
                hint = ""
            raise RuntimeError(f"the Gemini API answered {error.code}{hint}") from None
        except Exception as error:  # noqa: BLE001 - the transport's errors (httpx, timeouts)
            raise RuntimeError(f"{self._host} is unreachable: {_reason(error)}") from None

    def close(self):
        self._client.close()


def _reason(error):
    """The innermost cause of a connection error (name or service not known, refused)."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__
    return str(error) or type(error).__name__


def create(address):
    return GeminiApi(address)
