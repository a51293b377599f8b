/** Write endpoints, record format, revisions for every kind of record; and the change feed across all of them. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { changesAfter } from '../../core/records/history.ts'
import { changeTable, formatsOf } from '../../export/tables.ts'
import { encodeCursor } from '../../http/cursor.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendExport } from '../../http/send-export.ts'
import { ref } from '../../schemas/common.ts'
import { Actor } from '../../schemas/actors.ts'
import { ChangeList, ChangesQuery } from '../../schemas/history.ts'
import { IncidentDetail } from '../../schemas/incidents.ts'
import { ActorInput } from '../../schemas/input/actor.ts'
import { IncidentInput } from '../../schemas/input/incident.ts'
import { SourceInput } from '../../schemas/input/source.ts'
import { StatementInput } from '../../schemas/input/statement.ts'
import { TallyInput } from '../../schemas/input/tally.ts'
import { ActorPatch, IncidentPatch, SourcePatch, StatementPatch, TallyPatch } from '../../schemas/input/patches.ts'
import { Source } from '../../schemas/sources.ts'
import { Statement } from '../../schemas/statements.ts'
import { Tally } from '../../schemas/tallies.ts'
import { getActor, requireActorId } from '../actors/queries.ts'
import { getIncident } from '../incidents/queries.ts'
import { exporting, listErrors, notAcceptable } from '../responses.ts'
import { getSource } from '../sources/queries.ts'
import { getStatement } from '../statements/queries.ts'
import { getTally } from '../tallies/queries.ts'
import { changeExport, sinceSeq, toChangeView } from './change-feed.ts'
import { writeRoutes } from './write-routes.ts'

const recordRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // PATCH bodies are JSON Merge Patch documents (RFC 7396): JSON, parsed as such, with their own media type.
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))
  await app.register(writeRoutes({ kind: 'incidents', input: IncidentInput, patch: IncidentPatch, view: getIncident, viewSchema: IncidentDetail, example: 'inc_2021_09_jalalabad_blasts', tag: 'incidents' }))
  await app.register(writeRoutes({ kind: 'actors', input: ActorInput, patch: ActorPatch, view: getActor, viewSchema: Actor, resolveId: requireActorId, example: 'iskp', tag: 'actors' }))
  await app.register(writeRoutes({ kind: 'statements', input: StatementInput, patch: StatementPatch, view: getStatement, viewSchema: Statement, example: 'stm_2021_09_21_mujahid_no_one_to_do_with_al_qaeda', tag: 'statements' }))
  await app.register(writeRoutes({ kind: 'sources', input: SourceInput, patch: SourcePatch, view: getSource, viewSchema: Source, example: 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country', tag: 'sources' }))
  await app.register(writeRoutes({ kind: 'tallies', input: TallyInput, patch: TallyPatch, view: getTally, viewSchema: Tally, example: 'tly_2022_12_05_iskp_attacks_last_two_months', tag: 'tallies' }))

  app.get('/v1/changes', {
    schema: {
      operationId: 'listChanges',
      summary: 'List changes',
      description: 'Every create, update and delete across all records, in commit order, numbered. A client keeps a copy in sync by reading from its last cursor: `since` takes `next_cursor` (more right now) or `resume_cursor` (everything after this page, later). Deletes are tombstones. A change committed later never takes a lower number, so a client that has read up to a cursor has missed nothing before it.',
      tags: ['changes'],
      querystring: ChangesQuery,
      response: {
        200: exporting({ description: 'A page of changes.', content: { 'application/json': { schema: ref(ChangeList) } } }, 'changes'),
        ...listErrors,
        406: notAcceptable('changes', '/v1/changes')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(changeTable))
    const since = sinceSeq(request.query.since)
    reply.header('cache-control', 'no-store')
    if (format !== 'json') return sendExport(request, reply, app.db, format, changeTable, changeExport(since, explicitLimit(request)))
    const limit = request.query.limit ?? 50
    const rows = await changesAfter(app.db, since, limit)
    const page = rows.slice(0, limit)
    const last = page.at(-1)?.seq ?? since
    const next = rows.length > limit ? encodeCursor('changes', [String(last)]) : null
    if (next) reply.header('link', `</v1/changes?since=${next}&limit=${limit}>; rel="next"`)
    return {
      data: page.map(toChangeView),
      next_cursor: next,
      resume_cursor: encodeCursor('changes', [String(last)])
    }
  })
}

export default recordRoutes
