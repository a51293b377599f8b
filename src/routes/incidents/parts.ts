/** The parts of incidents loaded beside their rows: responsibility, participants, breakdowns; and the detail-only parts. */
import { aliasedTable, asc, eq, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { prepared } from '../../db/prepared.ts'
import {
  actors, casualtyBreakdowns, incidentFollowUps, incidentParticipants, incidentRelations, incidents, noClaimReports,
  responsibilities, tallyIncidents
} from '../../db/schema.ts'
import { groupBy } from '../group-by.ts'

type Figure = number | null

/** `{ best, low, high }` of a row's `<prefix>Best/Low/High` columns. */
export function figures<P extends string> (row: Record<`${P}Best` | `${P}Low` | `${P}High`, Figure>, prefix: P) {
  return { best: row[`${prefix}Best`], low: row[`${prefix}Low`], high: row[`${prefix}High`] }
}

interface ActorRefRow { id: string, slug: string, name: string }
/** Drizzle types a join of two aliases of one table as never; the shape is spelled out instead. */
interface ClaimRow {
  incidentId: string
  row: typeof responsibilities.$inferSelect
  actor: ActorRefRow
  asserter: ActorRefRow | null
  challenger: ActorRefRow | null
}

const asserters = aliasedTable(actors, 'asserter')
const challengers = aliasedTable(actors, 'challenger')
const actorRef = { id: actors.id, slug: actors.slug, name: actors.name }

const ids = sql.placeholder('ids')

/** The three queries, prepared once per database: the incidents' ids are one array parameter. */
function partQueries (db: Database) {
  return prepared(db, 'incident-parts', (db) => ({
    claims: db.select({
      incidentId: responsibilities.incidentId,
      row: responsibilities,
      actor: actorRef,
      asserter: { id: asserters.id, slug: asserters.slug, name: asserters.name },
      challenger: { id: challengers.id, slug: challengers.slug, name: challengers.name }
    }).from(responsibilities)
      .innerJoin(actors, eq(responsibilities.actorId, actors.id))
      .leftJoin(asserters, eq(responsibilities.assertedById, asserters.id))
      .leftJoin(challengers, eq(responsibilities.challengedById, challengers.id))
      .where(sql`${responsibilities.incidentId} = any(${ids})`)
      .orderBy(sql`array_position(array['claimed','attributed','suspected','denied']::responsibility_kind[], ${responsibilities.kind})`,
        asc(actors.slug), asc(responsibilities.sourceId))
      .prepare('incident_claims'),
    breakdowns: db.select().from(casualtyBreakdowns).where(sql`${casualtyBreakdowns.incidentId} = any(${ids})`)
      .orderBy(asc(casualtyBreakdowns.victimGroup), asc(casualtyBreakdowns.sourceId))
      .prepare('incident_breakdowns'),
    participants: db.select({ row: incidentParticipants, actor: actorRef }).from(incidentParticipants)
      .leftJoin(actors, eq(incidentParticipants.actorId, actors.id))
      .where(sql`${incidentParticipants.incidentId} = any(${ids})`)
      .orderBy(asc(incidentParticipants.incidentId), asc(incidentParticipants.position))
      .prepare('incident_participants')
  }))
}

/** Three queries for any number of incidents. */
export async function incidentParts (db: Database, incidentIds: string[]) {
  const queries = partQueries(db)
  const values = { ids: incidentIds }
  const [claimRows, breakdowns, participants] = await Promise.all([
    queries.claims.execute(values), queries.breakdowns.execute(values), queries.participants.execute(values)
  ])
  const claims = claimRows as unknown as ClaimRow[]
  return {
    responsibility: groupBy(claims, (c) => c.incidentId, ({ row: r, actor, asserter, challenger }) => ({
      kind: r.kind,
      actor,
      source_id: r.sourceId,
      statement_id: r.statementId,
      voice: r.voice,
      asserted_by: asserter ?? null,
      wording: r.wording,
      excerpt: r.excerpt,
      challenge: r.challengeKind && challenger && r.challengeSourceId
        ? { kind: r.challengeKind, by: challenger, source_id: r.challengeSourceId, statement_id: r.challengeStatementId, excerpt: r.challengeExcerpt }
        : null,
      notes: r.notes
    })),
    breakdowns: groupBy(breakdowns, (b) => `${b.incidentId}/${b.outcome}`, (b) => ({
      group: b.victimGroup,
      outcome: b.outcome,
      count: (b.best ?? b.low) as number,
      best: b.best,
      low: b.low,
      high: b.high,
      source_id: b.sourceId
    })),
    participants: groupBy(participants, (p) => p.row.incidentId, ({ row: p, actor }) => ({
      role: p.role,
      actor: actor ?? null,
      description: p.description,
      count: p.count,
      outcome: p.outcome,
      source_id: p.sourceId,
      excerpt: p.excerpt,
      notes: p.notes
    }))
  }
}

const others = aliasedTable(incidents, 'other')

const id = sql.placeholder('id')

/** The detail-only queries, prepared once per database. */
function detailQueries (db: Database) {
  return prepared(db, 'incident-detail-parts', (db) => ({
    noClaims: db.select().from(noClaimReports).where(eq(noClaimReports.incidentId, id))
      .orderBy(asc(noClaimReports.asOf), asc(noClaimReports.sourceId)).prepare('incident_no_claims'),
    followUps: db.select({ row: incidentFollowUps, actor: actorRef }).from(incidentFollowUps)
      .leftJoin(actors, eq(incidentFollowUps.actorId, actors.id))
      .where(eq(incidentFollowUps.incidentId, id)).orderBy(asc(incidentFollowUps.position)).prepare('incident_follow_ups'),
    relations: db.select({ row: incidentRelations, other: { id: others.id, title: others.title } }).from(incidentRelations)
      .innerJoin(others, or(
        sql`${incidentRelations.incidentId} = ${id} and ${others.id} = ${incidentRelations.relatedIncidentId}`,
        sql`${incidentRelations.relatedIncidentId} = ${id} and ${others.id} = ${incidentRelations.incidentId}`
      ))
      .orderBy(asc(others.occurredOn), asc(others.id)).prepare('incident_relations'),
    tallies: db.select({ id: tallyIncidents.tallyId }).from(tallyIncidents).where(eq(tallyIncidents.incidentId, id))
      .orderBy(asc(tallyIncidents.tallyId)).prepare('incident_tallies')
  }))
}

/** What only the incident's own page shows: no-claim reports, follow-ups, related incidents, tallies. */
export async function incidentDetailParts (db: Database, id: string) {
  const queries = detailQueries(db)
  const values = { id }
  const [noClaims, followUps, relations, tallies] = await Promise.all([
    queries.noClaims.execute(values), queries.followUps.execute(values), queries.relations.execute(values), queries.tallies.execute(values)
  ])
  return {
    no_claim: noClaims.map((n) => ({ source_id: n.sourceId, as_of: n.asOf, excerpt: n.excerpt, notes: n.notes })),
    follow_ups: followUps.map(({ row: f, actor }) => ({
      kind: f.kind,
      actor: actor ?? null,
      description: f.description,
      count: f.count,
      source_id: f.sourceId,
      statement_id: f.statementId,
      excerpt: f.excerpt
    })),
    related: relations.map(({ row: r, other }) => ({
      incident_id: other.id,
      title: other.title,
      // Seen from the other end, "this responds to that" reads "that prompted this".
      kind: r.incidentId === id ? r.kind : (r.kind === 'response_to' ? 'prompted_response' as const : r.kind),
      source_id: r.sourceId,
      notes: r.notes
    })),
    tally_ids: tallies.map((t) => t.id)
  }
}
