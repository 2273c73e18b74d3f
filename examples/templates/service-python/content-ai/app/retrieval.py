"""Context for a question from the vector database the stack wired.

Qdrant (`QDRANT_URL`, collection `VECTOR_COLLECTION`) and Pinecone (the index
`PINECONE_INDEX`, its host looked up through `PINECONE_CONTROLLER_HOST`, or
`PINECONE_INDEX_HOST`; key `PINECONE_API_KEY`) are queried over their REST APIs
with the question's embedding (`EMBEDDING_MODEL` on the OpenAI-compatible
endpoint `EMBEDDING_BASE_URL`, default `OPENAI_BASE_URL`). The points'
`text` payload is the context. Without a vector database or an embedding
model the service answers without context (said once in the log). Another
vector database: add its query here.
"""

import json
import os
import urllib.request

LIMIT = int(os.environ.get("RETRIEVAL_LIMIT", "4"))
_said = set()


def _once(message):
    if message not in _said:
        _said.add(message)
        print(message, flush=True)


def _post(url, body, headers=None):
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json", **(headers or {})},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return json.loads(response.read())


def _embed(text):
    from openai import OpenAI

    base_url = os.environ.get("EMBEDDING_BASE_URL") or os.environ.get("OPENAI_BASE_URL")
    client = OpenAI(
        api_key=os.environ.get("EMBEDDING_API_KEY") or os.environ.get("OPENAI_API_KEY", "unused"),
        base_url=base_url or None,
        timeout=10,
    )
    return client.embeddings.create(model=os.environ["EMBEDDING_MODEL"], input=text).data[0].embedding


_pinecone_host = None


def _pinecone():
    """The data-plane host of the Pinecone index, looked up once; None without one."""
    global _pinecone_host
    if _pinecone_host:
        return _pinecone_host
    host = os.environ.get("PINECONE_INDEX_HOST")
    controller = os.environ.get("PINECONE_CONTROLLER_HOST")
    index = os.environ.get("PINECONE_INDEX")
    if not host and controller and index:
        request = urllib.request.Request(
            f"{controller.rstrip('/')}/indexes/{index}",
            headers={"Api-Key": os.environ.get("PINECONE_API_KEY", "")},
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            host = json.loads(response.read())["host"]
    if host and not host.startswith("http"):
        host = f"https://{host}"
    _pinecone_host = host
    return host


def retrieve(question):
    """Up to RETRIEVAL_LIMIT passages for the question; [] without a store."""
    qdrant = os.environ.get("QDRANT_URL")
    pinecone = not qdrant and (
        os.environ.get("PINECONE_INDEX_HOST") or os.environ.get("PINECONE_INDEX")
    )
    if not (qdrant or pinecone):
        _once("retrieval: no vector database configured; answering without context")
        return []
    if not os.environ.get("EMBEDDING_MODEL"):
        _once("retrieval: EMBEDDING_MODEL is not set; answering without context")
        return []
    vector = _embed(question)
    if qdrant:
        collection = os.environ.get("VECTOR_COLLECTION", "${{ values.name }}")
        headers = {"api-key": os.environ["QDRANT_API_KEY"]} if os.environ.get("QDRANT_API_KEY") else {}
        result = _post(
            f"{qdrant.rstrip('/')}/collections/{collection}/points/search",
            {"vector": vector, "limit": LIMIT, "with_payload": True},
            headers,
        )
        return [str(p.get("payload", {}).get("text", "")) for p in result.get("result", [])]
    result = _post(
        f"{_pinecone().rstrip('/')}/query",
        {"vector": vector, "topK": LIMIT, "includeMetadata": True},
        {"Api-Key": os.environ.get("PINECONE_API_KEY", "")},
    )
    return [str(m.get("metadata", {}).get("text", "")) for m in result.get("matches", [])]
