/** npm run data:check and the checker behind it: every problem named with its file, its path in the record and its line. */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t, { type Test } from 'tap'
import { checkRecordFiles, formatProblem } from '../../src/seed/check.ts'
import { readRecordFiles } from '../../src/seed/records.ts'

const run = promisify(execFile)

/** A data folder of the given files (path -> YAML text), removed after the test. */
function dataFolder (t: Test, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'apv-check-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const source = `id: src_probe
title: A probe
kind: news_article
published_on: 2022-01-05
date_precision: day
`
const actor = (id: string, slug: string, aliases: string[] = []) => `id: ${id}
slug: ${slug}
name: ${slug}
kind: armed_group
aliases: [${aliases.join(', ')}]
`
const incident = (extra = '') => `id: inc_probe
title: Probe
occurred_on: 2022-01-03
date_precision: day
province: AF-KAB
type: bombing
reports:
  - source: src_probe
${extra}`

const problemsIn = (dir: string) => checkRecordFiles(readRecordFiles(dir)).map(formatProblem)

t.test('a clean folder has no problem', async (t) => {
  const dir = dataFolder(t, {
    'sources/src_probe.yaml': source,
    'actors/act_a.yaml': actor('act_a', 'group-a', ['GA']),
    'incidents/inc_probe.yaml': incident('responsibility:\n  - { kind: claimed, actor: GA, source: src_probe }\n')
  })
  t.same(problemsIn(dir), [])
})

t.test('schema violations name the file, the path and the line', async (t) => {
  const dir = dataFolder(t, {
    'sources/src_probe.yaml': source,
    'incidents/inc_probe.yaml': incident('colour: red\n').replace('type: bombing', 'type: earthquake').replace('title: Probe\n', '')
  })
  const problems = problemsIn(dir)
  t.ok(problems.some((p) => p.endsWith('/incidents/inc_probe.yaml:1 /title: is required')), 'missing field')
  t.ok(problems.some((p) => p.includes('/incidents/inc_probe.yaml:5 /type: must be one of: suicide_bombing')), 'enum with allowed values and line')
  t.ok(problems.some((p) => p.endsWith('/incidents/inc_probe.yaml:8 /colour: is not a field of this record')), 'unknown field')
})

t.test('references, windows, figures, ids and aliases are checked across files', async (t) => {
  const dir = dataFolder(t, {
    'sources/src_probe.yaml': source,
    'actors/act_a.yaml': actor('act_a', 'group-a', ['Daesh']),
    'actors/act_b.yaml': actor('act_b', 'group-b', ['daesh']),
    'actors/act_c.yaml': actor('act_x', 'group-c'),
    'incidents/inc_probe.yaml': incident(`date_start: 2022-01-04
date_end: 2022-01-10
killed: { best: 5, low: 7 }
responsibility:
  - { kind: claimed, actor: Daesh, source: src_probe }
  - { kind: attributed, actor: nobody, source: src_missing }
related:
  - { incident: inc_probe, kind: same_series }
`)
  })
  const problems = problemsIn(dir)
  const has = (text: string) => t.ok(problems.some((p) => p.includes(text)), text)
  has('/actors/act_a.yaml:5 /aliases/0: "Daesh" is also an alias of act_b: an alias must name one actor')
  has('/id: does not match the file name: name the file act_x.yaml')
  has('/occurred_on: (2022-01-03) is before date_start (2022-01-04)')
  has('/killed: low (7) is above best (5)')
  has('/responsibility/0/actor: "Daesh" is ambiguous')
  has('/responsibility/1/actor: names no actor ("nobody")')
  has('/responsibility/1/source: names no source ("src_missing")')
  has('/related/0/incident: an incident cannot be related to itself')
})

t.test('a YAML syntax error is reported with its line, and the other files are still checked', async (t) => {
  const dir = dataFolder(t, {
    'sources/src_probe.yaml': source,
    'sources/src_bad.yaml': 'id: src_bad\ntitle: [unclosed\n',
    'incidents/inc_probe.yaml': incident().replace('province: AF-KAB', 'province: AF-ZZZ')
  })
  const problems = problemsIn(dir)
  t.ok(problems.some((p) => /\/sources\/src_bad\.yaml:\d+ \/: YAML: /.test(p)), 'the syntax error')
  t.ok(problems.some((p) => p.includes('/province: "AF-ZZZ" is not an ISO 3166-2:AF province code')), 'the other file is checked too')
})

t.test('npm run data:check passes on the curated dataset and fails on a broken folder', async (t) => {
  const ok = await run(process.execPath, ['--import', 'tsx', 'src/scripts/data-check.ts'])
  t.match(ok.stdout, /record files, no problems/, 'the curated dataset is clean')

  const dir = dataFolder(t, { 'data/incidents/inc_probe.yaml': incident() })
  const failed = await run(process.execPath, ['--import', 'tsx', 'src/scripts/data-check.ts', join(dir, 'data')]).then(() => null, (err) => err)
  t.equal(failed?.code, 1, 'exit code 1')
  t.match(failed?.stdout, '/incidents/inc_probe.yaml:8 /reports/0/source: names no source ("src_probe")', 'the problem, located')
  t.match(failed?.stdout, /1 problem in 1 files/, 'a count')
})
