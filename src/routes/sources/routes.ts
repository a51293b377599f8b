/** Source endpoints: the filtered list, one source with its citation chain, and the incidents it reports. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { checkDateRange } from '../../http/filters.ts'
import { sendPage } from '../../http/pagination.ts'
import { ref } from '../../schemas/common.ts'
import { IncidentList, IncidentListQuery } from '../../schemas/incidents.ts'
import { Source, SourceIdParams, SourceList, SourceListQuery } from '../../schemas/sources.ts'
import { toIncidentQuery } from '../incidents/filters.ts'
import { listIncidents } from '../incidents/queries.ts'
import { sendItem } from '../records/write-routes.ts'
import { conditionalHeaders, json, listErrors, nestedListErrors, page, recordItemErrors } from '../responses.ts'
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
      response: { 200: page(ref(SourceList), 'A page of sources.', '/v1/sources', SourceListQuery), ...listErrors }
    }
  }, async (request, reply) => {
    checkDateRange(request.query)
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
      response: { 200: page(ref(IncidentList), 'A page of incidents.', '/v1/sources/src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country/incidents', IncidentListQuery), ...nestedListErrors }
    }
  }, async (request, reply) => {
    await requireSource(app.db, request.params.id)
    const query = await toIncidentQuery(app.db, request.query)
    return sendPage(request, reply, await listIncidents(app.db, { ...query, sourceId: request.params.id }))
  })
}

export default sourceRoutes
