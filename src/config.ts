/** Reads the environment into a typed, validated configuration, failing fast with a clear message. */
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const LogLevel = Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)))

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
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT)
  if (!Number.isInteger(port)) errors.push(`PORT must be an integer, got "${env.PORT}"`)
  const seed = (env.SEED_ON_EMPTY ?? 'true').toLowerCase()
  if (!['true', 'false', '1', '0'].includes(seed)) errors.push(`SEED_ON_EMPTY must be true or false, got "${env.SEED_ON_EMPTY}"`)

  const candidate = {
    port,
    host: env.HOST || 'localhost',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.DATABASE_URL ? null : (env.PGLITE_DATA_DIR || '.data/pglite'),
    logLevel: env.LOG_LEVEL || 'info',
    corsOrigins: (env.CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean),
    seedOnEmpty: seed === 'true' || seed === '1'
  }
  if (errors.length === 0) {
    for (const e of Value.Errors(ConfigSchema, candidate)) {
      const name = { port: 'PORT', host: 'HOST', databaseUrl: 'DATABASE_URL', dataDir: 'PGLITE_DATA_DIR', logLevel: 'LOG_LEVEL', corsOrigins: 'CORS_ORIGINS', seedOnEmpty: 'SEED_ON_EMPTY' }[e.path.split('/')[1] ?? ''] ?? e.path
      errors.push(`${name}: ${e.message}`)
    }
  }
  if (errors.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${[...new Set(errors)].join('\n  - ')}`)
  return candidate as Config
}
