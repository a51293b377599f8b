/** Response descriptors shared by every route: JSON bodies and problem+json errors. */
import type { TSchema } from '@sinclair/typebox'
import { Problem, ref } from '../schemas/common.ts'

export function json<T extends TSchema> (schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } }
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem) } }
})

export const badRequest = problem('Invalid parameters: malformed values, a start date after the end date, unknown parameters, an unknown province or actor, or a bad cursor.')
export const notFound = problem('No resource with that id.')
export const serverError = problem('Unexpected server error. Details are logged, never returned.')

export const listErrors = { 400: badRequest, 500: serverError }
export const itemErrors = { 400: badRequest, 404: notFound, 500: serverError }
