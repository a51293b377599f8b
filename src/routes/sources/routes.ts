/** Source endpoints: the filtered list, one source with its citation chain, the incidents it reports, its CSL-JSON. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { formatsOf, incidentTable, sourceTable } from '../../export/tables.ts'
import { checkDateRange } from '../../http/filters.ts'
import { explicitLimit, listFormat } from '../../http/list-format.ts'
import { sendPage } from '../../http/pagination.ts'
import { sendExport } from '../../http/send-export.ts'
import { ref } from '../../schemas/common.ts'
import { IncidentList, IncidentListQuery } from '../../schemas/incidents.ts'
import { Source, SourceIdParams, SourceList, SourceListQuery } from '../../schemas/sources.ts'
import { incidentExport } from '../incidents/export.ts'
import { toIncidentQuery } from '../incidents/filters.ts'
import { listIncidentsWithTotal } from '../incidents/total.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, nestedListErrors, notAcceptable, page, recordItemErrors } from '../responses.ts'
import citationRoute from './citation-route.ts'
import { sourceExport } from './export.ts'
import { getSource, listSources, requireSource } from './queries.ts'

const sourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/sources', {
    schema: {
      operationId: 'listSources',
      summary: 'List sources',
      description: 'The reports behind every figure, claim and quote, newest `published_on` first (unknown dates last), then by id descending. Filter by `publisher`, `kind`, `start_date`/`end_date` (on `published_on`) and `q`.',
      tags: ['sources'],
      headers: conditionalHeaders,
      querystring: SourceListQuery,
      response: { 200: page(ref(SourceList), 'A page of sources.', '/v1/sources', SourceListQuery, 'sources'), ...listErrors, 406: notAcceptable('sources', '/v1/sources') }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(sourceTable))
    checkDateRange(request.query)
    if (format !== 'json') return sendExport(request, reply, app.db, format, sourceTable, sourceExport(request.query, explicitLimit(request)))
    return sendPage(request, reply, await listSources(app.db, request.query))
  })

  app.get('/v1/sources/:id', {
    schema: {
      operationId: 'getSource',
      summary: 'Get a source',
      description: 'One report with the reports it cites and those that cite it.',
      tags: ['sources'],
      params: SourceIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(Source), 'The source.'), ...recordItemErrors }
    }
  }, async (request, reply) => sendItem(app.db, reply, 'sources', request.params.id, getSource))

  app.get('/v1/sources/:id/incidents', {
    schema: {
      operationId: 'listSourceIncidents',
      summary: 'List the incidents a source reports',
      description: 'Incidents this report gives an account of, newest first. Takes the same filters as `listIncidents`.',
      tags: ['sources', 'incidents'],
      params: SourceIdParams,
      headers: conditionalHeaders,
      querystring: IncidentListQuery,
      response: {
        200: page(ref(IncidentList), 'A page of incidents.', '/v1/sources/src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country/incidents', IncidentListQuery, 'incidents'),
        ...nestedListErrors,
        406: notAcceptable('incidents', '/v1/sources/src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country/incidents')
      }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(incidentTable))
    await requireSource(app.db, request.params.id)
    const query = await toIncidentQuery(app.db, request.query)
    if (format !== 'json') return sendExport(request, reply, app.db, format, incidentTable, incidentExport({ ...query, sourceId: request.params.id }, explicitLimit(request)))
    return sendPage(request, reply, await listIncidentsWithTotal(app.db, { ...query, sourceId: request.params.id }, request.query.include_total))
  })

  await app.register(citationRoute)
}

export default sourceRoutes
