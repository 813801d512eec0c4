import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { serverSecrets } from '../schema/index.js';

/**
 * The secret called `name`: the stored one, or `fresh` stored now when there is none. Two
 * processes starting at once agree: the first insert wins and both read it back.
 */
export async function ensureSecret(db: Db, name: string, fresh: string): Promise<string> {
  await db.insert(serverSecrets).values({ name, value: fresh }).onConflictDoNothing({ target: serverSecrets.name });
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  return row!.value;
}
