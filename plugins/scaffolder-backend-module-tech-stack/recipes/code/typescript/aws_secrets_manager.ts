// Client module of tech-stack:wire for AWS Secrets Manager: the AWS SDK v3
// client on the endpoint in the address, checked with ListSecrets (one
// result), which needs the API and the credentials to work. The region comes
// from AWS_REGION; the credentials from the SDK's default chain
// (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the workload's role).
import {
  ListSecretsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { Dependency } from './types';

export default function awsSecretsManager(address: string): Dependency {
  const client = new SecretsManagerClient({
    endpoint: address,
    region: process.env.AWS_REGION,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 2000, requestTimeout: 2000 },
  });
  async function list() {
    await client.send(new ListSecretsCommand({ MaxResults: 1 }), {
      abortSignal: AbortSignal.timeout(2000),
    });
  }
  return {
    connect: list,
    check: list,
    async close() {
      client.destroy();
    },
  };
}
