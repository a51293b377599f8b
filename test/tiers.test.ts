/** Every test file belongs to exactly one tier: `npm test` (the core) or one of the heavy `npm run test:<tier>` scripts, all run by `npm run test:all`. */
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'

const root = fileURLToPath(new URL('../', import.meta.url))
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts
const tapBin = fileURLToPath(new URL((JSON.parse(readFileSync(fileURLToPath(import.meta.resolve('tap/package.json')), 'utf8')) as { bin: { tap: string } }).bin.tap, import.meta.resolve('tap/package.json')))

/** The tier scripts: `test` and every `test:<tier>` that runs tap, but not `test:all`, which runs the others. */
const tiers = Object.keys(scripts).filter((name) => (name === 'test' || name.startsWith('test:')) && name !== 'test:all')

/** The test files tap runs for a script, as tap itself lists them (its include and exclude, the script's own file arguments). */
async function filesOf (script: string): Promise<string[]> {
  const command = scripts[script]!
  const match = /^tap(?:\s+(.*))?$/.exec(command)
  if (!match) throw new Error(`${script}: expected "tap [--option=value ...] [files]", got "${command}"`)
  const args = (match[1] ?? '').split(/\s+/).filter((a) => a !== '' && !a.startsWith('-'))
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TAP') && name !== 'NODE_OPTIONS'))
  const { stdout } = await promisify(execFile)(process.execPath, [tapBin, 'list', ...args], { cwd: root, env })
  return stdout.split('\n').filter(Boolean)
}

/** Every *.test.ts under test/, found without tap. */
const testFiles = readdirSync(`${root}test`, { recursive: true }).map(String)
  .filter((f) => f.endsWith('.test.ts')).map((f) => `test/${f.split('\\').join('/')}`).sort()

t.test('each test file is in exactly one tier', async (t) => {
  t.ok(tiers.includes('test'), 'npm test is the core tier')
  const listed = await Promise.all(tiers.map(async (tier) => [tier, await filesOf(tier)] as const))
  const owners = new Map<string, string[]>()
  for (const [tier, files] of listed) {
    t.ok(files.length > 0, `${tier} runs some test files (${files.length})`)
    for (const file of files) owners.set(file, [...owners.get(file) ?? [], tier])
  }
  for (const file of testFiles) {
    const tiersOfFile = owners.get(file) ?? []
    t.equal(tiersOfFile.length, 1, `${file}: ${tiersOfFile.length === 0 ? 'in no tier: add it to a test:<tier> script or let npm test include it' : `in ${tiersOfFile.join(', ')}`}`)
  }
  for (const file of owners.keys()) t.ok(testFiles.includes(file), `${file}: a tier runs only *.test.ts files under test/`)
})

t.test('npm run test:all runs every tier, each once', async (t) => {
  const loop = /\bfor \w+ in ([^;]+);/.exec(scripts['test:all'] ?? '')
  t.ok(loop, 'test:all loops over the tier scripts ("for tier in test test:<tier> ...; do npm run $tier ...")')
  t.same((loop?.[1] ?? '').trim().split(/\s+/).sort(), [...tiers].sort(), 'the tiers test:all runs')
})
