/** Statement endpoints: the filtered list and one statement. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { checkDateRange } from '../../http/filters.ts'
import { formatsOf, statementTable } from '../../export/tables.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendPage } from '../../http/pagination.ts'
import { sendExport } from '../../http/send-export.ts'
import { ref } from '../../schemas/common.ts'
import { Statement, StatementIdParams, StatementList, StatementListQuery } from '../../schemas/statements.ts'
import { invalidParameter } from '../../http/problem.ts'
import { resolveActorFilters } from '../actors/queries.ts'
import { incidentExists } from '../incidents/queries.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, notAcceptable, page, recordItemErrors } from '../responses.ts'
import { statementExport } from './export.ts'
import { getStatement, listStatements } from './queries.ts'

const statementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/statements', {
    schema: {
      operationId: 'listStatements',
      summary: 'List statements',
      description: 'What actors said: claims of responsibility, denials, condemnations, attributions, assessments, pledges. Newest `said_on` first, then by id descending. Filters combine with AND.',
      tags: ['statements'],
      headers: conditionalHeaders,
      querystring: StatementListQuery,
      response: { 200: page(ref(StatementList), 'A page of statements.', '/v1/statements', StatementListQuery, 'statements'), ...listErrors, 406: notAcceptable('statements', '/v1/statements') }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(statementTable))
    const { speaker, actor, incident, ...rest } = request.query
    checkDateRange(rest)
    const actors = await resolveActorFilters(app.db, { speaker, actor })
    if (incident !== undefined && !(await incidentExists(app.db, incident))) {
      throw invalidParameter('incident', `names no known incident ("${incident}"); use an id from /v1/incidents`)
    }
    const query = { ...rest, speakerId: actors.speaker?.[0], actorId: actors.actor?.[0], incidentId: incident }
    if (format !== 'json') return sendExport(request, reply, app.db, format, statementTable, statementExport(query, explicitLimit(request)))
    return sendPage(request, reply, await listStatements(app.db, query))
  })

  app.get('/v1/statements/:id', {
    schema: {
      operationId: 'getStatement',
      summary: 'Get a statement',
      description: 'One statement with its speaker, the incidents it concerns and the sources that report it.',
      tags: ['statements'],
      params: StatementIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(Statement), 'The statement.'), ...recordItemErrors }
    }
  }, async (request, reply) => sendItem(app.db, reply, 'statements', request.params.id, getStatement))
}

export default statementRoutes
