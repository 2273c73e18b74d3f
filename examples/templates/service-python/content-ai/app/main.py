"""${{ values.name }}: ${{ values.description }}

An AI service on the organisation's recommended stack. POST /ask with
`{"question": "..."}` answers with the configured LLM (app/llm.py), using
context from the vector database when one is configured (app/retrieval.py);
every model call is traced with OpenTelemetry's GenAI conventions
(app/genai_tracing.py) and question and answer pass the guardrails hook
(app/guardrails.py): a refusal is answered 422 with the reason, an LLM that
does not answer 503. GET /livez and GET /readyz as in every service of the
template (app/server.py).
"""

import os

from . import guardrails, llm, retrieval
from .server import HttpError, serve

SYSTEM_PROMPT = os.environ.get(
    "SYSTEM_PROMPT",
    "You answer questions for ${{ values.name }}. Use the context when it is relevant; "
    "say so when you do not know.",
)


def ask(body):
    question = body.get("question") if isinstance(body, dict) else None
    if not isinstance(question, str):
        raise HttpError(400, 'expected {"question": "..."}')
    try:
        guardrails.check_input(question)
        context = retrieval.retrieve(question)
        content = question if not context else "Context:\n" + "\n---\n".join(context) + f"\n\nQuestion: {question}"
        text = llm.complete(SYSTEM_PROMPT, [{"role": "user", "content": content}])
        guardrails.check_output(text, SYSTEM_PROMPT)
    except guardrails.GuardrailViolation as violation:
        raise HttpError(422, violation.reason) from None
    except llm.LLMUnavailable as error:
        raise HttpError(503, str(error)) from None
    name, model = llm.provider()
    return {"answer": text, "provider": name, "model": model, "context": len(context)}


def log_llm():
    try:
        name, model = llm.provider()
        print(f"LLM: {name} ({model})", flush=True)
    except llm.LLMUnavailable as error:
        print(f"LLM: {error}; POST /ask answers 503", flush=True)


def main():
    serve({"/ask": ask}, on_start=log_llm)


if __name__ == "__main__":
    main()
