"""Client module of tech-stack:wire for self-hosted inference servers with an
OpenAI-compatible API (vLLM, Ollama): the `openai` SDK against the address
(`<PREFIX>_BASE_URL`, such as VLLM_BASE_URL or OLLAMA_BASE_URL), checked by
listing the served models. The key is `<PREFIX>_API_KEY` when it is set
(VLLM_API_KEY), `unused` otherwise (Ollama takes any)."""

import os
from urllib.parse import urlparse

import openai


def _api_key_variable(address):
    """`X_API_KEY` for the `X_BASE_URL` that holds the address (VLLM_API_KEY), if one does."""
    for name, value in os.environ.items():
        if name.endswith("_BASE_URL") and value == address:
            return name[: -len("_BASE_URL")] + "_API_KEY"
    return None


class OpenAICompatible:
    def __init__(self, address):
        self._host = urlparse(address).netloc
        self._key_variable = _api_key_variable(address)
        api_key = os.environ.get(self._key_variable) if self._key_variable else None
        self._client = openai.OpenAI(
            base_url=address, api_key=api_key or "unused", timeout=2.0, max_retries=0
        )

    def connect(self):
        self.check()

    def check(self):
        try:
            self._client.models.list()
        except openai.APIStatusError as error:
            # A status and a hint, not the server's message.
            hint = (
                f": check {self._key_variable or 'the API key'}"
                if error.status_code in (401, 403)
                else ""
            )
            raise RuntimeError(f"{self._host} answered {error.status_code}{hint}") from None
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
    return OpenAICompatible(address)
