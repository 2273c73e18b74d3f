"""Client module of tech-stack:wire for Neo4j: the official driver over Bolt,
checked with `RETURN 1`. The user and password come from NEO4J_USER and
NEO4J_PASSWORD."""

import os

from neo4j import GraphDatabase


class Neo4j:
    def __init__(self, address):
        self._driver = GraphDatabase.driver(
            address,
            auth=(
                os.environ.get("NEO4J_USER", "neo4j"),
                os.environ.get("NEO4J_PASSWORD", ""),
            ),
            connection_timeout=2,
            connection_acquisition_timeout=2,
            max_transaction_retry_time=0,
        )

    def connect(self):
        self._driver.verify_connectivity()

    def check(self):
        with self._driver.session(default_access_mode="READ") as session:
            session.run("RETURN 1").consume()

    def close(self):
        self._driver.close()


def create(address):
    return Neo4j(address)
