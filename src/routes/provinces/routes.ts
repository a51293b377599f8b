/** GET /v1/provinces: the ISO 3166-2:AF reference list, with centroids and how many incidents match the filters. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { eq } from 'drizzle-orm'
import { provinces } from '../../db/schema.ts'
import { findProvince } from '../../domain/provinces.ts'
import { memoryCursor } from '../../export/memory-cursor.ts'
import { formatsOf, provinceTable } from '../../export/tables.ts'
import { listFormat } from '../../http/list-format.ts'
import { notFound } from '../../http/problem.ts'
import { sendExportOf } from '../../http/send-export.ts'
import { Id, ref } from '../../schemas/common.ts'
import { Province, ProvinceList, ProvinceListQuery } from '../../schemas/provinces.ts'
import { conditionalHeaders, exporting, itemErrors, json, listErrors, notAcceptable } from '../responses.ts'
import { incidentStats } from '../stats/queries.ts'
import { listProvinces } from './queries.ts'
import { toProvinceView } from './view.ts'

const provinceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/provinces', {
    schema: {
      operationId: 'listProvinces',
      summary: 'List provinces',
      description: 'The 34 provinces of Afghanistan with their ISO 3166-2:AF codes, the spellings the `province` filter accepts, their centroids and how many incidents each has. Takes the incident filters (the same as `listIncidents`, without `limit` and `cursor`): `incidents` then counts, per province, the incidents the list gives for them, in one grouped query. Ordered by code; always one page.',
      tags: ['provinces'],
      headers: conditionalHeaders,
      querystring: ProvinceListQuery,
      response: { 200: exporting(json(ref(ProvinceList), 'All provinces.'), 'provinces'), ...listErrors, 406: notAcceptable('provinces', '/v1/provinces') }
    }
  }, async (request, reply) => {
    const format = listFormat(request, reply, formatsOf(provinceTable))
    if (format !== 'json') return sendExportOf(request, reply, format, provinceTable, async () => memoryCursor(await listProvinces(app.db, request.query)))
    return { data: await listProvinces(app.db, request.query), next_cursor: null }
  })

  app.get('/v1/provinces/:code', {
    schema: {
      operationId: 'getProvince',
      summary: 'Get a province',
      description: 'One province, by ISO 3166-2:AF code or English name (case-insensitive, common spellings accepted), with its centroid and how many incidents it has.',
      tags: ['provinces'],
      params: Type.Object({ code: Id('ISO 3166-2:AF code or name.', 'AF-NAN') }, { additionalProperties: false }),
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(Province), 'The province.'), ...itemErrors }
    }
  }, async (request) => {
    const code = findProvince(request.params.code)?.code
    const [row] = code ? await app.db.select().from(provinces).where(eq(provinces.code, code)) : []
    if (!row) throw notFound('province', request.params.code)
    const [total] = await incidentStats(app.db, { provinceCodes: [row.code] }, [])
    return toProvinceView(row, total!.incidents)
  })
}

export default provinceRoutes
