"""Client module of tech-stack:wire for the Redis protocol (Redis, Valkey,
DragonflyDB): redis-py, checked with PING."""

import redis as redis_client


class Redis:
    def __init__(self, address):
        self._client = redis_client.Redis.from_url(
            address, socket_connect_timeout=2, socket_timeout=2
        )

    def connect(self):
        self._client.ping()

    def check(self):
        if self._client.ping() is not True:
            raise RuntimeError("PING did not answer PONG")

    def close(self):
        self._client.close()


def create(address):
    return Redis(address)
