/**
 * GeoJSON (RFC 7946): one FeatureCollection, a Feature per record with a Point [longitude, latitude] or a null
 * geometry (a record without coordinates), its flat columns as properties (as GIS tools read them), and the dataset
 * release as the foreign member `dataset`.
 */
import type { Column } from './column.ts'
import type { Encoder } from './encoder.ts'

export interface Point { type: 'Point', coordinates: [number, number] }

export interface DatasetMember { version: string, released_on: string, citation: string }

/** The point of a record with both coordinates, else null. */
export function pointOf (latitude: number | null, longitude: number | null): Point | null {
  return latitude === null || longitude === null ? null : { type: 'Point', coordinates: [longitude, latitude] }
}

export function geojsonEncoder<View> (columns: Array<Column<View>>, geometry: (view: View) => Point | null, id: (view: View) => string, dataset: DatasetMember): Encoder<View> {
  let first = true
  const feature = (view: View) => JSON.stringify({
    type: 'Feature',
    id: id(view),
    geometry: geometry(view),
    properties: Object.fromEntries(columns.map((c) => [c.name, c.value(view)]))
  })
  return {
    head: `{"type":"FeatureCollection","dataset":${JSON.stringify(dataset)},"features":[`,
    batch: (views) => {
      if (views.length === 0) return ''
      const text = (first ? '\n' : ',\n') + views.map(feature).join(',\n')
      first = false
      return text
    },
    tail: '\n]}\n'
  }
}
