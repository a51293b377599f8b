/** GET /v1/sources/{id}/citation: one source as CSL-JSON, for reference managers. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { toCslItem } from '../../core/citation/csl.ts'
import { ApiError } from '../../http/problem.ts'
import { CslItem } from '../../schemas/citation.ts'
import { ref } from '../../schemas/common.ts'
import { SourceIdParams } from '../../schemas/sources.ts'
import { throwIfGone } from '../records/write-routes.ts'
import { conditionalHeaders, json, recordItemErrors } from '../responses.ts'
import { getSource } from './queries.ts'

/** The media type of CSL-JSON. */
export const cslMediaType = 'application/vnd.citationstyles.csl+json'

/** Plain JSON only for a client that asks for `application/json` and not for CSL-JSON (or anything). */
function mediaTypeFor (accept: string | undefined): string {
  const types = (accept ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase())
  return types.includes('application/json') && !types.some((t) => t === cslMediaType || t === '*/*' || t === 'application/*')
    ? 'application/json'
    : cslMediaType
}

const ok = json(ref(CslItem), 'The source as one CSL-JSON item.')

const citationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/v1/sources/:id/citation', {
    schema: {
      operationId: 'getSourceCitation',
      summary: 'Get a source as CSL-JSON',
      description: `One report as a CSL-JSON item (\`${cslMediaType}\`, Citation Style Language 1.0.2) that Zotero, Mendeley, Pandoc or citeproc import as it is. Its \`type\` follows the source's \`kind\`; the byline is split into \`given\` and \`family\` only when it plainly is a person's two names, else kept \`literal\`; \`issued\` is as precise as the source's date; \`URL\` is given only when known. A client that accepts only \`application/json\` gets the same item as \`application/json\`.`,
      tags: ['sources'],
      params: SourceIdParams,
      headers: conditionalHeaders,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: { ...ok, content: { [cslMediaType]: { schema: ref(CslItem), example: CslItem.examples[0] }, 'application/json': { schema: ref(CslItem) } } },
        ...recordItemErrors
      }
    }
  }, async (request, reply) => {
    const { id } = request.params
    const source = await getSource(app.db, id).catch(async (err: unknown) => {
      if (err instanceof ApiError && err.statusCode === 404) await throwIfGone(app.db, 'sources', id)
      throw err
    })
    // The ETag is the digest of the body (the caching plugin's), so it revalidates with If-None-Match like any item.
    const vary = reply.getHeader('vary')
    reply.header('vary', vary ? `${String(vary)}, Accept` : 'Accept')
    return reply.type(mediaTypeFor(request.headers.accept)).send(toCslItem(source))
  })
}

export default citationRoute
