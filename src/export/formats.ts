/** The formats a list answers in: JSON pages, or the whole result exported as CSV, NDJSON or (with places) GeoJSON. */

export const exportFormats = ['csv', 'ndjson', 'geojson'] as const
export type ExportFormat = (typeof exportFormats)[number]
export type ListFormat = 'json' | ExportFormat

/** The media type of each format (CSV is sent with `charset=utf-8`). */
export const mediaTypes: Record<ListFormat, string> = {
  json: 'application/json',
  csv: 'text/csv',
  ndjson: 'application/x-ndjson',
  geojson: 'application/geo+json'
}

/** The file name extension of each export, as Content-Disposition gives it. */
export const fileExtensions: Record<ExportFormat, string> = { csv: 'csv', ndjson: 'ndjson', geojson: 'geojson' }
