/**
 * Fills a database with deterministic synthetic data shaped like the real record, for benchmarks: set-based inserts
 * in chunks, all in one transaction (a run that fails leaves nothing behind), then VACUUM ANALYZE of what it filled.
 */
import { inArray, sql } from 'drizzle-orm'
import type { Database } from '../../db/client.ts'
import { rebuildSummaries } from '../../core/stats/summary.ts'
import { actors, provinces } from '../../db/schema.ts'
import { actorCount, benchActors } from './actors.ts'
import { breakdownsStep } from './breakdowns.ts'
import { deleteBenchRows, findBenchRows } from './existing.ts'
import { incidentsStep } from './incidents.ts'
import { chunks, seedSizes, type SeedOptions, type SeedSizes } from './options.ts'
import { participantsStep } from './participants.ts'
import { provinceShares } from './provinces.ts'
import { reportsStep } from './reports.ts'
import { responsibilitiesStep } from './responsibilities.ts'
import { sourcesStep } from './sources.ts'
import { statementIncidentsStep, statementSourcesStep } from './statement-links.ts'
import { statementsStep } from './statements.ts'
import { insertedRows, type SeedStep } from './step.ts'

export interface SeedStepReport { step: string, rows: number, ms: number }

export interface SeedResult {
  /** `present`: the synthetic rows for this size were already there, and nothing was done. */
  status: 'seeded' | 'present'
  sizes: SeedSizes
  steps: SeedStepReport[]
}

/** In the order foreign keys need. */
const steps: SeedStep[] = [
  sourcesStep, incidentsStep, reportsStep, responsibilitiesStep, participantsStep, breakdownsStep,
  statementsStep, statementIncidentsStep, statementSourcesStep
]

const filledTables = ['actors', ...steps.map((s) => s.table), 'incident_summary', 'responsibility_summary']

/**
 * Seeds `incidents` synthetic incidents and everything that scales with them, after deleting synthetic rows of
 * another size (or of any size with `reset`). The database must be migrated with the provinces loaded
 * (bootstrapDatabase does both). The VACUUM at the end runs outside the transaction, under the connection's own
 * statement timeout: open the database with a timeout that allows it (0 for none) for millions of rows.
 */
export async function seedBenchData (db: Database, options: SeedOptions): Promise<SeedResult> {
  const sizes = seedSizes(options.incidents)
  const emit = options.onProgress ?? (() => {})
  const reports: SeedStepReport[] = []
  const timed = async (step: string, total: number, run: (advance: (done: number) => void) => Promise<number>) => {
    emit({ type: 'start', step, total })
    const started = performance.now()
    const rows = await run((done) => emit({ type: 'advance', step, done, total }))
    const ms = Math.round(performance.now() - started)
    emit({ type: 'end', step, rows, ms })
    reports.push({ step, rows, ms })
  }

  const found = await findBenchRows(db)
  if (!options.reset && found.seeded === sizes.incidents && found.incidents === sizes.incidents) {
    return { status: 'present', sizes, steps: [] }
  }
  await requireProvinces(db)
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database
    await t.execute(sql`set local statement_timeout = 0`)
    await t.execute(sql`set local lock_timeout = '1min'`)
    await t.execute(sql`set local work_mem = '64MB'`)
    if (found.incidents > 0 || found.others) await timed('reset', 1, () => deleteBenchRows(t))
    await timed('actors', actorCount, async () => {
      await t.insert(actors).values(benchActors())
      return actorCount
    })
    for (const step of steps) {
      const total = step.units(sizes)
      await timed(step.table, total, async (advance) => {
        let rows = 0
        for (const [from, to] of chunks(total)) {
          rows += await insertedRows(t, step.insert(sizes, from, to))
          advance(to)
        }
        return rows
      })
    }
    // Rows inserted here bypass the write path, which keeps the statistics' summaries in step: made anew from all.
    await timed('summaries', 2, async () => {
      await rebuildSummaries(t)
      return 2
    })
  })
  await timed('vacuum analyze', filledTables.length, async (advance) => {
    for (const [i, table] of filledTables.entries()) {
      await db.execute(sql`vacuum (analyze) ${sql.identifier(table)}`)
      advance(i + 1)
    }
    return 0
  })
  return { status: 'seeded', sizes, steps: reports }
}

async function requireProvinces (db: Database): Promise<void> {
  const codes = provinceShares.map((p) => p.code)
  const rows = await db.select({ code: provinces.code }).from(provinces).where(inArray(provinces.code, codes))
  const missing = codes.filter((c) => !rows.some((r) => r.code === c))
  if (missing.length > 0) {
    throw new Error(`The provinces table lacks ${missing.join(', ')}: bootstrap the database (migrations and dataset) before seeding`)
  }
}
