/** API key core, without HTTP: only a hash is stored, revoked and unknown keys fail alike, lists never carry hashes. */
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import t from 'tap'
import {
  allows, authenticate, createKey, getKey, InvalidKeyInputError, KeyNotFoundError, listKeys, parseToken, revokeKey
} from '../../src/core/keys/index.ts'
import { createTestDatabase } from '../helper.ts'

const { handle, queries } = await createTestDatabase(t, { seed: false })
const db = handle.db
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const keyShape = /^apv_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/

async function storedRows (): Promise<Array<Record<string, unknown>>> {
  const result = await db.execute(sql`select * from api_keys order by created_at, id`)
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<Record<string, unknown>>
}

t.test('createKey returns the key once and stores only its SHA-256 hash', async (t) => {
  const issued = await createKey(db, { name: '  importer  ', scopes: ['write'] })
  t.match(issued.key, keyShape, 'the key is apv_<16 hex>_<43 base64url characters>')
  t.equal(keyShape.exec(issued.key)?.[1], issued.id, 'the key names its id')
  t.equal(issued.name, 'importer', 'the name is trimmed')
  t.same(issued.scopes, ['write'])
  t.match(issued.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'created_at is RFC 3339 UTC')

  const row = (await storedRows()).find((r) => r.id === issued.id)
  t.ok(row, 'the key is stored')
  t.equal(row?.hash, sha256(issued.key), 'the stored hash is the SHA-256 hex of the whole key')
  const secret = issued.key.slice(`apv_${issued.id}_`.length)
  const everything = JSON.stringify(await storedRows())
  t.notOk(everything.includes(issued.key), 'no column holds the key')
  t.notOk(everything.includes(secret), 'no column holds its secret part')
  t.same(await authenticate(db, issued.key), { id: issued.id, name: 'importer', scopes: ['write'] }, 'the key authenticates')
})

t.test('two keys never share a secret, even with the same name and scopes', async (t) => {
  const a = await createKey(db, { name: 'twin', scopes: ['write'] })
  const b = await createKey(db, { name: 'twin', scopes: ['write'] })
  t.not(a.id, b.id)
  t.not(a.key, b.key)
})

t.test('scopes are checked, deduplicated and kept in their canonical order', async (t) => {
  const both = await createKey(db, { name: 'both', scopes: ['admin', 'write', 'admin'] })
  t.same(both.scopes, ['write', 'admin'])
  for (const [input, field] of [
    [{ name: '', scopes: ['write'] }, 'name'],
    [{ name: '   ', scopes: ['write'] }, 'name'],
    [{ name: 'x'.repeat(101), scopes: ['write'] }, 'name'],
    [{ name: 'tab\there', scopes: ['write'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['read'] }, 'scopes'],
    [{ name: 'x', scopes: ['write', 'WRITE'] }, 'scopes']
  ] as const) {
    await t.rejects(createKey(db, { ...input, scopes: [...input.scopes] }), InvalidKeyInputError, `${JSON.stringify(input).slice(0, 60)} is refused`)
    await createKey(db, { ...input, scopes: [...input.scopes] }).catch((error: InvalidKeyInputError) => t.equal(error.field, field, `... naming ${field}`))
  }
})

t.test('the table refuses scopes it does not know, whatever the caller', async (t) => {
  await t.rejects(db.execute(sql`insert into api_keys (id, name, hash, scopes) values ('x1', 'x', 'h1', array['read'])`), 'an unknown scope')
  await t.rejects(db.execute(sql`insert into api_keys (id, name, hash, scopes) values ('x2', 'x', 'h2', array[]::text[])`), 'no scope')
})

t.test('a revoked key fails; revoking again keeps the first time; an unknown id is a domain error', async (t) => {
  const issued = await createKey(db, { name: 'short-lived', scopes: ['admin'] })
  t.ok(await authenticate(db, issued.key), 'valid before')
  const revoked = await revokeKey(db, issued.id)
  t.type(revoked.revoked_at, 'string', 'revoked_at is set')
  t.equal(await authenticate(db, issued.key), null, 'refused after')
  const again = await revokeKey(db, issued.id)
  t.equal(again.revoked_at, revoked.revoked_at, 'revoking again changes nothing')
  t.same(await getKey(db, issued.id), again, 'getKey shows the revoked key')
  await t.rejects(getKey(db, '0000000000000000'), KeyNotFoundError, 'getKey: an unknown id')
  await t.rejects(revokeKey(db, '0000000000000000'), KeyNotFoundError, 'an unknown id')
  await t.rejects(revokeKey(db, 'not even an id'), KeyNotFoundError, 'text that is no id')
})

t.test('unknown and malformed keys fail; an unknown id costs what a wrong secret does', async (t) => {
  const issued = await createKey(db, { name: 'probe-target', scopes: ['write'] })
  const wrongSecret = `apv_${issued.id}_${'A'.repeat(43)}`
  const unknownId = `apv_ffffffffffffffff_${'A'.repeat(43)}`
  queries.length = 0
  t.equal(await authenticate(db, wrongSecret), null, 'a real id with a wrong secret')
  const forWrongSecret = [...queries]
  queries.length = 0
  t.equal(await authenticate(db, unknownId), null, 'an unknown id')
  const forUnknownId = [...queries]
  t.equal(forWrongSecret.length, 1, 'one query for a real id')
  t.same(forUnknownId, forWrongSecret, 'the same single query, by hash, for an unknown id: nothing depends on whether the id exists')
  t.notMatch(forWrongSecret[0] ?? '', /"api_keys"\."id" =/, 'keys are never looked up by id')

  queries.length = 0
  for (const malformed of ['', 'garbage', issued.key.toUpperCase(), `${issued.key}x`, issued.key.slice(0, -1), ` ${issued.key}`,
    `apx_${issued.id}_${'A'.repeat(43)}`, `apv_${issued.id}_${'A'.repeat(42)}!`, `apv_${issued.id.toUpperCase()}_${'A'.repeat(43)}`]) {
    t.equal(await authenticate(db, malformed), null, `malformed ${JSON.stringify(malformed).slice(0, 40)}`)
  }
  t.same(queries, [], 'malformed keys are refused without a query')
  t.equal(parseToken(issued.key)?.id, issued.id, 'parseToken reads the id of a well-formed key')
})

t.test('listKeys: every key with its dates and scopes, never a hash or a key', async (t) => {
  const keys = await listKeys(db)
  const rows = await storedRows()
  t.equal(keys.length, rows.length, 'every stored key is listed, revoked ones too')
  t.ok(keys.some((k) => k.revoked_at !== null), 'revoked keys are listed with revoked_at')
  for (const key of keys) t.same(Object.keys(key).sort(), ['created_at', 'id', 'name', 'revoked_at', 'scopes'], `${key.id}: only id, name, scopes and dates`)
  const text = JSON.stringify(keys)
  for (const row of rows) t.notOk(text.includes(String(row.hash)), `${String(row.id)}: its hash is not in the list`)
  t.same(keys.map((k) => k.created_at), [...keys.map((k) => k.created_at)].sort(), 'oldest first')
})

t.test('scopes: a key may do exactly what its scopes name (admin does not imply write)', async (t) => {
  t.ok(allows(['write'], 'write'))
  t.ok(allows(['admin'], 'admin'))
  t.ok(allows(['write', 'admin'], 'write'))
  t.ok(allows(['write', 'admin'], 'admin'))
  t.notOk(allows(['write'], 'admin'), 'write does not imply admin')
  t.notOk(allows(['admin'], 'write'), 'admin does not imply write')
  t.notOk(allows([], 'write'))
})
