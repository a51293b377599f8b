/**
 * On PostgreSQL the list queries are named prepared statements (parsed and planned once per connection), unless
 * DB_PREPARED_STATEMENTS=false asks for unnamed ones (for a pooler that cannot keep them). PGlite: not applicable.
 */
import { sql } from 'drizzle-orm'
import t from 'tap'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { listIncidents } from '../../src/routes/incidents/queries.ts'
import { createTestDatabase } from '../helper.ts'

const { url } = await createTestDatabase(t)

/** How many prepared statements the session holds after listing incidents twice, all on one connection. */
async function preparedAfterList (preparedStatements: boolean): Promise<number> {
  const handle = await openDatabase({ url, limits: { preparedStatements } })
  try {
    return await handle.db.transaction(async (tx) => {
      const db = tx as unknown as Database
      await listIncidents(db, { provinceCodes: ['AF-KAB'] })
      await listIncidents(db, { provinceCodes: ['AF-NAN'], limit: 3 })
      // postgres.js: execute resolves to the rows.
      const rows = await db.execute(sql`select count(*)::int as n from pg_prepared_statements`) as unknown as Array<{ n: number }>
      return Number(rows[0]?.n)
    })
  } finally {
    await handle.close()
  }
}

t.test('list queries are named prepared statements, or not when turned off', { skip: url === null ? 'PGlite has no named statements to check (DATABASE_URL unset)' : false }, async (t) => {
  t.ok(await preparedAfterList(true) >= 1, 'prepared on: the session holds the list statement')
  t.equal(await preparedAfterList(false), 0, 'DB_PREPARED_STATEMENTS=false: none')
})
