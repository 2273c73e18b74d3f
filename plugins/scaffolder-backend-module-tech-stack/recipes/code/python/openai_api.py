"""Client module of tech-stack:wire for the OpenAI API (GPT-4o, o1): the
official SDK against the address (OPENAI_BASE_URL) with the key from
OPENAI_API_KEY, checked by retrieving the model OPENAI_MODEL names: an
authenticated call that generates no tokens and fails when the key cannot use
that model."""

import os
from urllib.parse import urlparse

import openai


class OpenAIApi:
    def __init__(self, address):
        self._host = urlparse(address).netloc
        self._api_key = os.environ.get("OPENAI_API_KEY")
        self._model = os.environ.get("OPENAI_MODEL")
        self._client = openai.OpenAI(
            # A placeholder lets the service start; check() names the missing key.
            base_url=address, api_key=self._api_key or "unset", timeout=2.0, max_retries=0
        )

    def connect(self):
        self.check()

    def check(self):
        if not self._api_key:
            raise RuntimeError("OPENAI_API_KEY is not set")
        try:
            if self._model:
                self._client.models.retrieve(self._model)
            else:
                self._client.models.list()
        except openai.APIStatusError as error:
            # A status and a hint, never the API's message (it echoes part of the key).
            status = error.status_code
            if status in (401, 403):
                hint = ": check OPENAI_API_KEY"
            elif status == 404 and self._model:
                hint = f": no model {self._model} for this key (OPENAI_MODEL)"
            else:
                hint = ""
            raise RuntimeError(f"the OpenAI API answered {status}{hint}") from None
        except openai.APITimeoutError:
            raise RuntimeError(f"{self._host} is unreachable: no answer within 2 s") from None
        except openai.APIConnectionError as error:
            raise RuntimeError(f"{self._host} is unreachable: {_reason(error)}") from None

    def close(self):
        self._client.close()


def _reason(error):
    """The innermost cause of a connection error (name or service not known, refused)."""
    while error.__cause__ is not None or error.__context__ is not None:
        error = error.__cause__ or error.__context__
    return str(error) or type(error).__name__


def create(address):
    return OpenAIApi(address)
