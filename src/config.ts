/** Reads the environment into a typed, validated configuration, failing fast with a clear message. */
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
const LogLevel = Type.Union(logLevels.map((l) => Type.Literal(l)))

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.Union([Type.Null(), Type.String({ pattern: '^postgres(ql)?://' })]),
  dataDir: Type.Union([Type.Null(), Type.String({ minLength: 1 })]),
  logLevel: LogLevel,
  corsOrigins: Type.Array(Type.String({ minLength: 1 })),
  seedOnEmpty: Type.Boolean()
})
export type Config = Static<typeof ConfigSchema>

export class ConfigError extends Error {}

/**
 * Environment variables:
 * PORT (3000), HOST (localhost), DATABASE_URL (unset: embedded PGlite), PGLITE_DATA_DIR (.data/pglite),
 * LOG_LEVEL (info), CORS_ORIGINS (comma-separated, * for any; default *), SEED_ON_EMPTY (true).
 */
export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = []
  const portText = env.PORT ?? ''
  const port = portText === '' ? 3000 : Number(portText)
  if (!/^\d+$/.test(portText || '0') || !Number.isInteger(port) || port > 65535) {
    errors.push(`PORT must be an integer from 0 to 65535, got "${portText}"`)
  }
  const seed = (env.SEED_ON_EMPTY ?? 'true').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(seed)) errors.push(`SEED_ON_EMPTY must be true or false, got "${env.SEED_ON_EMPTY}"`)
  const logLevel = env.LOG_LEVEL || 'info'
  if (!logLevels.includes(logLevel)) errors.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`)
  const databaseUrl = env.DATABASE_URL || null
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean)
  if (corsOrigins.length === 0) errors.push('CORS_ORIGINS must list at least one origin, or *')
  if (errors.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`)

  const config = {
    port,
    host: env.HOST || 'localhost',
    databaseUrl,
    dataDir: databaseUrl ? null : (env.PGLITE_DATA_DIR || '.data/pglite'),
    logLevel,
    corsOrigins,
    seedOnEmpty: seed === 'true' || seed === '1'
  }
  // The checks above give the messages; the schema is the type's guarantee.
  if (!Value.Check(ConfigSchema, config)) throw new ConfigError('Invalid configuration')
  return config as Config
}
