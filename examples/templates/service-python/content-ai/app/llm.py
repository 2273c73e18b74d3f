"""The LLM client: one `complete()` over the providers the stack can wire.

The provider comes from `LLM_PROVIDER` (anthropic, openai, gemini, vllm,
ollama) or, when unset, from what tech-stack:wire configured: a self-hosted
inference server first (vLLM, then Ollama: the data stays in-house), then a
cloud API (Anthropic, OpenAI, Gemini). The model name is configuration
(`ANTHROPIC_MODEL`, `OPENAI_MODEL`, `GEMINI_MODEL`, `VLLM_MODEL`,
`OLLAMA_MODEL`), API keys are secrets (`.env` locally, the Secret in the
cluster). Every call is traced (app/genai_tracing.py).
"""

import os

from .genai_tracing import model_call

MAX_TOKENS = int(os.environ.get("LLM_MAX_TOKENS", "1024"))
TIMEOUT_S = float(os.environ.get("LLM_TIMEOUT_S", "60"))

# provider -> (environment variable that enables it, model variable)
PROVIDERS = {
    "vllm": ("VLLM_BASE_URL", "VLLM_MODEL"),
    "ollama": ("OLLAMA_BASE_URL", "OLLAMA_MODEL"),
    "anthropic": ("ANTHROPIC_API_KEY", "ANTHROPIC_MODEL"),
    "openai": ("OPENAI_API_KEY", "OPENAI_MODEL"),
    "gemini": ("GEMINI_API_KEY", "GEMINI_MODEL"),
}


class LLMUnavailable(Exception):
    """No provider is configured, or the provider did not answer."""


def provider():
    """The provider this service calls, and its model."""
    chosen = os.environ.get("LLM_PROVIDER")
    if chosen:
        if chosen not in PROVIDERS:
            raise LLMUnavailable(f"LLM_PROVIDER={chosen} is not one of {', '.join(PROVIDERS)}")
        names = [chosen]
    else:
        names = [name for name, (enabled, _) in PROVIDERS.items() if os.environ.get(enabled)]
    for name in names:
        model = os.environ.get(PROVIDERS[name][1])
        if model:
            return name, model
    raise LLMUnavailable(
        "no LLM configured: set the variables of one provider "
        + "; ".join(f"{name}: {enabled} and {model}" for name, (enabled, model) in PROVIDERS.items())
    )


def _openai_compatible(name, model, system, messages):
    from openai import OpenAI

    if name == "openai":
        client = OpenAI(
            api_key=os.environ["OPENAI_API_KEY"],
            base_url=os.environ.get("OPENAI_BASE_URL") or None,
            timeout=TIMEOUT_S,
        )
    else:
        prefix = name.upper()
        client = OpenAI(
            api_key=os.environ.get(f"{prefix}_API_KEY", "unused"),
            base_url=os.environ[f"{prefix}_BASE_URL"],
            timeout=TIMEOUT_S,
        )
    with model_call(name, model, max_tokens=MAX_TOKENS) as call:
        response = client.chat.completions.create(
            model=model,
            max_tokens=MAX_TOKENS,
            messages=[{"role": "system", "content": system}, *messages],
        )
        usage = response.usage
        call.record(
            response.model,
            usage.prompt_tokens if usage else None,
            usage.completion_tokens if usage else None,
        )
    return response.choices[0].message.content or ""


def _anthropic(model, system, messages):
    from anthropic import Anthropic

    client = Anthropic(
        api_key=os.environ["ANTHROPIC_API_KEY"],
        base_url=os.environ.get("ANTHROPIC_BASE_URL") or None,
        timeout=TIMEOUT_S,
    )
    with model_call("anthropic", model, max_tokens=MAX_TOKENS) as call:
        response = client.messages.create(
            model=model, max_tokens=MAX_TOKENS, system=system, messages=messages
        )
        call.record(response.model, response.usage.input_tokens, response.usage.output_tokens)
    return "".join(block.text for block in response.content if block.type == "text")


def _gemini(model, system, messages):
    try:
        from google import genai
        from google.genai import types
    except ImportError as error:
        raise LLMUnavailable("Gemini is configured but google-genai is not installed") from error

    client = genai.Client(api_key=os.environ["GEMINI_API_KEY"])
    contents = [
        types.Content(role="model" if m["role"] == "assistant" else "user", parts=[types.Part(text=m["content"])])
        for m in messages
    ]
    with model_call("gcp.gemini", model, max_tokens=MAX_TOKENS) as call:
        response = client.models.generate_content(
            model=model,
            contents=contents,
            config=types.GenerateContentConfig(system_instruction=system, max_output_tokens=MAX_TOKENS),
        )
        usage = response.usage_metadata
        call.record(
            model,
            usage.prompt_token_count if usage else None,
            usage.candidates_token_count if usage else None,
        )
    return response.text or ""


def complete(system, messages):
    """The model's answer to `messages` ([{"role": "user", "content": ...}])."""
    name, model = provider()
    try:
        if name == "anthropic":
            return _anthropic(model, system, messages)
        if name == "gemini":
            return _gemini(model, system, messages)
        return _openai_compatible(name, model, system, messages)
    except LLMUnavailable:
        raise
    except Exception as error:  # noqa: BLE001 - any SDK failure: the model did not answer
        raise LLMUnavailable(f"{name} ({model}) did not answer: {error}") from error
