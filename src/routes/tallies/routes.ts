/** Tally endpoints: reports' own period counts, set beside the incidents they sum. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { formatsOf, tallyTable } from '../../export/tables.ts'
import { checkDateRange } from '../../http/filters.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendPage } from '../../http/pagination.ts'
import { invalidParameter } from '../../http/problem.ts'
import { sendExport } from '../../http/send-export.ts'
import { ref } from '../../schemas/common.ts'
import { Tally, TallyIdParams, TallyList, TallyListQuery } from '../../schemas/tallies.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, notAcceptable, page, recordItemErrors } from '../responses.ts'
import { sourceExists } from '../sources/queries.ts'
import { tallyExport } from './export.ts'
import { getTally, listTallies } from './queries.ts'

const tallyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/tallies', {
    schema: {
      operationId: 'listTallies',
      summary: 'List tallies',
      description: 'Reports\' own counts over a period ("at least 96 people killed in ISKP attacks in the last two months"), latest period first, each with the incidents of the record it covers and their summed figures, so the two can be compared. `start_date`/`end_date` match periods that overlap the range (wholly inside it with `date_match=within`); `source` the report that gives the tally.',
      tags: ['tallies'],
      headers: conditionalHeaders,
      querystring: TallyListQuery,
      response: { 200: page(ref(TallyList), 'A page of tallies.', '/v1/tallies', TallyListQuery, 'tallies'), ...listErrors, 406: notAcceptable('tallies', '/v1/tallies') }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(tallyTable))
    checkDateRange(request.query)
    if (request.query.source !== undefined && !(await sourceExists(app.db, request.query.source))) {
      throw invalidParameter('source', `names no known source ("${request.query.source}"); use an id from /v1/sources`)
    }
    if (format !== 'json') return sendExport(request, reply, app.db, format, tallyTable, tallyExport(request.query, explicitLimit(request)))
    return sendPage(request, reply, await listTallies(app.db, request.query))
  })

  app.get('/v1/tallies/:id', {
    schema: {
      operationId: 'getTally',
      summary: 'Get a tally',
      description: 'One tally with its breakdown, the incidents it covers and their summed figures.',
      tags: ['tallies'],
      params: TallyIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(Tally), 'The tally.'), ...recordItemErrors }
    }
  }, async (request, reply) => sendItem(app.db, reply, 'tallies', request.params.id, getTally))
}

export default tallyRoutes
