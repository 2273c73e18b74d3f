"""Client module of tech-stack:wire for MongoDB: PyMongo, checked with the
`ping` command."""

from pymongo import MongoClient


class MongoDB:
    def __init__(self, address):
        # Connects lazily, in the background; commands wait at most 2 s for a server.
        self._client = MongoClient(
            address,
            serverSelectionTimeoutMS=2000,
            connectTimeoutMS=2000,
            socketTimeoutMS=2000,
        )

    def connect(self):
        self._client.admin.command("ping")

    def check(self):
        self._client.admin.command("ping")

    def close(self):
        self._client.close()


def create(address):
    return MongoDB(address)
