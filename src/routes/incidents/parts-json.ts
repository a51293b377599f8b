/**
 * An incident's responsibility, casualty breakdowns and participants as JSON columns of the incident's own row:
 * correlated subqueries that build exactly the view's objects, so a page is one query and one round trip.
 */
import type { Static } from '@sinclair/typebox'
import { aliasedTable, sql, type SQL } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { actors, casualtyBreakdowns, incidentParticipants, incidents, responsibilities } from '../../db/schema.ts'
import type { BreakdownItem, Participant as ParticipantSchema, Responsibility as ResponsibilitySchema } from '../../schemas/incidents.ts'

type Responsibility = Static<typeof ResponsibilitySchema>
type Breakdown = Static<typeof BreakdownItem>
type Participant = Static<typeof ParticipantSchema>

const actorRow = aliasedTable(actors, 'actor_ref')

/**
 * `{ id, slug, name }` of the actor an id column names, null when it names none: a lookup by primary key, so each
 * row costs an index probe (a join would hash the whole actors table once per incident).
 */
function actorRef (id: PgColumn): SQL {
  return sql`(select json_build_object('id', ${actorRow.id}, 'slug', ${actorRow.slug}, 'name', ${actorRow.name}) from ${actors} as ${sql.identifier('actor_ref')} where ${actorRow.id} = ${id})`
}

/** Claims first, then attributions, suspicions, denials; by actor slug, then source. */
export const responsibilityJson = sql<Responsibility[]>`coalesce((
  select json_agg(json_build_object(
    'kind', ${responsibilities.kind},
    'actor', ${actorRef(responsibilities.actorId)},
    'source_id', ${responsibilities.sourceId},
    'statement_id', ${responsibilities.statementId},
    'voice', ${responsibilities.voice},
    'asserted_by', ${actorRef(responsibilities.assertedById)},
    'wording', ${responsibilities.wording},
    'excerpt', ${responsibilities.excerpt},
    'challenge', case when ${responsibilities.challengeKind} is not null and ${responsibilities.challengedById} is not null and ${responsibilities.challengeSourceId} is not null
      then json_build_object('kind', ${responsibilities.challengeKind}, 'by', ${actorRef(responsibilities.challengedById)}, 'source_id', ${responsibilities.challengeSourceId},
        'statement_id', ${responsibilities.challengeStatementId}, 'excerpt', ${responsibilities.challengeExcerpt}) end,
    'notes', ${responsibilities.notes}
  ) order by array_position(array['claimed','attributed','suspected','denied']::responsibility_kind[], ${responsibilities.kind}),
    (select ${actorRow.slug} from ${actors} as ${sql.identifier('actor_ref')} where ${actorRow.id} = ${responsibilities.actorId}), ${responsibilities.sourceId})
  from ${responsibilities}
  where ${responsibilities.incidentId} = ${incidents.id}), '[]'::json)`

/** The breakdown of one outcome (killed or wounded), by victim group, then source; `count` is best, else low. */
export function breakdownJson (outcome: 'killed' | 'wounded') {
  return sql<Breakdown[]>`coalesce((
    select json_agg(json_build_object(
      'group', ${casualtyBreakdowns.victimGroup},
      'outcome', ${casualtyBreakdowns.outcome},
      'count', coalesce(${casualtyBreakdowns.best}, ${casualtyBreakdowns.low}),
      'best', ${casualtyBreakdowns.best},
      'low', ${casualtyBreakdowns.low},
      'high', ${casualtyBreakdowns.high},
      'source_id', ${casualtyBreakdowns.sourceId}
    ) order by ${casualtyBreakdowns.victimGroup}, ${casualtyBreakdowns.sourceId})
    from ${casualtyBreakdowns}
    where ${casualtyBreakdowns.incidentId} = ${incidents.id} and ${casualtyBreakdowns.outcome} = ${sql.raw(`'${outcome}'`)}), '[]'::json)`
}

/** Participants in their recorded order. */
export const participantsJson = sql<Participant[]>`coalesce((
  select json_agg(json_build_object(
    'role', ${incidentParticipants.role},
    'actor', ${actorRef(incidentParticipants.actorId)},
    'description', ${incidentParticipants.description},
    'count', ${incidentParticipants.count},
    'outcome', ${incidentParticipants.outcome},
    'source_id', ${incidentParticipants.sourceId},
    'excerpt', ${incidentParticipants.excerpt},
    'notes', ${incidentParticipants.notes}
  ) order by ${incidentParticipants.position})
  from ${incidentParticipants}
  where ${incidentParticipants.incidentId} = ${incidents.id}), '[]'::json)`
