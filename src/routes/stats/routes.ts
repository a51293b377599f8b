/** GET /v1/stats/incidents: counts and casualty sums of the incidents a filter matches, grouped by up to two dimensions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ref } from '../../schemas/common.ts'
import { IncidentStats, IncidentStatsQuery } from '../../schemas/stats.ts'
import { toIncidentQuery } from '../incidents/filters.ts'
import { conditionalHeaders, json, listErrors, problemResponse } from '../responses.ts'
import { parseGroupBy } from './dimensions.ts'
import { incidentStats } from './queries.ts'
import { toStatsRows } from './view.ts'

const statsErrors = {
  ...listErrors,
  400: problemResponse(400, 'invalid_parameter', 'Invalid request parameters',
    'Invalid parameters: as for the incident list, and a `group_by` naming an unknown dimension, one twice, or more than two.',
    'group_by "district" is not a dimension; use one or two of province, year, month, type, actor, responsibility, comma-separated',
    '/v1/stats/incidents?group_by=district',
    { errors: [{ in: 'query', name: 'group_by', message: '"district" is not a dimension; use one or two of province, year, month, type, actor, responsibility, comma-separated' }] })
}

const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/stats/incidents', {
    schema: {
      operationId: 'getIncidentStats',
      summary: 'Count incidents and sum their casualties',
      description: 'How many incidents match the incident filters (the same filters, and the same incidents, as `listIncidents`), with their killed and wounded summed as best, low and high, grouped by one or two of `province`, `year`, `month` (of `occurred_on`), `type`, `actor` (each actor with responsibility for the incident, by kind: `role`) and `responsibility` (each kind of responsibility recorded; null for none). Without `group_by`, the total the list would return. Grouped by `actor` or `responsibility`, an incident counts once in each group it belongs to, so sums across groups can exceed the total.',
      tags: ['stats'],
      headers: conditionalHeaders,
      querystring: IncidentStatsQuery,
      response: { 200: json(ref(IncidentStats), 'The groups with their counts and sums.'), ...statsErrors }
    }
  }, async (request) => {
    const { group_by: groupBy, ...filters } = request.query
    const dimensions = parseGroupBy(groupBy)
    const groups = await incidentStats(app.db, await toIncidentQuery(app.db, filters), dimensions)
    return { group_by: dimensions, data: await toStatsRows(app.db, groups) }
  })
}

export default statsRoutes
