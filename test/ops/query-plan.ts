/** Runs a request's SQL under EXPLAIN ANALYZE and finds what does not scale: sequential scans of large tables, sorts of whole results. */
import type postgres from 'postgres'

export interface CapturedQuery { sql: string, params: unknown[] }

/** Tables that grow with the record (a million incidents and their reports); the rest are small reference tables. */
export const largeTables = new Set([
  'incidents', 'incident_reports', 'responsibilities', 'casualty_breakdowns', 'incident_participants', 'statements',
  'statement_incidents', 'statement_sources', 'sources', 'revisions', 'changes'
])

interface PlanNode {
  'Node Type': string
  'Relation Name'?: string
  'Index Name'?: string
  'Actual Rows'?: number
  'Actual Loops'?: number
  'Rows Removed by Filter'?: number
  'Rows Removed by Index Recheck'?: number
  'Sort Key'?: string[]
  Plans?: PlanNode[]
}

export interface PlanProblem { kind: 'seq_scan' | 'sort' | 'read'; detail: string }

/** Sorting more rows than this is sorting the whole result, not a page. */
export const maxSortedRows = 1000

/** Reading more rows than this from one large table (10% of the 100,000 incidents) is walking through most of it. */
export const maxReadRows = 10_000

export function planProblems (plan: PlanNode): PlanProblem[] {
  const problems: PlanProblem[] = []
  const visit = (node: PlanNode) => {
    if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] && largeTables.has(node['Relation Name'])) {
      problems.push({ kind: 'seq_scan', detail: `Seq Scan on ${node['Relation Name']}` })
    }
    if (node['Relation Name'] && largeTables.has(node['Relation Name']) && node['Node Type'] !== 'Bitmap Index Scan') {
      const read = ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * (node['Actual Loops'] ?? 1)
      if (read > maxReadRows) problems.push({ kind: 'read', detail: `${node['Node Type']} reads ${read} rows of ${node['Relation Name']}` })
    }
    if (node['Node Type'] === 'Sort' || node['Node Type'] === 'Incremental Sort') {
      const input = (node.Plans ?? []).reduce((sum, child) => sum + (child['Actual Rows'] ?? 0) * (child['Actual Loops'] ?? 1), 0)
      if (input > maxSortedRows) problems.push({ kind: 'sort', detail: `Sort of ${input} rows by ${(node['Sort Key'] ?? []).join(', ')}` })
    }
    for (const child of node.Plans ?? []) visit(child)
  }
  visit(plan)
  return problems
}

/** Summary of a plan: node types with their relations/indexes, one per line, indented. */
export function planOutline (plan: PlanNode, depth = 0): string {
  const label = [plan['Node Type'], plan['Relation Name'] && `on ${plan['Relation Name']}`, plan['Index Name'] && `using ${plan['Index Name']}`,
    `rows=${plan['Actual Rows']}${(plan['Actual Loops'] ?? 1) > 1 ? `x${plan['Actual Loops']}` : ''}`].filter(Boolean).join(' ')
  return [`${'  '.repeat(depth)}${label}`, ...(plan.Plans ?? []).map((p) => planOutline(p, depth + 1))].join('\n')
}

/** A value as an SQL literal of unknown type (PostgreSQL casts it to the parameter's type). */
export function literal (value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return literal(value.toISOString())
  if (Array.isArray(value)) return literal(`{${value.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`)
  return `'${String(value).replace(/'/g, "''")}'`
}

/**
 * The plan PostgreSQL runs for a query as the service sends it (a prepared statement), generic or custom: under
 * plan_cache_mode `mode`, EXPLAIN ANALYZE EXECUTE of a PREPAREd copy with the request's values.
 */
export async function explain (sql: postgres.Sql, query: CapturedQuery, mode: 'force_generic_plan' | 'force_custom_plan'): Promise<PlanNode & { executionMs: number }> {
  return sql.begin(async (tx) => {
    await tx.unsafe(`set local plan_cache_mode = ${mode}`)
    await tx.unsafe(`prepare plan_check as ${query.sql}`).simple()
    try {
      const args = query.params.map(literal).join(', ')
      const rows = await tx.unsafe(`explain (analyze, format json) execute plan_check${args ? `(${args})` : ''}`)
      const [row] = rows as unknown as Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode, 'Execution Time': number }> }>
      const result = row!['QUERY PLAN'][0]!
      return { ...result.Plan, executionMs: result['Execution Time'] }
    } finally {
      await tx.unsafe('deallocate plan_check')
    }
  })
}
