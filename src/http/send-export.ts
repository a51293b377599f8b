/**
 * Sends a list's whole result as a file (read through a database cursor, or a short list already in memory): opens the
 * cursor and reads its first batch before any byte goes out (so a failing query is still a problem with its own
 * status), then streams the rest. Once the body has started, an error cannot change the status: the stream is
 * destroyed, and the client sees a transfer that never finished.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Database } from '../db/client.ts'
import { openCursor, type CursorQuery, type RowCursor } from '../db/cursor.ts'
import { fileExtensions, mediaTypes, type ExportFormat } from '../export/formats.ts'
import { ExportStalled, exportStream } from '../export/stream.ts'
import { encoderFor, exportDataset, type ExportTable } from '../export/tables.ts'

/** Header values are Latin-1 text: anything else in the citation is percent-encoded. */
const headerText = (text: string) => text.replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c))

/** The headers of an export: its type, a file name with the release, and how to cite it. */
export function exportHeaders (resource: string, format: ExportFormat): Record<string, string> {
  return {
    'content-type': format === 'csv' ? `${mediaTypes.csv}; charset=utf-8; header=present` : mediaTypes[format],
    'content-disposition': `attachment; filename="${resource}-${exportDataset.version}.${fileExtensions[format]}"`,
    'dataset-citation': headerText(exportDataset.citation)
  }
}

/** Sends the whole result of a list query, read through a database cursor. */
export async function sendExport<Row, View> (
  request: FastifyRequest, reply: FastifyReply, db: Database, format: ExportFormat, table: ExportTable<View>, query: CursorQuery<Row, View>
): Promise<FastifyReply> {
  return sendExportOf(request, reply, format, table, () => openCursor(db, query))
}

/** Sends what `open` reads (a database cursor, or records in memory); `open` is not called for HEAD. */
export async function sendExportOf<View> (
  request: FastifyRequest, reply: FastifyReply, format: ExportFormat, table: ExportTable<View>, open: () => Promise<RowCursor<View>>
): Promise<FastifyReply> {
  // HEAD: the headers alone. (Fastify would read a stream to its end and drop it: a whole export for nothing.)
  if (request.method === 'HEAD') return reply.headers(exportHeaders(table.resource, format)).send()
  const cursor = await open()
  let first: View[]
  try {
    first = await cursor.read()
  } catch (error) {
    await cursor.close()
    throw error
  }
  // The request deadline answered while the cursor opened: nothing more to send.
  if (reply.sent || reply.raw.headersSent) {
    await cursor.close()
    return reply
  }
  const started = Date.now()
  const stream = exportStream(first, cursor, encoderFor(table, format), {
    onEnd: ({ records, complete, error }) => {
      const ms = Date.now() - started
      const context = { resource: table.resource, format, records, ms }
      if (complete) request.log.info(context, 'export sent')
      else if (error === null || (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') request.log.info(context, 'export abandoned by the client')
      else if (error instanceof ExportStalled) request.log.warn({ ...context, err: error }, 'export dropped: the client stopped reading')
      else request.log.error({ ...context, err: error }, 'export cut short by an error')
    }
  })
  return reply.headers(exportHeaders(table.resource, format)).send(stream)
}
