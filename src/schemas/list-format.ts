/** The `format` query parameter of the lists that export: JSON pages, or the whole result as a file. */
import { Type } from '@sinclair/typebox'
import { mediaTypes, type ExportFormat } from '../export/formats.ts'
import { StringEnum } from './common.ts'

const keysetBounds = '`cursor` resumes after a row, `limit` caps the count only when sent'

/** `bounds` says what, beside the filters, limits an export (null: nothing does). */
export function ListFormatParam (exports: readonly ExportFormat[], bounds: string | null = keysetBounds) {
  const listed = exports.map((f) => `\`${f}\` (${mediaTypes[f]})`).join(', ')
  return Type.Optional(StringEnum(['json', ...exports], {
    description: `The response format: \`json\` (pages), or the whole result (every page, with the same filters${bounds === null ? '' : `; ${bounds}`}) as a file: ${listed}. Wins over Accept; without it, Accept chooses.`,
    examples: ['csv']
  }))
}
