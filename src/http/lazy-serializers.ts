/**
 * Response serializers built on first use instead of at start-up. Fastify compiles a fast-json-stringify function for
 * every route and status when the app starts (about 2 s here, most of the start-up of a restart, and memory for
 * error serializers that are rarely used); this builds each the first time a response of its kind is sent, with the
 * same compiler and options, so the bytes sent are the same.
 */
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler'

type Factory = ReturnType<typeof SerializerSelector>

export function lazySerializerFactory (): Factory {
  const eager = SerializerSelector()
  return (externalSchemas, options) => {
    const compile = eager(externalSchemas, options)
    return (route) => {
      let serialize: ((doc: unknown) => string) | undefined
      return (doc) => (serialize ??= compile(route))(doc)
    }
  }
}
