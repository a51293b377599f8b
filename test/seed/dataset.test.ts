/**
 * In-memory checks of the curated seed dataset (no database): referential integrity, identifiers, figure
 * consistency, coverage, and a sample of facts checked against the five seed articles kept in src/seed/articles.
 */
import { readFileSync } from 'node:fs'
import t, { type Test } from 'tap'
import { provinces } from '../../src/domain/provinces.ts'
import { dataset } from '../../src/seed/dataset.ts'
import { seedArticleFiles, SRC_000, SRC_001, SRC_002, SRC_003, SRC_004 } from '../../src/seed/data/sources.ts'

const seedText = (file: string): string =>
  readFileSync(new URL(`../../src/seed/articles/${file}`, import.meta.url), 'utf8')

const articles = new Map<string, string>(
  Object.entries(seedArticleFiles).map(([sourceId, file]) => [sourceId, seedText(file)])
)
const article = (sourceId: string): string => {
  const text = articles.get(sourceId)
  if (text === undefined) throw new Error(`no seed article for ${sourceId}`)
  return text
}
const allArticles = [...articles.values()]

/** Article text for a source, or for the article(s) citing it when it is known only through a citation. */
function textsFor (sourceId: string): string[] {
  const own = articles.get(sourceId)
  if (own !== undefined) return [own]
  return dataset.sourceCitations.filter((c) => c.citedSourceId === sourceId).map((c) => article(c.sourceId))
}

const byId = <T extends { id: string }>(rows: T[]): Map<string, T> => new Map(rows.map((r) => [r.id, r]))
const sourceIds = new Set(dataset.sources.map((s) => s.id))
const actorIds = new Set(dataset.actors.map((a) => a.id))
const incidentIds = new Set(dataset.incidents.map((i) => i.id))
const statementIds = new Set(dataset.statements.map((s) => s.id))
const provinceCodes = new Set(provinces.map((p) => p.code))
const actorsBySlug = new Map(dataset.actors.map((a) => [a.slug, a]))
const incidentById = byId(dataset.incidents)
const statementById = byId(dataset.statements)

const actorId = (slug: string): string => {
  const actor = actorsBySlug.get(slug)
  if (actor === undefined) throw new Error(`no actor with slug ${slug}`)
  return actor.id
}

function incident (predicate: (i: (typeof dataset.incidents)[number]) => boolean) {
  const found = dataset.incidents.filter(predicate)
  if (found.length !== 1) throw new Error(`expected exactly one matching incident, found ${found.length}`)
  return found[0]!
}
const reportOf = (incidentId: string, sourceId: string) =>
  dataset.incidentReports.find((r) => r.incidentId === incidentId && r.sourceId === sourceId)
const responsibilitiesOf = (incidentId: string) => dataset.responsibilities.filter((r) => r.incidentId === incidentId)
const statementsOfIncident = (incidentId: string) =>
  dataset.statementIncidents.filter((l) => l.incidentId === incidentId).map((l) => statementById.get(l.statementId)!)
const sourcesOfStatement = (statementId: string) =>
  dataset.statementSources.filter((l) => l.statementId === statementId).map((l) => l.sourceId)

t.test('ids are unique per table', async (t) => {
  for (const [name, rows] of Object.entries({
    sources: dataset.sources,
    actors: dataset.actors,
    incidents: dataset.incidents,
    incidentReports: dataset.incidentReports,
    statements: dataset.statements,
    responsibilities: dataset.responsibilities
  })) {
    const ids = rows.map((r) => r.id)
    t.equal(new Set(ids).size, ids.length, `${name}: ids unique`)
  }
  const key = (...parts: unknown[]) => parts.join('|')
  const uniq = (name: string, keys: string[]) => t.equal(new Set(keys).size, keys.length, `${name}: keys unique`)
  uniq('sourceCitations', dataset.sourceCitations.map((c) => key(c.sourceId, c.citedSourceId)))
  uniq('incidentReports (incident, source)', dataset.incidentReports.map((r) => key(r.incidentId, r.sourceId)))
  uniq('casualtyBreakdowns', dataset.casualtyBreakdowns.map((b) => key(b.incidentId, b.outcome, b.victimGroup, b.sourceId)))
  uniq('statementIncidents', dataset.statementIncidents.map((l) => key(l.statementId, l.incidentId)))
  uniq('statementSources', dataset.statementSources.map((l) => key(l.statementId, l.sourceId)))
  uniq('responsibilities (incident, actor, kind, source)',
    dataset.responsibilities.map((r) => key(r.incidentId, r.actorId, r.kind, r.sourceId)))
})

t.test('ids follow the prefix conventions', async (t) => {
  const check = (rows: Array<{ id: string }>, prefix: string) => {
    for (const r of rows) t.ok(r.id.startsWith(prefix) && /^[a-z0-9_]+$/.test(r.id), `${r.id} starts with ${prefix}`)
  }
  check(dataset.sources, 'src_')
  check(dataset.actors, 'act_')
  check(dataset.incidents, 'inc_')
  check(dataset.incidentReports, 'rep_')
  check(dataset.statements, 'stm_')
  check(dataset.responsibilities, 'rsp_')
})

t.test('actor slugs are unique and well formed', async (t) => {
  const slugs = dataset.actors.map((a) => a.slug)
  t.equal(new Set(slugs).size, slugs.length, 'slugs unique')
  for (const slug of slugs) t.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, `slug ${slug}`)
  for (const a of dataset.actors) {
    t.equal(a.id, `act_${a.slug.replaceAll('-', '_')}`, `${a.id} matches its slug`)
  }
})

t.test('every foreign key resolves inside the dataset', async (t) => {
  for (const c of dataset.sourceCitations) {
    t.ok(sourceIds.has(c.sourceId), `citation source ${c.sourceId}`)
    t.ok(sourceIds.has(c.citedSourceId), `cited source ${c.citedSourceId}`)
    t.not(c.sourceId, c.citedSourceId, 'a source does not cite itself')
  }
  for (const a of dataset.actors) {
    if (a.parentId != null) {
      t.ok(actorIds.has(a.parentId), `${a.id} parent ${a.parentId}`)
      t.not(a.parentId, a.id, `${a.id} is not its own parent`)
    }
  }
  // no parent cycles
  const actorById = byId(dataset.actors)
  for (const a of dataset.actors) {
    const seen = new Set<string>()
    let cur: string | null | undefined = a.id
    while (cur != null && !seen.has(cur)) { seen.add(cur); cur = actorById.get(cur)?.parentId }
    t.equal(cur, null, `${a.id}: parent chain ends`)
  }
  for (const i of dataset.incidents) {
    if (i.provinceCode != null) t.ok(provinceCodes.has(i.provinceCode), `${i.id} province ${i.provinceCode}`)
  }
  for (const r of dataset.incidentReports) {
    t.ok(incidentIds.has(r.incidentId), `${r.id} incident`)
    t.ok(sourceIds.has(r.sourceId), `${r.id} source`)
  }
  for (const b of dataset.casualtyBreakdowns) {
    t.ok(incidentIds.has(b.incidentId), `breakdown incident ${b.incidentId}`)
    t.ok(sourceIds.has(b.sourceId), `breakdown source ${b.sourceId}`)
    t.ok(b.count >= 0, 'breakdown count non-negative')
  }
  for (const s of dataset.statements) {
    t.ok(actorIds.has(s.speakerId), `${s.id} speaker ${s.speakerId}`)
    if (s.onBehalfOfId != null) t.ok(actorIds.has(s.onBehalfOfId), `${s.id} on behalf of ${s.onBehalfOfId}`)
  }
  for (const l of dataset.statementIncidents) {
    t.ok(statementIds.has(l.statementId), `statement_incidents statement ${l.statementId}`)
    t.ok(incidentIds.has(l.incidentId), `statement_incidents incident ${l.incidentId}`)
  }
  for (const l of dataset.statementSources) {
    t.ok(statementIds.has(l.statementId), `statement_sources statement ${l.statementId}`)
    t.ok(sourceIds.has(l.sourceId), `statement_sources source ${l.sourceId}`)
  }
  for (const r of dataset.responsibilities) {
    t.ok(incidentIds.has(r.incidentId), `${r.id} incident`)
    t.ok(actorIds.has(r.actorId), `${r.id} actor`)
    t.ok(sourceIds.has(r.sourceId), `${r.id} source`)
    if (r.statementId != null) t.ok(statementIds.has(r.statementId), `${r.id} statement ${r.statementId}`)
  }
})

type Figures = {
  killedLow?: number | null, killedBest?: number | null, killedHigh?: number | null,
  woundedLow?: number | null, woundedBest?: number | null, woundedHigh?: number | null
}
function checkFigures (t: Test, label: string, f: Figures) {
  for (const name of ['killed', 'wounded'] as const) {
    const low = f[`${name}Low`] ?? null
    const best = f[`${name}Best`] ?? null
    const high = f[`${name}High`] ?? null
    for (const v of [low, best, high]) if (v !== null) t.ok(Number.isInteger(v) && v >= 0, `${label} ${name} integer >= 0`)
    if (low !== null && best !== null) t.ok(low <= best, `${label} ${name} low <= best`)
    if (best !== null && high !== null) t.ok(best <= high, `${label} ${name} best <= high`)
    if (low !== null && high !== null) t.ok(low <= high, `${label} ${name} low <= high`)
  }
}

t.test('figures: low <= best <= high wherever set', async (t) => {
  for (const i of dataset.incidents) checkFigures(t, i.id, i)
  for (const r of dataset.incidentReports) checkFigures(t, r.id, r)
})

t.test('incident figures reconcile the per-source reports', async (t) => {
  for (const i of dataset.incidents) {
    const reports = dataset.incidentReports.filter((r) => r.incidentId === i.id)
    for (const name of ['killed', 'wounded'] as const) {
      const lows = reports.map((r) => r[`${name}Low`]).filter((v): v is number => v != null)
      if (lows.length > 0) t.equal(i[`${name}Low`], Math.min(...lows), `${i.id} ${name} low = min of reports`)
      const highs = reports.map((r) => r[`${name}High`]).filter((v): v is number => v != null)
      const incHigh = i[`${name}High`]
      if (incHigh != null) t.equal(incHigh, Math.max(...highs), `${i.id} ${name} high = max of reports`)
      if (lows.length === 0) t.equal(i[`${name}Best`] ?? null, null, `${i.id} ${name}: no report figure, so null`)
    }
  }
})

t.test('dates and precisions are consistent', async (t) => {
  const iso = /^\d{4}-\d{2}-\d{2}$/
  for (const s of dataset.sources) {
    t.equal(s.publishedOn == null, s.publishedOnPrecision == null, `${s.id} date and precision together`)
    if (s.publishedOn != null) t.match(s.publishedOn, iso)
    t.equal(s.url, null, `${s.id}: no URL invented`)
  }
  for (const r of dataset.incidentReports) {
    t.equal(r.occurredOn == null, r.datePrecision == null, `${r.id} date and precision together`)
  }
  for (const i of dataset.incidents) {
    t.match(i.occurredOn, iso)
    t.ok(i.occurredOn >= '2021-08-15', `${i.id} is after the Taliban takeover`)
    const coords = [i.latitude, i.longitude, i.locationPrecision].map((v) => v == null)
    t.ok(coords.every((v) => v) || coords.every((v) => !v), `${i.id} coordinates all set or all null`)
  }
  for (const s of dataset.statements) t.match(s.saidOn, iso)
})

t.test('coverage: reports, sources, responsibilities', async (t) => {
  for (const i of dataset.incidents) {
    t.ok(dataset.incidentReports.some((r) => r.incidentId === i.id), `${i.id} has at least one report`)
  }
  for (const s of dataset.statements) {
    t.ok(dataset.statementSources.some((l) => l.statementId === s.id), `${s.id} has at least one source`)
    t.ok(s.text.trim().length > 0, `${s.id} has text`)
  }
  for (const r of dataset.responsibilities) t.ok(r.sourceId, `${r.id} has a source`)
  t.ok(dataset.incidents.length >= 15, `${dataset.incidents.length} incidents`)
  t.ok(dataset.actors.length >= 40, `${dataset.actors.length} actors`)
  t.ok(dataset.statements.length >= 30, `${dataset.statements.length} statements`)
  t.ok(dataset.sources.length >= 15, `${dataset.sources.length} sources`)
})

t.test('words attributed to the articles appear verbatim in them', async (t) => {
  for (const s of dataset.statements.filter((s) => s.textKind === 'quote')) {
    const texts = sourcesOfStatement(s.id).flatMap(textsFor)
    t.ok(texts.length > 0, `${s.id}: a seed article reports it`)
    t.ok(texts.some((text) => text.includes(s.text)), `${s.id}: quote is verbatim`)
    t.ok(texts.some((text) => text.includes(`“${s.text}`)), `${s.id}: quote starts at a quotation mark`)
  }
  for (const r of dataset.incidentReports) {
    if (r.excerpt == null) continue
    t.ok(textsFor(r.sourceId).some((text) => text.includes(r.excerpt!)), `${r.id}: excerpt is verbatim`)
  }
  for (const c of dataset.sourceCitations) {
    if (c.context == null) continue
    t.ok(article(c.sourceId).includes(c.context), `${c.sourceId} -> ${c.citedSourceId}: context is verbatim`)
  }
  for (const s of dataset.sources.filter((s) => articles.has(s.id) && s.title != null)) {
    t.ok(article(s.id).includes(s.title!), `${s.id}: title as printed`)
  }
  // every actor name or an alias appears in at least one article, except bodies implied by an official's title
  const impliedBy: Record<string, string> = {
    'us-department-of-state': 'US Secretary of State Antony Blinken',
    'tajikistan-ministry-of-foreign-affairs': 'Deputy Minister of Foreign Affairs of Tajikistan'
  }
  for (const a of dataset.actors) {
    const names = [a.name, ...(a.aliases ?? [])]
    const implied = impliedBy[a.slug]
    if (implied !== undefined) {
      t.ok(allArticles.some((text) => text.includes(implied)), `${a.slug} is implied by "${implied}"`)
    } else {
      t.ok(names.some((n) => allArticles.some((text) => text.includes(n))), `${a.slug} is named in the articles`)
    }
  }
})

t.test('sample of facts from the articles', async (t) => {
  // 1. The Jalalabad blasts of 18 Sept 2021: article 000 says 3 killed / 18 wounded, article 001 says 8 killed.
  const jalalabadSept = incident((i) => i.occurredOn === '2021-09-18' && i.provinceCode === 'AF-NAN')
  const r000 = reportOf(jalalabadSept.id, SRC_000)
  const r001 = reportOf(jalalabadSept.id, SRC_001)
  t.match(r000, { killedBest: 3, woundedBest: 18, occurredOn: '2021-09-18' }, '000: 3 killed, 18 wounded on 18 Sept')
  t.match(r001, { killedBest: 8, occurredOn: '2021-09-19' }, '001: 8 killed, "September 19th’s blasts"')
  t.equal(r001?.woundedBest, null, '001 gives no wounded figure')
  t.match(jalalabadSept, { killedLow: 3, killedBest: 8, killedHigh: 8 }, 'incident keeps the range 3..8')
  t.ok(article(SRC_000).includes('leaving three dead and 18 injured'))
  t.ok(article(SRC_001).includes('killing eight people'))

  // 2. Kabul military hospital, 2021-11-02: claimed by ISKP per 000; 003 keeps "no immediate claim".
  const hospital = incident((i) => i.occurredOn === '2021-11-02' && i.targets?.includes('hospital') === true)
  t.equal(hospital.datePrecision, 'day')
  const hospitalClaims = responsibilitiesOf(hospital.id).filter((r) => r.kind === 'claimed')
  t.same(hospitalClaims.map((r) => [r.actorId, r.sourceId]), [[actorId('iskp'), SRC_000]], 'claimed by ISKP per 000 only')
  t.ok(hospitalClaims[0]?.statementId, 'the claim has a statement')
  t.notOk(responsibilitiesOf(hospital.id).some((r) => r.sourceId === SRC_003 && r.kind === 'claimed'), '003 has no claim')
  t.match(reportOf(hospital.id, SRC_003)?.notes, /no immediate claim of responsibility/, '003 report keeps "no immediate claim"')
  t.ok(article(SRC_003).includes('there was no immediate claim of responsibility'))

  // 3. Pakistani embassy attack on Friday 2 December 2022, claimed by ISKP, one security guard wounded.
  const embassy = incident((i) => i.targets?.includes('diplomatic_mission') === true)
  t.match(embassy, { occurredOn: '2022-12-02', datePrecision: 'day', provinceCode: 'AF-KAB', woundedBest: 1 })
  t.equal(embassy.killedBest, null, 'no death reported: null, not zero')
  t.ok(responsibilitiesOf(embassy.id).some((r) => r.kind === 'claimed' && r.actorId === actorId('iskp')))
  t.ok(dataset.casualtyBreakdowns.some((b) => b.incidentId === embassy.id && b.outcome === 'wounded' &&
    b.victimGroup === 'security_personnel' && b.count === 1))

  // 4. Article 004 is dated by "three days ago (Friday, December 2nd)".
  const src004 = dataset.sources.find((s) => s.id === SRC_004)!
  t.match(src004, { publishedOn: '2022-12-05', publishedOnPrecision: 'day', author: 'Fahim Amin', publisher: 'Hasht-e Subh' })
  t.ok(article(SRC_004).includes('three days ago (Friday, December 2nd)'))
  t.equal(new Date('2022-12-02T00:00:00Z').getUTCDay(), 5, '2022-12-02 is a Friday')

  // 5. Kaj academy: "two months and seven days ago" from 2022-12-05.
  const d = new Date('2022-12-05T00:00:00Z')
  d.setUTCMonth(d.getUTCMonth() - 2)
  d.setUTCDate(d.getUTCDate() - 7)
  const kajDate = d.toISOString().slice(0, 10)
  t.equal(kajDate, '2022-09-28')
  const kaj = incident((i) => i.title.includes('Kaj'))
  t.equal(kaj.occurredOn, kajDate, 'Kaj attack resolved from the relative date')
  t.match(reportOf(kaj.id, SRC_004), { occurredOn: kajDate, datePrecision: 'day', killedLow: 53, killedHigh: null, woundedLow: 110 })
  t.ok(responsibilitiesOf(kaj.id).some((r) => r.kind === 'attributed' && r.actorId === actorId('iskp') &&
    statementById.get(r.statementId ?? '')?.speakerId === actorId('taliban')), 'the Taliban attribute it to ISKP')

  // 6. Aybak madrassa: Wednesday = 2022-11-30; UNAMA 19 killed / 23 wounded; 20 children among the dead.
  const aybak = incident((i) => i.provinceCode === 'AF-SAM')
  t.match(aybak, { occurredOn: '2022-11-30', datePrecision: 'day', killedBest: 19, woundedBest: 23 })
  const unamaReport = dataset.incidentReports.find((r) => r.incidentId === aybak.id &&
    dataset.sources.find((s) => s.id === r.sourceId)?.kind === 'un_report')
  t.match(unamaReport, { killedBest: 19, woundedBest: 23 }, 'UNAMA report figures')
  t.ok(dataset.casualtyBreakdowns.some((b) => b.incidentId === aybak.id && b.outcome === 'killed' &&
    b.victimGroup === 'children' && b.count === 20))

  // 7. Kabul airport, 26 Aug 2021: 169 Afghans + 13 US service members.
  const airport = incident((i) => i.targets?.includes('airport') === true)
  t.match(airport, { occurredOn: '2021-08-26', killedBest: 182, type: 'suicide_bombing' })
  t.ok(dataset.casualtyBreakdowns.some((b) => b.incidentId === airport.id && b.victimGroup === 'foreign_military' && b.count === 13))

  // 8. Kandahar and Kunduz: "no one has claimed" and, later, the group claimed (via Anadolu).
  for (const code of ['AF-KAN', 'AF-KDZ']) {
    const inc = incident((i) => i.provinceCode === code)
    t.match(inc, { occurredOn: '2021-10-01', datePrecision: 'month' })
    const claim = responsibilitiesOf(inc.id).find((r) => r.kind === 'claimed')
    t.match(claim, { actorId: actorId('iskp'), sourceId: SRC_003 }, `${code}: claimed row sourced to 003`)
    t.ok(sourcesOfStatement(claim?.statementId ?? '').some((s) => dataset.sources.find((x) => x.id === s)?.publisher === 'Anadolu Agency'),
      `${code}: the claim statement is also sourced to Anadolu`)
    t.match(reportOf(inc.id, SRC_003)?.excerpt, /no one has claimed responsibility/)
  }
  t.match(incident((i) => i.provinceCode === 'AF-KDZ'), { killedLow: 101, killedBest: 120 })

  // 9. Mujahid's denial and pledge, verbatim.
  const mujahid = dataset.statements.filter((s) => s.speakerId === actorId('zabihullah-mujahid'))
  const denial = mujahid.find((s) => s.text === 'We do not see anyone in Afghanistan who has anything to do with al Qaeda')
  t.match(denial, { kind: 'denial', textKind: 'quote', saidOn: '2021-09-21', onBehalfOfId: actorId('taliban') })
  const pledge = mujahid.find((s) => s.kind === 'pledge' && s.text.startsWith('We are committed'))
  t.equal(pledge?.text, 'We are committed to the fact that, from Afghanistan, there will not be any danger to any country.')

  // 10. Jalalabad 7 Nov 2021: at least three killed, several wounded (null), ISIS-K suspected.
  const jalalabadNov = incident((i) => i.occurredOn === '2021-11-07')
  t.match(jalalabadNov, { killedLow: 3, killedBest: 3, killedHigh: null, woundedBest: null })
  t.same(responsibilitiesOf(jalalabadNov.id).map((r) => [r.actorId, r.kind]), [[actorId('iskp'), 'suspected']])

  // 11. Charan Singh blast on Saturday 3 Dec 2022: six civilians injured, ISKP suspected, not claimed.
  const charan = incident((i) => i.occurredOn === '2022-12-03')
  t.match(charan, { provinceCode: 'AF-NAN', type: 'ied', woundedBest: 6, killedBest: null })
  t.same(responsibilitiesOf(charan.id).map((r) => r.kind), ['suspected'])

  // 12. Hizb-e-Islami office on Friday 2 Dec 2022: one worshipper killed, two injured; Hekmatyar condemned it.
  const hizb = incident((i) => i.targets?.includes('political_party') === true)
  t.match(hizb, { occurredOn: '2022-12-02', killedBest: 1, woundedBest: 2 })
  t.ok(statementsOfIncident(hizb.id).some((s) => s.speakerId === actorId('gulbuddin-hekmatyar') && s.kind === 'condemnation'))
  t.equal(statementsOfIncident(hizb.id).filter((s) => s.kind === 'condemnation').length, 3, 'Hekmatyar, Karzai, Abdullah')

  // 13. Herat: Injil 4 killed / 3 wounded; minibus 5 killed / 18 wounded claimed by ISKP; Fargh Shahr 14 killed.
  const herat = dataset.incidents.filter((i) => i.provinceCode === 'AF-HER')
  t.equal(herat.length, 3)
  for (const i of herat) t.equal(i.datePrecision, 'month', `${i.id}: undated in the article, month precision`)
  t.match(incident((i) => i.district === 'Injil'), { killedBest: 4, woundedBest: 3 })
  const minibus = incident((i) => i.title.includes('minibus'))
  t.match(minibus, { killedBest: 5, woundedBest: 18 })
  t.ok(responsibilitiesOf(minibus.id).some((r) => r.kind === 'claimed' && r.actorId === actorId('iskp')))
  t.match(incident((i) => i.place === 'Fargh Shahr area'), { killedBest: 14, woundedBest: null })

  // 14. Early-October Kabul Eid Gah blast: 12 killed, 32 wounded, month precision.
  t.match(incident((i) => i.id.includes('eid_gah')), { occurredOn: '2021-10-01', datePrecision: 'month', killedBest: 12, woundedBest: 32 })

  // 15. Actors: ISKP is a branch of the Islamic State; spokesmen and ministries have parents.
  t.equal(actorsBySlug.get('iskp')?.parentId, actorId('islamic-state'))
  for (const alias of ['ISIS-K', 'IS-K', 'ISKP', 'Islamic State of Khorasan', 'Islamic State in Khurasan Province']) {
    t.ok(actorsBySlug.get('iskp')?.aliases?.includes(alias), `ISKP alias ${alias}`)
  }
  t.equal(actorsBySlug.get('zabihullah-mujahid')?.parentId, actorId('taliban'))
  t.equal(actorsBySlug.get('pakistan-ministry-of-foreign-affairs')?.parentId, actorId('pakistan'))
  t.equal(actorsBySlug.get('unama')?.parentId, actorId('united-nations'))

  // 16. Article dates and provenance.
  t.match(dataset.sources.find((s) => s.id === SRC_000), { publishedOn: '2021-11-07', publisher: null, author: 'News Desk' })
  t.match(dataset.sources.find((s) => s.id === SRC_001), { publishedOn: '2021-09-21', author: 'Tyler Durden' })
  t.match(dataset.sources.find((s) => s.id === SRC_002), { publishedOn: '2021-09-24' })
  t.match(dataset.sources.find((s) => s.id === SRC_003), { publishedOn: '2021-11-02', publishedOnPrecision: 'week', title: null })
  t.ok(dataset.sourceCitations.some((c) => c.sourceId === SRC_001 &&
    dataset.sources.find((s) => s.id === c.citedSourceId)?.publisher === 'SouthFront'), '001 is via Southfront')

  // 17. Blinken spoke "yesterday" relative to 2021-09-24.
  t.ok(dataset.statements.some((s) => s.speakerId === actorId('antony-blinken') && s.saidOn === '2021-09-23' && s.datePrecision === 'day'))

  // 18. Rina Amiri's tweet, verbatim, reported by 004 and the tweet itself.
  const amiri = dataset.statements.filter((s) => s.speakerId === actorId('rina-amiri'))
  t.equal(amiri.length, 2)
  for (const s of amiri) {
    t.equal(s.textKind, 'quote')
    t.ok(article(SRC_004).includes(s.text))
    t.ok(sourcesOfStatement(s.id).some((id) => dataset.sources.find((x) => x.id === id)?.kind === 'social_media'))
    t.ok(statementsOfIncident(aybak.id).includes(s))
  }
})

t.test('every incident is placed in time and space honestly', async (t) => {
  for (const i of dataset.incidents) {
    if (i.latitude != null) {
      t.equal(i.locationPrecision, 'city', `${i.id}: only city centres`)
    }
    const reports = dataset.incidentReports.filter((r) => r.incidentId === i.id)
    const articleReports = reports.filter((r) => articles.has(r.sourceId))
    t.ok(articleReports.length > 0, `${i.id}: reported by at least one seed article`)
    t.ok(incidentById.get(i.id) === i)
  }
})
