/** Incident endpoints: the filtered list, one incident with its sources and statements, its statements. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { checkDateRange } from '../../http/filters.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendPage } from '../../http/pagination.ts'
import { sendExport } from '../../http/send-export.ts'
import { formatsOf, incidentTable, statementTable } from '../../export/tables.ts'
import { ref } from '../../schemas/common.ts'
import { IncidentDetail, IncidentIdParams, IncidentList, IncidentListQuery } from '../../schemas/incidents.ts'
import { NestedStatementQuery, StatementList } from '../../schemas/statements.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, nestedListErrors, notAcceptable, page, recordItemErrors } from '../responses.ts'
import { statementExport } from '../statements/export.ts'
import { listStatements } from '../statements/queries.ts'
import { incidentExport } from './export.ts'
import { toIncidentQuery } from './filters.ts'
import { listIncidentsWithTotal } from './total.ts'
import { getIncident, requireIncident } from './queries.ts'

const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/incidents', {
    schema: {
      operationId: 'listIncidents',
      summary: 'List incidents',
      description: 'Attacks, armed clashes, security operations, raids and arrests, newest `occurred_on` first, then by id descending. Filters combine with AND: `province` (codes or names, comma-separated for OR), `start_date`/`end_date` (inclusive, matched against each incident\'s date window: overlapping it by default, wholly inside it with `date_match=within`), `claimed_by` (claims only), `attributed_to` (claims or attributions by others), `actor` (any role: responsibility, participant, or speaker of a statement about it), `include_branches` (roll up an actor\'s branches), `type` (several comma-separated), `q`.',
      tags: ['incidents'],
      headers: conditionalHeaders,
      querystring: IncidentListQuery,
      response: {
        200: page(ref(IncidentList), 'A page of incidents.', '/v1/incidents', IncidentListQuery, 'incidents'),
        ...listErrors,
        406: notAcceptable('incidents', '/v1/incidents')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(incidentTable))
    const query = await toIncidentQuery(app.db, request.query)
    if (format !== 'json') return sendExport(request, reply, app.db, format, incidentTable, incidentExport(query, explicitLimit(request)))
    return sendPage(request, reply, await listIncidentsWithTotal(app.db, query, request.query.include_total))
  })

  app.get('/v1/incidents/:id', {
    schema: {
      operationId: 'getIncident',
      summary: 'Get an incident',
      description: 'One incident with each source\'s own account (date and figures, conflicts kept) and the statements about it.',
      tags: ['incidents'],
      params: IncidentIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(IncidentDetail), 'The incident.'), ...recordItemErrors }
    }
  }, async (request, reply) => sendItem(app.db, reply, 'incidents', request.params.id, getIncident))

  app.get('/v1/incidents/:id/statements', {
    schema: {
      operationId: 'listIncidentStatements',
      summary: 'List statements about an incident',
      description: 'Claims, denials, condemnations and other statements about the incident, newest first. Takes the statement filters.',
      tags: ['incidents', 'statements'],
      params: IncidentIdParams,
      headers: conditionalHeaders,
      querystring: NestedStatementQuery,
      response: {
        200: page(ref(StatementList), 'A page of statements.', '/v1/incidents/inc_2021_09_jalalabad_blasts/statements', NestedStatementQuery, 'statements'),
        ...nestedListErrors,
        406: notAcceptable('statements', '/v1/incidents/inc_2021_09_jalalabad_blasts/statements')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(statementTable))
    checkDateRange(request.query)
    await requireIncident(app.db, request.params.id)
    const query = { ...request.query, incidentId: request.params.id }
    if (format !== 'json') return sendExport(request, reply, app.db, format, statementTable, statementExport(query, explicitLimit(request)))
    return sendPage(request, reply, await listStatements(app.db, query))
  })
}

export default incidentRoutes
