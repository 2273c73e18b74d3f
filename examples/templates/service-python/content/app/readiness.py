"""Creating the registered dependencies and checking them for /readyz."""

import os
import re
import time
from concurrent.futures import ThreadPoolExecutor, wait

from .dependencies import DEPENDENCIES

# How long one check may take before the dependency counts as down.
CHECK_TIMEOUT_S = float(os.environ.get("READINESS_TIMEOUT_MS", "2000")) / 1000

_pool = ThreadPoolExecutor(max_workers=8)


def redact(address):
    """Hides the password of a connection URL."""
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", address)


def create_dependencies():
    """Every registered dependency, created from its environment variable.

    A missing variable is a configuration error: it is named and the service
    does not start."""
    missing = [f"{env} ({tech})" for tech, env, _ in DEPENDENCIES if not os.environ.get(env)]
    if missing:
        raise RuntimeError(f"missing environment: {', '.join(missing)}; see .env.example")
    return [
        {"technology": tech, "address": redact(os.environ[env]), "client": create(os.environ[env])}
        for tech, env, create in DEPENDENCIES
    ]


def _timed(fn):
    started = time.monotonic()
    try:
        fn()
        return {"status": "up", "latencyMs": round((time.monotonic() - started) * 1000)}
    except Exception as error:  # noqa: BLE001 - any failure means down
        return {
            "status": "down",
            "latencyMs": round((time.monotonic() - started) * 1000),
            "error": str(error) or type(error).__name__,
        }


def run_with_timeout(fn):
    """Runs fn in a worker; a call that outlasts the timeout counts as down."""
    future = _pool.submit(_timed, fn)
    done, _ = wait([future], timeout=CHECK_TIMEOUT_S)
    if not done:
        return {
            "status": "down",
            "latencyMs": round(CHECK_TIMEOUT_S * 1000),
            "error": f"no answer within {round(CHECK_TIMEOUT_S * 1000)} ms",
        }
    return future.result()


def readiness(dependencies):
    """Checks every dependency at once, each within the timeout: ready when all are up.

    The checks run side by side in the pool and are awaited together, so a
    slow dependency costs one timeout, not one per dependency.
    """
    futures = {d["technology"]: _pool.submit(_timed, d["client"].check) for d in dependencies}
    wait(futures.values(), timeout=CHECK_TIMEOUT_S)
    timed_out = {
        "status": "down",
        "latencyMs": round(CHECK_TIMEOUT_S * 1000),
        "error": f"no answer within {round(CHECK_TIMEOUT_S * 1000)} ms",
    }
    states = {tech: future.result() if future.done() else dict(timed_out) for tech, future in futures.items()}
    return all(s["status"] == "up" for s in states.values()), states
