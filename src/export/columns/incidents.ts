/** The columns of an incident export: the list's view flattened, figures as `_best/_low/_high`, actors by role. */
import type { Static } from '@sinclair/typebox'
import type { Incident } from '../../schemas/incidents.ts'
import { listColumn, type Column } from '../column.ts'

/** An incident as the list shows it, with the ids of the sources that report it (the list leaves them to the item). */
export type IncidentExportView = Static<typeof Incident> & { source_ids: string[] }

type Figures = { best: number | null, low: number | null, high: number | null }

/** `<name>_best`, `<name>_low`, `<name>_high` of a best / low / high figure. */
function figureColumns (name: string, what: string, figures: (view: IncidentExportView) => Figures): Array<Column<IncidentExportView>> {
  return [
    { name: `${name}_best`, type: 'integer', description: `${what}: best estimate, reconciled across sources; empty when unknown (0 is a known zero).`, value: (v) => figures(v).best },
    { name: `${name}_low`, type: 'integer', description: `${what}: lowest credible figure; empty when unknown.`, value: (v) => figures(v).low },
    { name: `${name}_high`, type: 'integer', description: `${what}: highest figure reported; empty when unknown or open-ended ("at least").`, value: (v) => figures(v).high }
  ]
}

const responsible = (kind: string) => (v: IncidentExportView) => v.responsibility.filter((r) => r.kind === kind).map((r) => r.actor.id)
const taking = (role: string) => (v: IncidentExportView) =>
  v.participants.filter((p) => p.role === role && p.actor !== null).map((p) => p.actor!.id)

export const incidentColumns: Array<Column<IncidentExportView>> = [
  { name: 'id', type: 'string', description: 'Incident id.', value: (v) => v.id },
  { name: 'title', type: 'string', description: 'Short description.', value: (v) => v.title },
  { name: 'occurred_on', type: 'date', description: 'When it happened: the best single date the sources support (see `date_precision`).', value: (v) => v.occurred_on },
  { name: 'date_precision', type: 'string', description: 'How close `occurred_on` is to the true date: `day`, `week`, `month` or `year`.', value: (v) => v.date_precision },
  { name: 'date_start', type: 'date', description: 'Earliest date it can have happened (inclusive).', value: (v) => v.date_start },
  { name: 'date_end', type: 'date', description: 'Latest date it can have happened (inclusive).', value: (v) => v.date_end },
  { name: 'province_code', type: 'string', description: 'Province, ISO 3166-2:AF code; empty when unknown.', value: (v) => v.province?.code ?? null },
  { name: 'province_name', type: 'string', description: 'Province, English name; empty when unknown.', value: (v) => v.province?.name ?? null },
  { name: 'district', type: 'string', description: 'District; empty when not reported.', value: (v) => v.district },
  { name: 'place', type: 'string', description: 'City, neighbourhood or site; empty when not reported.', value: (v) => v.place },
  { name: 'latitude', type: 'number', description: 'WGS 84 latitude; empty without coordinates.', value: (v) => v.latitude },
  { name: 'longitude', type: 'number', description: 'WGS 84 longitude; empty without coordinates.', value: (v) => v.longitude },
  { name: 'location_precision', type: 'string', description: 'What the coordinates stand for (the exact spot, or the centre of the neighbourhood, district, city or province); empty without coordinates.', value: (v) => v.location_precision },
  { name: 'type', type: 'string', description: 'The kind of event (`suicide_bombing`, `armed_clash`, ...).', value: (v) => v.type },
  listColumn('targets', 'Who or what was targeted (`civilians`, `religious_site`, ...).', (v) => v.targets),
  { name: 'summary', type: 'string', description: 'What happened, with how the date was resolved.', value: (v) => v.summary },
  ...figureColumns('killed', 'People killed, perpetrators aside', (v) => v.killed),
  ...figureColumns('wounded', 'People wounded, perpetrators aside', (v) => v.wounded),
  ...figureColumns('perpetrators_killed', 'Perpetrators killed', (v) => v.perpetrators_killed),
  ...figureColumns('perpetrators_wounded', 'Perpetrators wounded', (v) => v.perpetrators_wounded),
  listColumn('claimed_by', 'Actor ids of those who claimed it.', responsible('claimed')),
  listColumn('attributed_to', 'Actor ids of those others blamed for it (attributions; claims are in `claimed_by`).', responsible('attributed')),
  listColumn('suspected', 'Actor ids of those suspected of it.', responsible('suspected')),
  listColumn('denied', 'Actor ids of those who denied it.', responsible('denied')),
  listColumn('perpetrator_actors', 'Actor ids of the identified perpetrators taking part.', taking('perpetrator')),
  listColumn('target_actors', 'Actor ids of the identified targets.', taking('target')),
  listColumn('responder_actors', 'Actor ids of the identified responders.', taking('responder')),
  listColumn('source_ids', 'Ids of the sources that report it.', (v) => v.source_ids),
  { name: 'version', type: 'integer', description: 'The record\'s version: 1 when created, one more at every change.', value: (v) => v.version },
  { name: 'created_at', type: 'datetime', description: 'When the record was created (RFC 3339, UTC).', value: (v) => v.created_at },
  { name: 'updated_at', type: 'datetime', description: 'When the record last changed (RFC 3339, UTC).', value: (v) => v.updated_at },
  { name: 'url', type: 'string', description: 'The record in JSON, with each source\'s own account: a path under this API.', value: (v) => `/v1/incidents/${encodeURIComponent(v.id)}` }
]
