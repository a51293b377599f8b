/** The whole result of a statement query, for exports: every statement it matches, in the list's order, read through a cursor. */
import type { CursorQuery } from '../../db/cursor.ts'
import type { StatementExportView } from '../../export/columns/statements.ts'
import { hydrateStatements, statementMatch, statementSelect, type StatementJoinRow, type StatementQuery } from './queries.ts'

export function statementExport (query: StatementQuery, limit?: number): CursorQuery<StatementJoinRow, StatementExportView> {
  return {
    select: (tx) => {
      const select = statementSelect(tx, statementMatch(tx, query))
      return limit === undefined ? select : select.limit(limit)
    },
    map: hydrateStatements
  }
}
