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
  dateStart: '2022-01-01',
  dateEnd: '2022-01-01',
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

  await rejects('a window that ends before it starts', () => db.insert(schema.incidents).values({ ...incident, dateStart: '2022-01-05', dateEnd: '2022-01-01' }))
  await rejects('a date outside its own window', () => db.insert(schema.incidents).values({ ...incident, dateStart: '2022-01-02', dateEnd: '2022-01-31' }))
  await rejects('perpetrator figures out of order', () => db.insert(schema.incidents).values({ ...incident, perpetratorsKilledLow: 3, perpetratorsKilledBest: 2 }))
  await rejects('a statement outside its window', () => db.insert(schema.statements).values({
    id: 'stm_probe', speakerId: actor!.id, saidOn: '2022-02-01', datePrecision: 'month', dateStart: '2022-01-01', dateEnd: '2022-01-31', kind: 'other', text: 'x', textKind: 'paraphrase'
  }))
  const [source] = await db.select().from(schema.sources).limit(1)
  const [existing] = await db.select().from(schema.incidents).limit(1)
  await rejects('a breakdown with no figure', () => db.insert(schema.casualtyBreakdowns).values({
    incidentId: existing!.id, outcome: 'killed', victimGroup: 'women', sourceId: source!.id
  }))
  await rejects('a breakdown whose low is above its high', () => db.insert(schema.casualtyBreakdowns).values({
    incidentId: existing!.id, outcome: 'killed', victimGroup: 'women', low: 5, high: 2, sourceId: source!.id
  }))
  await rejects('a named voice without the actor', () => db.insert(schema.responsibilities).values({
    id: 'rsp_probe', incidentId: existing!.id, actorId: actor!.id, kind: 'attributed', sourceId: source!.id, voice: 'actor'
  }))
  await rejects('a challenge without its source', () => db.insert(schema.responsibilities).values({
    id: 'rsp_probe', incidentId: existing!.id, actorId: actor!.id, kind: 'claimed', sourceId: source!.id, voice: 'actor', assertedById: actor!.id, challengeKind: 'disputed', challengedById: actor!.id
  }))
  await rejects('a participant who is nobody', () => db.insert(schema.incidentParticipants).values({
    id: 'par_probe', incidentId: existing!.id, position: 99, role: 'target', sourceId: source!.id
  }))
  await rejects('an incident related to itself', () => db.insert(schema.incidentRelations).values({
    incidentId: existing!.id, relatedIncidentId: existing!.id, kind: 'same_series'
  }))
  await rejects('a tally period that ends before it starts', () => db.insert(schema.tallies).values({
    id: 'tly_probe', title: 'x', sourceId: source!.id, periodStart: '2022-02-01', periodEnd: '2022-01-01', periodPrecision: 'day'
  }))
  await rejects('an estimate without a figure', () => db.insert(schema.actorEstimates).values({
    id: 'est_probe', actorId: actor!.id, measure: 'fighters', asOf: '2022-01-01', datePrecision: 'day', sourceId: source!.id
  }))

  await db.insert(schema.incidents).values({ ...incident, killedLow: 3, killedBest: 3, killedHigh: null, woundedBest: 0 })
  const [row] = await db.select().from(schema.incidents).where(eq(schema.incidents.id, incident.id))
  t.equal(row?.killedHigh, null, 'an open-ended high stays unknown')
  t.equal(row?.woundedBest, 0, 'zero is a known zero')
})
