"""Tracing of model calls with OpenTelemetry's GenAI semantic conventions.

Each call is a CLIENT span named `{operation} {model}` (`chat gpt-4o`) with
`gen_ai.operation.name`, `gen_ai.provider.name` (and the older
`gen_ai.system`), `gen_ai.request.model`, `gen_ai.request.max_tokens`,
`gen_ai.response.model`, `gen_ai.usage.input_tokens` and
`gen_ai.usage.output_tokens`; a failed call records the exception and sets
`error.type`. Prompts and answers are not recorded (they may hold personal
data). Without the OpenTelemetry SDK configured the spans are no-ops.
"""

import os
from contextlib import contextmanager

try:
    from opentelemetry import trace
    from opentelemetry.trace import SpanKind, Status, StatusCode
except ImportError:  # the service runs without tracing
    trace = None

_tracer = trace.get_tracer(os.environ.get("OTEL_SERVICE_NAME", "${{ values.name }}")) if trace else None


class _Call:
    """What a model call reports back to its span."""

    def __init__(self, span):
        self._span = span

    def record(self, response_model=None, input_tokens=None, output_tokens=None):
        if self._span is None:
            return
        if response_model:
            self._span.set_attribute("gen_ai.response.model", response_model)
        if input_tokens is not None:
            self._span.set_attribute("gen_ai.usage.input_tokens", int(input_tokens))
        if output_tokens is not None:
            self._span.set_attribute("gen_ai.usage.output_tokens", int(output_tokens))


@contextmanager
def model_call(provider, model, operation="chat", max_tokens=None):
    """A span around one call to a model: `with model_call("openai", "gpt-4o") as call:`."""
    if _tracer is None:
        yield _Call(None)
        return
    attributes = {
        "gen_ai.operation.name": operation,
        "gen_ai.provider.name": provider,
        "gen_ai.system": provider,
        "gen_ai.request.model": model,
    }
    if max_tokens is not None:
        attributes["gen_ai.request.max_tokens"] = max_tokens
    with _tracer.start_as_current_span(
        f"{operation} {model}", kind=SpanKind.CLIENT, attributes=attributes, record_exception=True
    ) as span:
        try:
            yield _Call(span)
        except Exception as error:
            span.set_attribute("error.type", type(error).__name__)
            span.set_status(Status(StatusCode.ERROR))
            raise
