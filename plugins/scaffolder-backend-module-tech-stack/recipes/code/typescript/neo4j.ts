// Client module of tech-stack:wire for Neo4j: the official driver over Bolt,
// checked with `RETURN 1`. The user and password come from NEO4J_USER and
// NEO4J_PASSWORD.
import neo4jDriver from 'neo4j-driver';
import type { Dependency } from './types';

export default function neo4j(address: string): Dependency {
  const driver = neo4jDriver.driver(
    address,
    neo4jDriver.auth.basic(
      process.env.NEO4J_USER ?? 'neo4j',
      process.env.NEO4J_PASSWORD ?? '',
    ),
    {
      connectionTimeout: 2000,
      connectionAcquisitionTimeout: 2000,
      maxTransactionRetryTime: 0,
    },
  );
  return {
    async connect() {
      await driver.verifyConnectivity();
    },
    async check() {
      const session = driver.session({
        defaultAccessMode: neo4jDriver.session.READ,
      });
      try {
        await session.run('RETURN 1');
      } finally {
        await session.close();
      }
    },
    close: () => driver.close(),
  };
}
