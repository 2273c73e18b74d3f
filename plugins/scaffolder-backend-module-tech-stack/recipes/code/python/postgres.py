"""Client module of tech-stack:wire for the PostgreSQL protocol (PostgreSQL,
CockroachDB, TimescaleDB): psycopg 3, checked with `SELECT 1` on a connection
that is reopened when it breaks."""

import threading

import psycopg


class Postgres:
    def __init__(self, address):
        self._address = address
        self._conn = None
        self._lock = threading.Lock()

    def connect(self):
        with self._lock:
            if self._conn is None or self._conn.closed:
                self._conn = psycopg.connect(
                    self._address, connect_timeout=2, autocommit=True
                )

    def check(self):
        self.connect()
        with self._lock:
            try:
                self._conn.execute("SELECT 1")
            except psycopg.Error:
                self._conn.close()
                raise

    def close(self):
        with self._lock:
            if self._conn is not None:
                self._conn.close()


def create(address):
    return Postgres(address)
