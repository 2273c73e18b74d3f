// Client module of tech-stack:wire for MongoDB: the official driver,
// checked with the `ping` command.
import { MongoClient } from 'mongodb';
import type { Dependency } from './types';

export default function mongodb(address: string): Dependency {
  const client = new MongoClient(address, {
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
  });
  return {
    async connect() {
      await client.connect();
    },
    async check() {
      await client.db().command({ ping: 1 });
    },
    close: () => client.close(),
  };
}
