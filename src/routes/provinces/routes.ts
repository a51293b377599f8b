/** GET /v1/provinces: the ISO 3166-2:AF reference list. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { asc, eq } from 'drizzle-orm'
import { provinces } from '../../db/schema.ts'
import { findProvince } from '../../domain/provinces.ts'
import { notFound } from '../../http/problem.ts'
import { Id, ref } from '../../schemas/common.ts'
import { Province, ProvinceList } from '../../schemas/provinces.ts'
import { conditionalHeaders, itemErrors, json, listErrors } from '../responses.ts'

const provinceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/provinces', {
    schema: {
      operationId: 'listProvinces',
      summary: 'List provinces',
      description: 'The 34 provinces of Afghanistan with their ISO 3166-2:AF codes and the spellings the `province` filter accepts. Ordered by code; always one page.',
      tags: ['provinces'],
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: { 200: json(ref(ProvinceList), 'All provinces.'), ...listErrors }
    }
  }, async () => {
    const rows = await app.db.select().from(provinces).orderBy(asc(provinces.code))
    return { data: rows, next_cursor: null }
  })

  app.get('/v1/provinces/:code', {
    schema: {
      operationId: 'getProvince',
      summary: 'Get a province',
      description: 'One province, by ISO 3166-2:AF code or English name (case-insensitive, common spellings accepted).',
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
    return row
  })
}

export default provinceRoutes
