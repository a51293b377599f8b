/** Actor endpoints: list, item by id or slug, and the actor's statements and incidents. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { checkDateRange } from '../../http/filters.ts'
import { actorTable, formatsOf, incidentTable, statementTable } from '../../export/tables.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendPage } from '../../http/pagination.ts'
import { sendExport } from '../../http/send-export.ts'
import { ref } from '../../schemas/common.ts'
import { Actor, ActorIdParams, ActorList, ActorListQuery } from '../../schemas/actors.ts'
import { IncidentList, NestedIncidentQuery } from '../../schemas/incidents.ts'
import { NestedStatementQuery, StatementList } from '../../schemas/statements.ts'
import { toIncidentQuery } from '../incidents/filters.ts'
import { incidentExport } from '../incidents/export.ts'
import { listIncidentsWithTotal } from '../incidents/total.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, nestedListErrors, notAcceptable, page, recordItemErrors } from '../responses.ts'
import { statementExport } from '../statements/export.ts'
import { listStatements } from '../statements/queries.ts'
import { actorExport } from './export.ts'
import { getActor, listActors, requireActorId, resolveActorFilters } from './queries.ts'

const actorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/actors', {
    schema: {
      operationId: 'listActors',
      summary: 'List actors',
      description: 'Armed groups, governments and ministries, parties, organisations, media outlets and people, ordered by slug. Filter by `q` (name, slug or alias) and `kind`.',
      tags: ['actors'],
      headers: conditionalHeaders,
      querystring: ActorListQuery,
      response: { 200: page(ref(ActorList), 'A page of actors.', '/v1/actors', ActorListQuery, 'actors'), ...listErrors, 406: notAcceptable('actors', '/v1/actors') }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(actorTable))
    if (format !== 'json') return sendExport(request, reply, app.db, format, actorTable, actorExport(request.query, explicitLimit(request)))
    return sendPage(request, reply, await listActors(app.db, request.query))
  })

  app.get('/v1/actors/:id', {
    schema: {
      operationId: 'getActor',
      summary: 'Get an actor',
      description: 'One actor by id, slug or alias (`iskp`, `taliban`, `zabihullah-mujahid`, `ISIS-K`), with the sources\' estimates of its strength.',
      tags: ['actors'],
      params: ActorIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(Actor), 'The actor.'), ...recordItemErrors }
    }
  }, async (request, reply) => sendItem(app.db, reply, 'actors', request.params.id, getActor))

  app.get('/v1/actors/:id/statements', {
    schema: {
      operationId: 'listActorStatements',
      summary: 'List an actor\'s statements',
      description: 'Statements the actor made or that were made on its behalf (a spokesman speaking for the Taliban counts for both), newest first. Takes the statement filters.',
      tags: ['actors', 'statements'],
      params: ActorIdParams,
      headers: conditionalHeaders,
      querystring: NestedStatementQuery,
      response: {
        200: page(ref(StatementList), 'A page of statements.', '/v1/actors/taliban/statements', NestedStatementQuery, 'statements'),
        ...nestedListErrors,
        406: notAcceptable('statements', '/v1/actors/taliban/statements')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(statementTable))
    checkDateRange(request.query)
    const actorId = await requireActorId(app.db, request.params.id)
    const query = { ...request.query, actorId }
    if (format !== 'json') return sendExport(request, reply, app.db, format, statementTable, statementExport(query, explicitLimit(request)))
    return sendPage(request, reply, await listStatements(app.db, query))
  })

  app.get('/v1/actors/:id/incidents', {
    schema: {
      operationId: 'listActorIncidents',
      summary: 'List an actor\'s incidents',
      description: 'Incidents linked to the actor in any role: claimed, attributed, suspected or denied, a participant (perpetrator, target, responder), or speaker of a statement about them. Newest first; takes the incident filters; `include_branches=true` adds its branches and members.',
      tags: ['actors', 'incidents'],
      params: ActorIdParams,
      headers: conditionalHeaders,
      querystring: NestedIncidentQuery,
      response: {
        200: page(ref(IncidentList), 'A page of incidents.', '/v1/actors/iskp/incidents', NestedIncidentQuery, 'incidents'),
        ...nestedListErrors,
        406: notAcceptable('incidents', '/v1/actors/iskp/incidents')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(incidentTable))
    const actorId = await requireActorId(app.db, request.params.id)
    const query = await toIncidentQuery(app.db, request.query)
    const actorIds = request.query.include_branches
      ? (await resolveActorFilters(app.db, { actor: actorId }, { branches: true })).actor
      : [actorId]
    if (format !== 'json') return sendExport(request, reply, app.db, format, incidentTable, incidentExport({ ...query, actorIds }, explicitLimit(request)))
    return sendPage(request, reply, await listIncidentsWithTotal(app.db, { ...query, actorIds }, request.query.include_total))
  })
}

export default actorRoutes
