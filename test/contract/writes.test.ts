/**
 * Spec-driven contract test, writes: every operation that changes data (records and API keys), with a key of the
 * scope it documents and without (401, 403), valid requests on items the test creates, hostile parameters, bodies and
 * If-Match headers; then the change feed over all of it, and deletes refused for records in use.
 */
import t from 'tap'
import { contractSuite } from './suite.ts'

await contractSuite(t, 'writes', 'writes.test.ts')
