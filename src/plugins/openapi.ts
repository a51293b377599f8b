/** OpenAPI 3.1 from the route schemas, named components, /openapi.json and Swagger UI at /docs. */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { apiDescription, tags } from '../openapi/document.ts'
import { components } from '../schemas/index.ts'

export default fp(async function openapi (app: FastifyInstance, options: { version: string }) {
  for (const schema of components) app.addSchema(schema)

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Afghanistan Political Violence API',
        version: options.version,
        description: apiDescription,
        license: { name: 'MIT', identifier: 'MIT' }
      },
      // Relative: Swagger UI and clients resolve it against wherever the document was fetched from.
      servers: [{ url: '/', description: 'The server this document is served from' }],
      // The API is public and read-only: no authentication.
      security: [],
      tags
    },
    // Components are named by their $id (#/components/schemas/Incident), not def-0.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) }
  })

  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true, tryItOutEnabled: false } })

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
}, { name: 'openapi' })
