/**
 * Request validation as Fastify does it (Ajv with formats, the shared schemas), with one difference: query strings,
 * paths and headers are text, so their values are coerced to the schema's types; a JSON body already has types, so a
 * number where a string belongs is a 400, not a string made from the number.
 */
import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

export function validatorCompiler (sharedSchemas: () => Record<string, unknown>): FastifySchemaCompiler<any> {
  let instances: { text: Ajv, json: Ajv } | undefined
  const make = (coerceTypes: boolean) => {
    const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, addUsedSchema: false, allErrors: true })
    addFormats.default(ajv)
    // Documentation only: the parameters a parameter needs beside it (`near` and `radius_km`), for readers and tests.
    ajv.addKeyword({ keyword: 'x-requires', schemaType: 'array' })
    for (const schema of Object.values(sharedSchemas())) ajv.addSchema(schema as object)
    return ajv
  }
  return ({ schema, httpPart }) => {
    instances ??= { text: make(true), json: make(false) }
    const ajv = httpPart === 'body' ? instances.json : instances.text
    const id = (schema as { $id?: string }).$id
    const stored = id ? ajv.getSchema(id) : undefined
    return (stored ?? ajv.compile(schema as object)) as ValidateFunction
  }
}
