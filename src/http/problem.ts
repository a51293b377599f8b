/** Errors the API raises on purpose, rendered as RFC 9457 problem details by the one error handler. */
import type { ProblemBody } from '../schemas/common.ts'

export type ValidationIssue = NonNullable<ProblemBody['errors']>[number]

/** Problem `type` URIs are relative references: /problems/<code>, one per stable `code`. */
export const problemTypeBase = '/problems/'

export class ApiError extends Error {
  constructor (
    readonly statusCode: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly errors?: ValidationIssue[]
  ) {
    super(detail)
  }
}

/** A 400 for one bad input. */
export function invalidParameter (name: string, message: string, where: ValidationIssue['in'] = 'query'): ApiError {
  return new ApiError(400, 'invalid_parameter', 'Invalid request parameters', `${name} ${message}`, [{ in: where, name, message }])
}

export function notFound (what: string, id: string): ApiError {
  return new ApiError(404, 'not_found', 'Resource not found', `No ${what} with id "${id}"`)
}
