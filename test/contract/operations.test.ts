/** Spec-driven contract test, reads: the document describes every operation fully, and every GET (public ones, and those behind a key) answers valid and hostile requests as documented. */
import t from 'tap'
import { contractSuite } from './suite.ts'

await contractSuite(t, 'reads', 'operations.test.ts')
