/** Casualty figures of a row, and the parts only an incident's own page shows (parts-json.ts has those of every row). */
import { aliasedTable, asc, eq, or, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { prepared } from '../../db/prepared.ts'
import { actors, incidentFollowUps, incidentRelations, incidents, noClaimReports, tallyIncidents } from '../../db/schema.ts'

type Figure = number | null

/** `{ best, low, high }` of a row's `<prefix>Best/Low/High` columns. */
export function figures<P extends string> (row: Record<`${P}Best` | `${P}Low` | `${P}High`, Figure>, prefix: P) {
  return { best: row[`${prefix}Best`], low: row[`${prefix}Low`], high: row[`${prefix}High`] }
}

const actorRef = { id: actors.id, slug: actors.slug, name: actors.name }

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
