/** Reads the environment into a typed, validated configuration, failing fast with a clear message. */
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']
const LogLevel = Type.Union(logLevels.map((l) => Type.Literal(l)))
const Millis = Type.Integer({ minimum: 0 })

export const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  databaseUrl: Type.Union([Type.Null(), Type.String({ pattern: '^postgres(ql)?://' })]),
  /** Streaming replicas of the DATABASE_URL primary that serve anonymous reads; empty: every query goes to the primary. */
  databaseReplicaUrls: Type.Array(Type.String({ pattern: '^postgres(ql)?://' })),
  dataDir: Type.Union([Type.Null(), Type.String({ minLength: 1 })]),
  logLevel: LogLevel,
  corsOrigins: Type.Array(Type.String({ minLength: 1 })),
  seedOnEmpty: Type.Boolean(),
  /** Database limits: a statement, a lock wait, a wait for a pooled connection, opening a connection. */
  database: Type.Object({
    poolSize: Type.Integer({ minimum: 1 }),
    statementTimeoutMs: Millis,
    lockTimeoutMs: Millis,
    poolTimeoutMs: Millis,
    connectTimeoutMs: Millis,
    /** Named prepared statements (parsed and planned once per connection); false for a pooler that cannot keep them. */
    preparedStatements: Type.Boolean()
  }),
  /** A request not answered within this many milliseconds gets a 503 problem. */
  requestTimeoutMs: Millis,
  /** On SIGTERM: how long readiness reports 503 before the server stops accepting, then how long in-flight requests get. */
  shutdownDelayMs: Millis,
  shutdownTimeoutMs: Millis,
  /** Requests per client per window; 0 turns rate limiting off. */
  rateLimit: Type.Object({ max: Type.Integer({ minimum: 0 }), windowMs: Type.Integer({ minimum: 1 }) }),
  /** Trust X-Forwarded-* from a proxy in front (true, false, a hop count, or comma-separated addresses). */
  trustProxy: Type.Union([Type.Boolean(), Type.Integer({ minimum: 1 }), Type.Array(Type.String())]),
  /** Serve GET /metrics (Prometheus). */
  metrics: Type.Boolean(),
  /** Compress responses (brotli at quality 4, gzip, deflate) for clients that ask; false leaves it to a proxy in front. */
  compression: Type.Boolean()
})
export type Config = Static<typeof ConfigSchema>

/** What buildApp needs; everything but the log level and CORS origins has the production default. */
export type AppConfig = Pick<Config, 'logLevel' | 'corsOrigins'> & Partial<Omit<Config, 'logLevel' | 'corsOrigins'>>

export const defaults = {
  databaseReplicaUrls: [] as string[],
  database: { poolSize: 10, statementTimeoutMs: 5_000, lockTimeoutMs: 2_000, poolTimeoutMs: 3_000, connectTimeoutMs: 5_000, preparedStatements: true },
  requestTimeoutMs: 15_000,
  shutdownDelayMs: 0,
  shutdownTimeoutMs: 10_000,
  rateLimit: { max: 600, windowMs: 60_000 },
  trustProxy: false,
  metrics: true,
  compression: true
} satisfies Partial<Config>

export class ConfigError extends Error {}

/**
 * Environment variables (see the README's Configuration table):
 * PORT (3000), HOST (localhost), DATABASE_URL (unset: embedded PGlite), DATABASE_REPLICA_URLS (comma-separated; none),
 * PGLITE_DATA_DIR (.data/pglite),
 * LOG_LEVEL (info), CORS_ORIGINS (comma-separated, * for any; default *), SEED_ON_EMPTY (true),
 * DB_POOL_SIZE (10), DB_STATEMENT_TIMEOUT_MS (5000), DB_LOCK_TIMEOUT_MS (2000), DB_POOL_TIMEOUT_MS (3000),
 * DB_CONNECT_TIMEOUT_MS (5000), DB_PREPARED_STATEMENTS (true), REQUEST_TIMEOUT_MS (15000), SHUTDOWN_DELAY_MS (0), SHUTDOWN_TIMEOUT_MS (10000),
 * RATE_LIMIT_MAX (600), RATE_LIMIT_WINDOW_MS (60000), TRUST_PROXY (false), METRICS (true), COMPRESSION (true).
 */
export function loadConfig (env: NodeJS.ProcessEnv = process.env): Config {
  const errors: string[] = []
  const portText = env.PORT ?? ''
  const port = portText === '' ? 3000 : Number(portText)
  if (!/^\d+$/.test(portText || '0') || !Number.isInteger(port) || port > 65535) {
    errors.push(`PORT must be an integer from 0 to 65535, got "${portText}"`)
  }
  const seedOnEmpty = boolean(env, 'SEED_ON_EMPTY', true, errors)
  const logLevel = env.LOG_LEVEL || 'info'
  if (!logLevels.includes(logLevel)) errors.push(`LOG_LEVEL must be one of ${logLevels.join(', ')}, got "${logLevel}"`)
  const databaseUrl = env.DATABASE_URL || null
  if (databaseUrl !== null && !/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    errors.push('DATABASE_URL must be a postgres:// or postgresql:// URL')
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '*').split(',').map((o) => o.trim()).filter(Boolean)
  if (corsOrigins.length === 0) errors.push('CORS_ORIGINS must list at least one origin, or *')
  const int = (name: string, fallback: number, min = 0) => integer(env, name, fallback, min, errors)

  const config: Config = {
    port,
    host: env.HOST || 'localhost',
    databaseUrl,
    databaseReplicaUrls: replicaUrls(env.DATABASE_REPLICA_URLS, databaseUrl, errors),
    dataDir: databaseUrl ? null : (env.PGLITE_DATA_DIR || '.data/pglite'),
    logLevel,
    corsOrigins,
    seedOnEmpty,
    database: {
      poolSize: int('DB_POOL_SIZE', defaults.database.poolSize, 1),
      statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', defaults.database.statementTimeoutMs),
      lockTimeoutMs: int('DB_LOCK_TIMEOUT_MS', defaults.database.lockTimeoutMs),
      poolTimeoutMs: int('DB_POOL_TIMEOUT_MS', defaults.database.poolTimeoutMs),
      connectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', defaults.database.connectTimeoutMs, 1),
      preparedStatements: boolean(env, 'DB_PREPARED_STATEMENTS', defaults.database.preparedStatements, errors)
    },
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', defaults.requestTimeoutMs),
    shutdownDelayMs: int('SHUTDOWN_DELAY_MS', defaults.shutdownDelayMs),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', defaults.shutdownTimeoutMs, 1),
    rateLimit: { max: int('RATE_LIMIT_MAX', defaults.rateLimit.max), windowMs: int('RATE_LIMIT_WINDOW_MS', defaults.rateLimit.windowMs, 1) },
    trustProxy: trustProxy(env.TRUST_PROXY, errors),
    metrics: boolean(env, 'METRICS', defaults.metrics, errors),
    compression: boolean(env, 'COMPRESSION', defaults.compression, errors)
  }
  if (errors.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${errors.join('\n  - ')}`)
  // The checks above give the messages; the schema is the type's guarantee.
  if (!Value.Check(ConfigSchema, config)) throw new ConfigError('Invalid configuration')
  return config
}

/**
 * DATABASE_REPLICA_URLS: postgres:// URLs, comma-separated. An entry is named by its position, never echoed: a URL
 * may hold a password.
 */
function replicaUrls (text: string | undefined, databaseUrl: string | null, errors: string[]): string[] {
  const urls = (text ?? '').split(',').map((u) => u.trim()).filter(Boolean)
  if (urls.length === 0) return []
  if (databaseUrl === null) {
    errors.push('DATABASE_REPLICA_URLS needs DATABASE_URL: replicas serve reads for a PostgreSQL primary, and the embedded PGlite has none')
  }
  urls.forEach((url, index) => {
    if (!/^postgres(ql)?:\/\/./.test(url) || !URL.canParse(url)) {
      errors.push(`DATABASE_REPLICA_URLS: entry ${index + 1} of ${urls.length} must be a postgres:// or postgresql:// URL`)
    } else if (url === databaseUrl) {
      errors.push(`DATABASE_REPLICA_URLS: entry ${index + 1} of ${urls.length} is DATABASE_URL itself; list only replicas`)
    }
  })
  return urls
}

function integer (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, errors: string[]): number {
  const text = env[name]
  if (text === undefined || text === '') return fallback
  if (!/^\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    errors.push(`${name} must be an integer of at least ${min}, got "${text}"`)
    return fallback
  }
  return Number(text)
}

function boolean (env: NodeJS.ProcessEnv, name: string, fallback: boolean, errors: string[]): boolean {
  const text = (env[name] ?? '').toLowerCase()
  if (text === '') return fallback
  if (!['true', 'false', '1', '0'].includes(text)) {
    errors.push(`${name} must be true or false, got "${env[name]}"`)
    return fallback
  }
  return text === 'true' || text === '1'
}

function trustProxy (text: string | undefined, errors: string[]): Config['trustProxy'] {
  if (text === undefined || text === '' || /^(false|0)$/i.test(text)) return false
  if (/^true$/i.test(text)) return true
  if (/^\d+$/.test(text)) return Number(text)
  const addresses = text.split(',').map((a) => a.trim()).filter(Boolean)
  if (addresses.some((a) => !/^[0-9a-fA-F.:/]+$/.test(a))) {
    errors.push(`TRUST_PROXY must be true, false, a hop count or comma-separated addresses/CIDRs, got "${text}"`)
    return false
  }
  return addresses
}
