// @ts-nocheck -- the TypeScript dataset, kept only until the record files replace it
/** The curated seed dataset (from the five seed articles kept in src/seed/articles), one array of rows per table. */
import type { Dataset } from './types.ts'
import { actors } from './data/actors.ts'
import { casualtyBreakdowns, incidentReports, incidents } from './data/incidents.ts'
import { responsibilities } from './data/responsibilities.ts'
import { sourceCitations, sources } from './data/sources.ts'
import { statementIncidents, statementSources, statements } from './data/statements.ts'

export const dataset: Dataset = {
  sources,
  sourceCitations,
  actors,
  incidents,
  incidentReports,
  casualtyBreakdowns,
  statements,
  statementIncidents,
  statementSources,
  responsibilities
}
