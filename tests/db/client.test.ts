import { describe, expect, it } from 'vitest';
import { createDb, DatabaseUnreachableError } from '../../db/client.js';
import { testAdminUrl } from '../helpers/databases.js';

describe('createDb with an unreachable DATABASE_URL', () => {
  it('says where and why when nothing listens, without the password', async () => {
    const error = await failure(createDb({ databaseUrl: 'postgres://postgres:s3cret@127.0.0.1:1/x' }));
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect(error.message).toContain('Could not reach the database at postgres://postgres:***@127.0.0.1:1/x');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('s3cret');
  });

  it('says the database does not exist when the name is wrong', async () => {
    const url = new URL(testAdminUrl());
    url.pathname = '/lectern_no_such_database';
    const error = await failure(createDb({ databaseUrl: url.toString() }));
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect(error.message).toMatch(/database does not exist/);
  });
});

async function failure(attempt: Promise<unknown>): Promise<Error> {
  return attempt.then(
    () => expect.fail('createDb should have thrown'),
    (error: Error) => error,
  );
}
