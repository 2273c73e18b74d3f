"""Client module of tech-stack:wire for AWS Secrets Manager: a boto3 client on
the endpoint in the address, checked with ListSecrets (one result), which
needs the API and the credentials to work. The region comes from AWS_REGION;
the credentials from boto3's default chain (AWS_ACCESS_KEY_ID /
AWS_SECRET_ACCESS_KEY, or the workload's role)."""

import os

import boto3
from botocore.config import Config


class AwsSecretsManager:
    def __init__(self, address):
        self._client = boto3.client(
            "secretsmanager",
            endpoint_url=address,
            region_name=os.environ.get("AWS_REGION"),
            config=Config(
                connect_timeout=2,
                read_timeout=2,
                retries={"mode": "standard", "total_max_attempts": 1},
            ),
        )

    def connect(self):
        self.check()

    def check(self):
        self._client.list_secrets(MaxResults=1)

    def close(self):
        self._client.close()


def create(address):
    return AwsSecretsManager(address)
