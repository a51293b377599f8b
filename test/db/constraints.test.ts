/** What the database itself enforces, whatever code writes to it. */
import { eq } from 'drizzle-orm'
import t from 'tap'
import * as schema from '../../src/db/schema.ts'
import { createTestDatabase } from '../helper.ts'

const incident = {
  id: 'inc_constraint_probe',
  title: 'Probe',
  occurredOn: '2022-01-01',
  datePrecision: 'day' as const,
  provinceCode: 'AF-KAB',
  type: 'bombing' as const
}

t.test('the schema rejects impossible data', async (t) => {
  const { handle } = await createTestDatabase(t, { seed: true })
  const db = handle.db

  const rejects = async (what: string, write: () => Promise<unknown>) => {
    await t.rejects(write(), what)
  }

  await rejects('negative killed', () => db.insert(schema.incidents).values({ ...incident, killedBest: -1 }))
  await rejects('low above best', () => db.insert(schema.incidents).values({ ...incident, killedLow: 5, killedBest: 3 }))
  await rejects('best above high', () => db.insert(schema.incidents).values({ ...incident, woundedBest: 9, woundedHigh: 3 }))
  await rejects('latitude without longitude', () => db.insert(schema.incidents).values({ ...incident, latitude: 34.5, locationPrecision: 'city' }))
  await rejects('latitude out of range', () => db.insert(schema.incidents).values({ ...incident, latitude: 134.5, longitude: 69, locationPrecision: 'city' }))
  await rejects('unknown province', () => db.insert(schema.incidents).values({ ...incident, provinceCode: 'AF-XXX' }))
  await rejects('date without precision', () => db.insert(schema.sources).values({ id: 'src_probe', kind: 'news_article', publishedOn: '2022-01-01' }))
  const [actor] = await db.select().from(schema.actors).limit(1)
  await rejects('duplicate slug', () => db.insert(schema.actors).values({ id: 'act_probe', slug: actor!.slug, name: 'x', kind: 'person' }))
  await rejects('malformed slug', () => db.insert(schema.actors).values({ id: 'act_probe', slug: 'Not A Slug', name: 'x', kind: 'person' }))
  await rejects('responsibility for a missing incident', () => db.insert(schema.responsibilities).values({
    id: 'rsp_probe', incidentId: 'inc_missing', actorId: actor!.id, kind: 'claimed', sourceId: 'src_missing'
  }))

  await db.insert(schema.incidents).values({ ...incident, killedLow: 3, killedBest: 3, killedHigh: null, woundedBest: 0 })
  const [row] = await db.select().from(schema.incidents).where(eq(schema.incidents.id, incident.id))
  t.equal(row?.killedHigh, null, 'an open-ended high stays unknown')
  t.equal(row?.woundedBest, 0, 'zero is a known zero')
})
