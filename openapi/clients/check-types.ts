/** Checks the generated clients keep the spec's names and types: every component under its own name, no `unknown` or `any` field. */
// Run after generate.ts: node --import tsx openapi/clients/check-types.ts
// Two layers: the script reads the generated files with the TypeScript parser (names, stray unknown/any), and the
// type-level assertions at the bottom fail `tsc -p openapi/clients/tsconfig.json` if the types lose their shape.
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import type * as Hey from './generated/hey-api/types.gen.ts'
import type { components, operations, paths } from './generated/openapi-typescript/schema.d.ts'
import { generatedDir, heyApiDir, openapiTypescriptFile, specPath } from './generate.ts'

interface Spec {
  paths: Record<string, Record<string, { operationId?: string }>>
  components: { schemas: Record<string, unknown> }
}

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

function parse (file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
}

function nameOf (node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name
  if (name === undefined) return undefined
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text
  return undefined
}

/** The property names of a type literal or interface member `name` inside `container`. */
function memberNames (container: ts.InterfaceDeclaration | ts.TypeLiteralNode, name: string): string[] | undefined {
  const member = container.members.find(m => ts.isPropertySignature(m) && nameOf(m) === name) as ts.PropertySignature | undefined
  if (member?.type === undefined || !ts.isTypeLiteralNode(member.type)) return undefined
  return member.type.members.map(m => nameOf(m)).filter((n): n is string => n !== undefined)
}

function topLevelInterface (source: ts.SourceFile, name: string): ts.InterfaceDeclaration | undefined {
  return source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)
}

function exportedTypeNames (source: ts.SourceFile): string[] {
  return source.statements
    .filter((s): s is ts.TypeAliasDeclaration | ts.InterfaceDeclaration => ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s))
    .filter(s => s.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword) === true)
    .map(s => s.name.text)
}

function exportedConstNames (source: ts.SourceFile): string[] {
  return source.statements
    .filter((s): s is ts.VariableStatement => ts.isVariableStatement(s) && s.modifiers?.some(m => m.kind === ts.SyntaxKind.ExportKeyword) === true)
    .flatMap(s => s.declarationList.declarations.map(d => ts.isIdentifier(d.name) ? d.name.text : ''))
}

/** Compares two name lists, describing what is missing and what is extra. */
function compareNames (what: string, expected: Iterable<string>, actual: Iterable<string>): string[] {
  const want = new Set(expected)
  const have = new Set(actual)
  const missing = [...want].filter(n => !have.has(n))
  const extra = [...have].filter(n => !want.has(n))
  const problems: string[] = []
  if (missing.length > 0) problems.push(`${what}: missing ${missing.join(', ')}`)
  if (extra.length > 0) problems.push(`${what}: unexpected (renamed or duplicated?) ${extra.join(', ')}`)
  return problems
}

/** `components.schemas.Incident.killed`: where a node sits, by the names of its enclosing declarations. */
function pathOf (node: ts.Node): string {
  const names: string[] = []
  for (let n: ts.Node | undefined = node; n !== undefined; n = n.parent) {
    if (ts.isIndexSignatureDeclaration(n)) names.unshift('[index]')
    else if (ts.isPropertySignature(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n) || ts.isTypeParameterDeclaration(n)) {
      const name = nameOf(n)
      if (name !== undefined) names.unshift(name)
    }
  }
  return names.join('.')
}

/**
 * openapi-typescript gives every response's `headers` an index signature `[name: string]: unknown` (headers the
 * spec does not list); it types no field, so it is the one `unknown` allowed.
 */
function isAllowedUnknown (node: ts.Node): boolean {
  const signature = node.parent
  if (signature === undefined || !ts.isIndexSignatureDeclaration(signature) || signature.type !== node) return false
  const literal = signature.parent
  const owner = literal?.parent
  return literal !== undefined && ts.isTypeLiteralNode(literal) && owner !== undefined && ts.isPropertySignature(owner) && nameOf(owner) === 'headers'
}

/** Every `unknown` or `any` type in a generated file, with where it is. */
function looseTypes (source: ts.SourceFile): string[] {
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if ((node.kind === ts.SyntaxKind.UnknownKeyword && !isAllowedUnknown(node)) || node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source))
      const keyword = node.kind === ts.SyntaxKind.AnyKeyword ? 'any' : 'unknown'
      found.push(`${relative(process.cwd(), source.fileName)}:${line + 1} ${pathOf(node)}: ${keyword}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/**
 * Compiler errors in the openapi-typescript declaration file: tsconfig.json's skipLibCheck skips every .d.ts, so it
 * is compiled here on its own (it imports nothing).
 */
function declarationErrors (file: string): string[] {
  const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, types: [], lib: ['lib.es2023.d.ts'] })
  return ts.getPreEmitDiagnostics(program).map(diagnostic => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
    if (diagnostic.file === undefined || diagnostic.start === undefined) return `tsc: ${message}`
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
    return `${relative(process.cwd(), diagnostic.file.fileName)}:${line + 1} tsc: ${message}`
  })
}

function pascal (operationId: string): string {
  return operationId.charAt(0).toUpperCase() + operationId.slice(1)
}

/** Returns one line per problem; an empty list means the generated clients are faithful to the spec. */
export function checkGeneratedTypes (): string[] {
  const spec = JSON.parse(readFileSync(specPath, 'utf8')) as Spec
  const componentNames = Object.keys(spec.components.schemas)
  const specPaths = Object.keys(spec.paths)
  const operationIds = Object.values(spec.paths).flatMap(item =>
    Object.entries(item).filter(([method]) => httpMethods.has(method)).map(([, op]) => op.operationId ?? '(missing operationId)'))
  const problems: string[] = []

  // openapi-typescript: components['schemas'], operations and paths keyed exactly as in the spec.
  const schema = parse(openapiTypescriptFile)
  const componentsDecl = topLevelInterface(schema, 'components')
  const operationsDecl = topLevelInterface(schema, 'operations')
  const pathsDecl = topLevelInterface(schema, 'paths')
  if (componentsDecl === undefined || operationsDecl === undefined || pathsDecl === undefined) {
    problems.push(`${openapiTypescriptFile}: no components, operations or paths interface`)
  } else {
    problems.push(...compareNames("openapi-typescript components['schemas']", componentNames, memberNames(componentsDecl, 'schemas') ?? []))
    problems.push(...compareNames('openapi-typescript operations', operationIds, operationsDecl.members.map(m => nameOf(m) ?? '')))
    problems.push(...compareNames('openapi-typescript paths', specPaths, pathsDecl.members.map(m => nameOf(m) ?? '')))
  }
  problems.push(...looseTypes(schema))
  problems.push(...declarationErrors(openapiTypescriptFile))

  // @hey-api/openapi-ts: one exported type per component under the same name, the per-operation types, and one SDK
  // function per operationId. Anything else (Incident2, IncidentWritable...) means a name changed.
  const types = parse(join(heyApiDir, 'types.gen.ts'))
  const operationTypes = operationIds.flatMap(id => ['Data', 'Error', 'Errors', 'Response', 'Responses'].map(suffix => pascal(id) + suffix))
  const heyTypeNames = exportedTypeNames(types)
  problems.push(...compareNames('hey-api component types', componentNames, heyTypeNames.filter(n => componentNames.includes(n) || !operationTypes.includes(n) && n !== 'ClientOptions')))
  problems.push(...compareNames('hey-api operation types', operationTypes, heyTypeNames.filter(n => operationTypes.includes(n))))
  problems.push(...looseTypes(types))
  problems.push(...compareNames('hey-api SDK functions', operationIds, exportedConstNames(parse(join(heyApiDir, 'sdk.gen.ts')))))

  return problems
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let problems: string[]
  try {
    problems = checkGeneratedTypes()
  } catch (error) {
    console.error(`Cannot read the generated clients under ${generatedDir} (run generate.ts first): ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  }
  if (problems.length > 0) {
    console.error(`The generated clients do not match openapi/openapi.json (${problems.length} problem${problems.length === 1 ? '' : 's'}):`)
    for (const problem of problems) console.error(`  - ${problem}`)
    process.exit(1)
  }
  console.log('Generated clients match openapi/openapi.json: every component keeps its name, no field is unknown or any.')
}

// Type-level assertions, checked by `tsc -p openapi/clients/tsconfig.json` (erased at run time).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false
type Expect<T extends true> = T
type IsAny<T> = 0 extends 1 & T ? true : false
type IsLoose<T> = IsAny<T> extends true ? true : unknown extends T ? true : false
/** `Component.field` for each field of each component whose type is unknown or any; never when there is none. */
type LooseFields<S> = { [K in keyof S & string]: { [P in keyof S[K] & string]-?: IsLoose<S[K][P]> extends true ? `${K}.${P}` : never }[keyof S[K] & string] }[keyof S & string]

type S = components['schemas']
/** The paths that have a GET. */
type Readable = { [K in keyof paths]: paths[K] extends { get: { responses: { 200: { content: { 'application/json': unknown } } } } } ? K : never }[keyof paths]
type Json<P extends Readable, Status extends 200> = paths[P] extends { get: { responses: Record<Status, { content: { 'application/json': infer B } }> } } ? B : never

/** hey-api's type for each component, by the component's name (a missing or renamed type fails to compile). */
interface HeySchemas {
  ValidationIssue: Hey.ValidationIssue
  Problem: Hey.Problem
  DatePrecision: Hey.DatePrecision
  ProvinceRef: Hey.ProvinceRef
  ActorRef: Hey.ActorRef
  SourceRef: Hey.SourceRef
  Centroid: Hey.Centroid
  Province: Hey.Province
  ProvinceList: Hey.ProvinceList
  ActorKind: Hey.ActorKind
  Actor: Hey.Actor
  ActorList: Hey.ActorList
  SourceKind: Hey.SourceKind
  Citation: Hey.Citation
  Source: Hey.Source
  SourceList: Hey.SourceList
  CslItem: Hey.CslItem
  StatementKind: Hey.StatementKind
  StatementTextKind: Hey.StatementTextKind
  Statement: Hey.Statement
  StatementList: Hey.StatementList
  IncidentType: Hey.IncidentType
  TargetType: Hey.TargetType
  LocationPrecision: Hey.LocationPrecision
  ResponsibilityKind: Hey.ResponsibilityKind
  VictimGroup: Hey.VictimGroup
  Figures: Hey.Figures
  BreakdownItem: Hey.BreakdownItem
  Casualties: Hey.Casualties
  Responsibility: Hey.Responsibility
  Incident: Hey.Incident
  IncidentReport: Hey.IncidentReport
  IncidentDetail: Hey.IncidentDetail
  IncidentList: Hey.IncidentList
  IncidentRow: Hey.IncidentRow
  ActorRow: Hey.ActorRow
  StatementRow: Hey.StatementRow
  SourceRow: Hey.SourceRow
  ProvinceRow: Hey.ProvinceRow
  TallyRow: Hey.TallyRow
  ChangeRow: Hey.ChangeRow
  IncidentCsv: Hey.IncidentCsv
  ActorCsv: Hey.ActorCsv
  StatementCsv: Hey.StatementCsv
  SourceCsv: Hey.SourceCsv
  ProvinceCsv: Hey.ProvinceCsv
  TallyCsv: Hey.TallyCsv
  ChangeCsv: Hey.ChangeCsv
  IncidentNdjson: Hey.IncidentNdjson
  ActorNdjson: Hey.ActorNdjson
  StatementNdjson: Hey.StatementNdjson
  SourceNdjson: Hey.SourceNdjson
  ProvinceNdjson: Hey.ProvinceNdjson
  TallyNdjson: Hey.TallyNdjson
  ChangeNdjson: Hey.ChangeNdjson
  GeoPoint: Hey.GeoPoint
  ExportDataset: Hey.ExportDataset
  IncidentFeature: Hey.IncidentFeature
  IncidentFeatureCollection: Hey.IncidentFeatureCollection
  StatsDimension: Hey.StatsDimension
  StatsFigures: Hey.StatsFigures
  IncidentStatsRow: Hey.IncidentStatsRow
  IncidentStats: Hey.IncidentStats
  EstimateMeasure: Hey.EstimateMeasure
  ActorEstimate: Hey.ActorEstimate
  ParticipantRole: Hey.ParticipantRole
  ParticipantOutcome: Hey.ParticipantOutcome
  FollowUpKind: Hey.FollowUpKind
  IncidentRelationKind: Hey.IncidentRelationKind
  AssertionVoice: Hey.AssertionVoice
  ChallengeKind: Hey.ChallengeKind
  Challenge: Hey.Challenge
  Participant: Hey.Participant
  NoClaimReport: Hey.NoClaimReport
  FollowUp: Hey.FollowUp
  RelatedIncident: Hey.RelatedIncident
  TallyBreakdownItem: Hey.TallyBreakdownItem
  TallyCount: Hey.TallyCount
  IncidentSum: Hey.IncidentSum
  Tally: Hey.Tally
  TallyList: Hey.TallyList
  KeyScope: Hey.KeyScope
  ApiKey: Hey.ApiKey
  ApiKeyList: Hey.ApiKeyList
  NewApiKey: Hey.NewApiKey
  IssuedApiKey: Hey.IssuedApiKey
  SourceInput: Hey.SourceInput
  ActorInput: Hey.ActorInput
  StatementInput: Hey.StatementInput
  IncidentInput: Hey.IncidentInput
  TallyInput: Hey.TallyInput
  Operation: Hey.Operation
  Revision: Hey.Revision
  RevisionList: Hey.RevisionList
  Change: Hey.Change
  ChangeList: Hey.ChangeList
  SourcePatch: Hey.SourcePatch
  ActorPatch: Hey.ActorPatch
  StatementPatch: Hey.StatementPatch
  IncidentPatch: Hey.IncidentPatch
  TallyPatch: Hey.TallyPatch
}

export type TypeAssertions = [
  // No field of any component is unknown or any, in either generator's output.
  Expect<Equal<LooseFields<S>, never>>,
  Expect<Equal<LooseFields<HeySchemas>, never>>,
  // openapi-typescript: nullable values stay nullable, enums stay unions of literals, lists keep their item type.
  Expect<Equal<S['Figures']['best'], number | null>>,
  Expect<Equal<S['Incident']['province'], S['ProvinceRef'] | null>>,
  Expect<Equal<S['Incident']['killed'], S['Casualties']>>,
  Expect<Equal<S['DatePrecision'], 'day' | 'week' | 'month' | 'year'>>,
  Expect<Equal<S['IncidentList']['data'], Array<S['Incident']>>>,
  Expect<Equal<S['IncidentList']['next_cursor'], string | null>>,
  Expect<Equal<S['IncidentDetail']['reports'], Array<S['IncidentReport']>>>,
  Expect<Equal<S['Problem']['errors'], Array<S['ValidationIssue']> | undefined>>,
  Expect<Equal<S['Statement']['on_behalf_of'], S['ActorRef'] | null>>,
  // openapi-fetch sees the named components as response bodies.
  Expect<Equal<Json<'/v1/incidents', 200>, S['IncidentList']>>,
  Expect<Equal<Json<'/v1/incidents/{id}', 200>, S['IncidentDetail']>>,
  Expect<Equal<Json<'/v1/actors/{id}/statements', 200>, S['StatementList']>>,
  Expect<Equal<operations['listIncidents']['responses'][400]['content']['application/problem+json'], S['Problem']>>,
  // @hey-api/openapi-ts: a type for every component under the same name, each the same shape as openapi-typescript's.
  Expect<Equal<keyof HeySchemas, keyof S>>,
  Expect<Equal<HeySchemas, S>>,
  // ...and typed SDK responses and errors.
  Expect<Equal<Hey.ListIncidentsResponse, Hey.IncidentList>>,
  Expect<Equal<Hey.GetIncidentResponse, Hey.IncidentDetail>>,
  Expect<Equal<Hey.ListActorStatementsResponse, Hey.StatementList>>,
  Expect<Equal<Hey.ListIncidentsError, Hey.Problem>>,
  // Writes are typed too: the record format in, the record's view out, and merge patches.
  Expect<Equal<operations['createIncident']['requestBody'], { content: { 'application/json': S['IncidentInput'] } }>>,
  Expect<Equal<operations['updateIncident']['requestBody'], { content: { 'application/merge-patch+json': S['IncidentPatch'] } }>>,
  Expect<Equal<operations['createIncident']['responses'][201]['content']['application/json'], S['IncidentDetail']>>,
  Expect<Equal<Hey.CreateIncidentData['body'], Hey.IncidentInput>>,
  Expect<Equal<Hey.UpdateIncidentData['body'], Hey.IncidentPatch>>,
  Expect<Equal<Hey.CreateIncidentResponse, Hey.IncidentDetail>>,
  Expect<Equal<Hey.GetIncidentError, Hey.Problem>>
]
