// Test support: the real services started by scripts/services/services.sh (PostgreSQL, Redis, S3),
// found through MEDIABAY_TEST_* variables; a test without them is skipped and says which is missing.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const testServices = {
  postgres: process.env.MEDIABAY_TEST_POSTGRES,
  redis: process.env.MEDIABAY_TEST_REDIS,
  s3: process.env.MEDIABAY_TEST_S3,
};

export const missingServices = (...names: (keyof typeof testServices)[]): string | false => {
  const missing = names.filter((name) => !testServices[name]);
  return missing.length > 0 && `needs ${missing.join(', ')}: run with scripts/services/services.sh`;
};

/** The Swift test server's account (scripts/services/s3-server.sh). */
export const S3_TEST_CREDENTIALS = { accessKeyId: 'test:tester', secretAccessKey: 'testing' };

export const uniqueName = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/** `s3://<new bucket>?endpoint=…` on the test S3 server; the bucket does not exist yet. */
export function testStorageUrl(): string {
  return `s3://${uniqueName('mb')}?endpoint=${testServices.s3}&region=us-east-1&forcePathStyle=true`;
}

/** A new empty database on the test PostgreSQL, dropped by `drop()`. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = testServices.postgres;
  if (!admin) throw new Error('MEDIABAY_TEST_POSTGRES is not set');
  const name = `mb_${randomBytes(8).toString('hex')}`;
  const run = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
