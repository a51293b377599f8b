/**
 * Finds what a change to the OpenAPI document would break for a published client: removed or renamed
 * operations, parameters, statuses, content types, response headers, response properties, enum values and
 * component schemas, and narrowed parameters. Additions (operations, optional parameters, statuses,
 * response properties, enum values, components) are allowed: clients must tolerate them.
 */
// Hand-written: openapi-diff 0.24 (Atlassian) rejects OpenAPI 3.1 documents ("Unsupported OpenAPI version: 3.1.0").

export interface BreakingChange { path: string, message: string }

type Node = Record<string, unknown>
/** Requests may not narrow (the server must accept what it accepted); responses may not widen (clients must understand what they get). */
type Direction = 'request' | 'response'
interface Context { previous: Node, current: Node, changes: BreakingChange[], seen: Set<string> }
interface Variant { schema: Node, name?: string }
/** What a schema admits: its non-null variants, whether null is allowed, its types, and its enum values if every variant is an enum. */
interface Shape { values: Variant[], nullable: boolean, types: Set<string>, enum?: Set<string> }

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
const LOWER_BOUNDS = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems'] as const
const UPPER_BOUNDS = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems'] as const
const SCHEMA_REF = '#/components/schemas/'
const MAX_DEPTH = 64

const node = (value: unknown): Node => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value as Node : {})
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const show = (values: Iterable<string>): string => [...values].join(' | ') || '(none)'

export function findBreakingChanges (previous: object, current: object): BreakingChange[] {
  const context: Context = { previous: node(previous), current: node(current), changes: [], seen: new Set() }
  compareOperations(context)
  compareComponents(context)
  return context.changes
}

export function formatBreakingChanges (changes: BreakingChange[]): string {
  if (changes.length === 0) return 'No breaking changes.'
  const lines = changes.map((change) => `  - ${change.path}: ${change.message}`)
  return [`${changes.length} breaking change${changes.length === 1 ? '' : 's'}:`, ...lines].join('\n')
}

/** The newest `vX.Y.Z.json` among release file names, by semantic version. */
export function newestRelease (fileNames: string[]): string | undefined {
  const version = (name: string): number[] => (/^v(\d+)\.(\d+)\.(\d+)\.json$/.exec(name) ?? []).slice(1).map(Number)
  const releases = fileNames.filter((name) => version(name).length === 3)
  const newer = (a: string, b: string): number => version(b).reduce((d, n, i) => d || n - (version(a)[i] ?? 0), 0)
  return releases.sort(newer)[0]
}

function report (context: Context, path: string, message: string): void {
  if (!context.changes.some((c) => c.path === path && c.message === message)) context.changes.push({ path, message })
}

/** Follows `$ref`s (JSON pointers inside the document) to the object they name. */
function resolve (document: Node, value: unknown, hops = 0): Node {
  const ref = node(value).$ref
  if (typeof ref !== 'string' || !ref.startsWith('#/') || hops > MAX_DEPTH) return node(value)
  const target = ref.slice(2).split('/').reduce<unknown>((at, key) => node(at)[key.replace(/~1/g, '/').replace(/~0/g, '~')], document)
  return resolve(document, target, hops + 1)
}

function schemaName (value: unknown): string | undefined {
  const ref = node(value).$ref
  return typeof ref === 'string' && ref.startsWith(SCHEMA_REF) ? ref.slice(SCHEMA_REF.length) : undefined
}

function compareComponents (context: Context): void {
  const current = node(node(context.current.components).schemas)
  for (const name of Object.keys(node(node(context.previous.components).schemas))) {
    if (!(name in current)) report(context, `components.schemas.${name}`, 'component schema removed or renamed (generated SDK type names are part of the contract)')
  }
}

function compareOperations (context: Context): void {
  for (const [path, previousItem] of Object.entries(node(context.previous.paths))) {
    const currentItem = node(node(context.current.paths)[path])
    for (const method of METHODS.filter((m) => m in node(previousItem))) {
      const at = `${method.toUpperCase()} ${path}`
      const previous = node(node(previousItem)[method])
      const current = node(currentItem[method])
      if (!(method in currentItem)) { report(context, at, 'operation removed'); continue }
      if (previous.operationId !== undefined && previous.operationId !== current.operationId) {
        report(context, at, `operationId changed from ${String(previous.operationId)} to ${String(current.operationId)}`)
      }
      compareParameters(context, at, parameters(context.previous, node(previousItem), previous), parameters(context.current, currentItem, current))
      compareResponses(context, at, node(previous.responses), node(current.responses))
    }
  }
}

/** Path-level and operation-level parameters, keyed by location and name (header names are case-insensitive). */
function parameters (document: Node, item: Node, operation: Node): Map<string, Node> {
  const byKey = new Map<string, Node>()
  for (const raw of [...array(item.parameters), ...array(operation.parameters)]) {
    const parameter = resolve(document, raw)
    const name = parameter.in === 'header' ? String(parameter.name).toLowerCase() : String(parameter.name)
    byKey.set(`${String(parameter.in)} parameter "${name}"`, parameter)
  }
  return byKey
}

function compareParameters (context: Context, at: string, previous: Map<string, Node>, current: Map<string, Node>): void {
  for (const [key, before] of previous) {
    const after = current.get(key)
    if (!after) { report(context, `${at} > ${key}`, 'parameter removed'); continue }
    if (before.required !== true && after.required === true) report(context, `${at} > ${key}`, 'parameter is now required')
    compareSchema(context, before.schema, after.schema, `${at} > ${key}`, 'request', 0)
  }
  for (const [key, after] of current) {
    if (!previous.has(key) && after.required === true) report(context, `${at} > ${key}`, 'new required parameter')
  }
}

function compareResponses (context: Context, at: string, previous: Node, current: Node): void {
  for (const [status, raw] of Object.entries(previous)) {
    const where = `${at} > response ${status}`
    if (!(status in current)) { report(context, where, 'response status removed'); continue }
    const before = resolve(context.previous, raw)
    const after = resolve(context.current, current[status])
    const headers = new Set(Object.keys(node(after.headers)).map((h) => h.toLowerCase()))
    for (const header of Object.keys(node(before.headers))) {
      if (!headers.has(header.toLowerCase())) report(context, `${where} > header ${header}`, 'response header removed')
    }
    for (const [type, media] of Object.entries(node(before.content))) {
      const other = node(after.content)[type]
      if (other === undefined) report(context, `${where} > ${type}`, 'content type removed')
      else compareSchema(context, node(media).schema, node(other).schema, `${where} > ${type}`, 'response', 0)
    }
  }
}

/** Flattens `$ref`, `anyOf` and `oneOf` into the schemas a value may match, each with the component it came from. */
function variants (document: Node, value: unknown, name: string | undefined, refs: Set<string>): Variant[] {
  const schema = node(value)
  if (typeof schema.$ref === 'string') {
    if (refs.has(schema.$ref)) return []
    return variants(document, resolve(document, { $ref: schema.$ref }), schemaName(schema) ?? name, new Set([...refs, schema.$ref]))
  }
  const choices = [...array(schema.anyOf), ...array(schema.oneOf)]
  return choices.length > 0 ? choices.flatMap((choice) => variants(document, choice, name, refs)) : [{ schema, name }]
}

function shape (document: Node, value: unknown): Shape {
  const all = variants(document, value, undefined, new Set())
  const typesOf = (v: Variant): string[] => [v.schema.type ?? []].flat().map(String)
  const valuesOf = (v: Variant): unknown[] => ('const' in v.schema ? [v.schema.const] : array(v.schema.enum))
  const isNull = (v: Variant): boolean => typesOf(v).join() === 'null' || (valuesOf(v).length > 0 && valuesOf(v).every((x) => x === null))
  const values = all.filter((v) => !isNull(v))
  const nullable = all.some((v) => isNull(v) || typesOf(v).includes('null') || v.schema.nullable === true || valuesOf(v).includes(null))
  const types = new Set(values.flatMap(typesOf).filter((t) => t !== 'null'))
  const enumerated = values.length > 0 && values.every((v) => valuesOf(v).length > 0)
  const enumValues = enumerated ? new Set(values.flatMap(valuesOf).filter((x) => x !== null).map((x) => JSON.stringify(x))) : undefined
  return { values, nullable, types, enum: enumValues }
}

function compareSchema (context: Context, previous: unknown, current: unknown, at: string, direction: Direction, depth: number): void {
  if (depth > MAX_DEPTH || previous === undefined || current === undefined) return
  const where = schemaName(previous) && schemaName(current) ? `components.schemas.${schemaName(previous)}` : at
  const before = shape(context.previous, previous)
  const after = shape(context.current, current)
  compareValues(context, before, after, where, direction)
  for (const [p, c] of pairs(before.values, after.values, 'object')) compareObject(context, p, c, where, direction, depth)
  for (const [p, c] of pairs(before.values, after.values, 'array')) {
    compareSchema(context, p.schema.items, c.schema.items, `${p.name ? `components.schemas.${p.name}` : where}.items`, direction, depth + 1)
  }
}

/** Matches the object (or array) variants of two schemas: by component name, else by position. */
function pairs (previous: Variant[], current: Variant[], type: string): Array<[Variant, Variant]> {
  const ofType = (v: Variant): boolean => v.schema.type === type || (type === 'object' && 'properties' in v.schema)
  const before = previous.filter(ofType)
  const after = current.filter(ofType)
  return before.flatMap((p, i): Array<[Variant, Variant]> => {
    const match = after.find((c) => p.name !== undefined && c.name === p.name) ?? after[i]
    return match ? [[p, match]] : []
  })
}

function compareValues (context: Context, before: Shape, after: Shape, at: string, direction: Direction): void {
  const widening = direction === 'response'
  if (widening && !before.nullable && after.nullable) report(context, at, 'may now be null')
  if (!widening && before.nullable && !after.nullable) report(context, at, 'no longer accepts null')
  const covered = (type: string, types: Set<string>): boolean => types.has(type) || (type === 'integer' && types.has('number'))
  const [narrow, wide] = widening ? [before.types, after.types] : [after.types, before.types]
  if (narrow.size > 0 && [...wide].some((type) => !covered(type, narrow))) {
    report(context, at, `type changed from ${show(before.types)} to ${show(after.types)}`)
  }
  const removed = [...before.enum ?? []].filter((value) => after.enum && !after.enum.has(value))
  if (removed.length > 0) report(context, at, `enum value${removed.length === 1 ? '' : 's'} ${removed.join(', ')} removed`)
  if (!widening && !before.enum && after.enum) report(context, at, `now restricted to ${show(after.enum)}`)
  const [p, c] = [before.values, after.values]
  if (p.length === 1 && c.length === 1 && p[0] && c[0]) compareConstraints(context, p[0].schema, c[0].schema, at, direction)
}

/** A pattern that every value of a former enum still matches widens the parameter (`bombing` -> `bombing,ied`). */
function acceptsEveryValue (pattern: unknown, values: unknown): boolean {
  if (typeof pattern !== 'string' || !Array.isArray(values) || values.length === 0) return false
  const regex = new RegExp(pattern, 'u')
  return values.every((v) => typeof v === 'string' && regex.test(v))
}

/** Bounds, pattern and format: requests may not tighten them; responses may not change a published format. */
function compareConstraints (context: Context, before: Node, after: Node, at: string, direction: Direction): void {
  const [was, is] = [before.format, after.format]
  if (direction === 'response') {
    if (was !== undefined && was !== is) report(context, at, `format changed from ${String(was)} to ${String(is ?? 'none')}`)
    return
  }
  if (is !== undefined && was !== is) report(context, at, was === undefined ? `format ${String(is)} added` : `format changed from ${String(was)} to ${String(is)}`)
  if (after.pattern !== undefined && after.pattern !== before.pattern && !acceptsEveryValue(after.pattern, before.enum)) {
    report(context, at, before.pattern === undefined ? 'pattern added' : 'pattern changed')
  }
  // A lower bound (sign 1) tightens when raised, an upper bound (sign -1) when lowered; adding one tightens too.
  const tightened = (key: string, sign: number): void => {
    const [old, now] = [before[key], after[key]]
    if (typeof now !== 'number' || (typeof old === 'number' && (now - old) * sign <= 0)) return
    report(context, at, typeof old === 'number' ? `${key} ${sign > 0 ? 'raised' : 'lowered'} from ${old} to ${now}` : `${key} ${now} added`)
  }
  for (const key of LOWER_BOUNDS) tightened(key, 1)
  for (const key of UPPER_BOUNDS) tightened(key, -1)
}

function compareObject (context: Context, previous: Variant, current: Variant, at: string, direction: Direction, depth: number): void {
  const where = previous.name ? `components.schemas.${previous.name}` : at
  const key = `${direction}:${previous.name ?? where}>${current.name ?? where}`
  if (context.seen.has(key)) return
  context.seen.add(key)
  const [before, after] = [node(previous.schema.properties), node(current.schema.properties)]
  const [wasRequired, isRequired] = [new Set(array(previous.schema.required)), new Set(array(current.schema.required))]
  for (const [name, schema] of Object.entries(before)) {
    const path = `${where}.properties.${name}`
    if (!(name in after)) {
      if (direction === 'response') report(context, path, 'property removed')
      else if (current.schema.additionalProperties === false) report(context, path, 'property no longer accepted')
      continue
    }
    if (direction === 'response' && wasRequired.has(name) && !isRequired.has(name)) report(context, path, 'no longer required (clients rely on it being present)')
    compareSchema(context, schema, after[name], path, direction, depth + 1)
  }
  if (direction === 'request') {
    for (const name of isRequired) if (!wasRequired.has(name)) report(context, `${where}.properties.${String(name)}`, 'property is now required')
  }
}
