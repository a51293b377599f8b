/** Builds the app without a database or listener and renders its OpenAPI document as stable JSON text. */
import { buildApp } from '../app.ts'

export async function generateOpenApi (): Promise<string> {
  const app = await buildApp({ logLevel: 'silent', corsOrigins: ['*'] })
  try {
    await app.ready()
    return `${JSON.stringify(app.swagger(), null, 2)}\n`
  } finally {
    await app.close()
  }
}
