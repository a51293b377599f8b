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

const asserters = aliasedTable(actors, 'asserter')
const challengers = aliasedTable(actors, 'challenger')
const participantActors = aliasedTable(actors, 'participant_actor')

/** `{ id, slug, name }` of an actor row, null when the (left-joined) row is missing. */
function actorRef (table: { id: PgColumn, slug: PgColumn, name: PgColumn }): SQL {
  return sql`case when ${table.id} is null then null else json_build_object('id', ${table.id}, 'slug', ${table.slug}, 'name', ${table.name}) end`
}

/** Claims first, then attributions, suspicions, denials; by actor slug, then source. */
export const responsibilityJson = sql<Responsibility[]>`coalesce((
  select json_agg(json_build_object(
    'kind', ${responsibilities.kind},
    'actor', ${actorRef(actors)},
    'source_id', ${responsibilities.sourceId},
    'statement_id', ${responsibilities.statementId},
    'voice', ${responsibilities.voice},
    'asserted_by', ${actorRef(asserters)},
    'wording', ${responsibilities.wording},
    'excerpt', ${responsibilities.excerpt},
    'challenge', case when ${responsibilities.challengeKind} is not null and ${challengers.id} is not null and ${responsibilities.challengeSourceId} is not null
      then json_build_object('kind', ${responsibilities.challengeKind}, 'by', ${actorRef(challengers)}, 'source_id', ${responsibilities.challengeSourceId},
        'statement_id', ${responsibilities.challengeStatementId}, 'excerpt', ${responsibilities.challengeExcerpt}) end,
    'notes', ${responsibilities.notes}
  ) order by array_position(array['claimed','attributed','suspected','denied']::responsibility_kind[], ${responsibilities.kind}), ${actors.slug}, ${responsibilities.sourceId})
  from ${responsibilities}
  inner join ${actors} on ${actors.id} = ${responsibilities.actorId}
  left join ${actors} as ${sql.identifier('asserter')} on ${asserters.id} = ${responsibilities.assertedById}
  left join ${actors} as ${sql.identifier('challenger')} on ${challengers.id} = ${responsibilities.challengedById}
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
    'actor', ${actorRef(participantActors)},
    'description', ${incidentParticipants.description},
    'count', ${incidentParticipants.count},
    'outcome', ${incidentParticipants.outcome},
    'source_id', ${incidentParticipants.sourceId},
    'excerpt', ${incidentParticipants.excerpt},
    'notes', ${incidentParticipants.notes}
  ) order by ${incidentParticipants.position})
  from ${incidentParticipants}
  left join ${actors} as ${sql.identifier('participant_actor')} on ${participantActors.id} = ${incidentParticipants.actorId}
  where ${incidentParticipants.incidentId} = ${incidents.id}), '[]'::json)`
