/** The columns of a tally export: the list's view flattened, counts and the linked incidents' sums as `_best/_low/_high`. */
import type { Static } from '@sinclair/typebox'
import type { Tally } from '../../schemas/tallies.ts'
import { listColumn, type Column } from '../column.ts'

export type TallyExportView = Static<typeof Tally>

type Figures = { best: number | null, low: number | null, high: number | null }
type Outcome = 'killed' | 'wounded'

/** `<name>_best`, `<name>_low`, `<name>_high` of a best / low / high figure. */
function figureColumns (name: string, what: string, figures: (view: TallyExportView) => Figures): Array<Column<TallyExportView>> {
  return [
    { name: `${name}_best`, type: 'integer', description: `${what}: best figure; empty when unknown (0 is a known zero).`, value: (v) => figures(v).best },
    { name: `${name}_low`, type: 'integer', description: `${what}: lowest figure ("at least 96" gives 96); empty when unknown.`, value: (v) => figures(v).low },
    { name: `${name}_high`, type: 'integer', description: `${what}: highest figure; empty when unknown or open-ended.`, value: (v) => figures(v).high }
  ]
}

/** The tally's own breakdown as `group:best` items (`?` for an unknown best). */
function breakdownColumn (outcome: Outcome): Column<TallyExportView> {
  return listColumn(`${outcome}_breakdown`, `The tally's own breakdown of the ${outcome} by victim group, each as \`group:best\` (\`civilians:73\`; \`?\` when the group's best figure is unknown; its low and high are in the JSON).`,
    (v) => v[outcome].breakdown.map((b) => `${b.group}:${b.best ?? '?'}`))
}

export const tallyColumns: Array<Column<TallyExportView>> = [
  { name: 'id', type: 'string', description: 'Tally id.', value: (v) => v.id },
  { name: 'title', type: 'string', description: 'What the tally counts.', value: (v) => v.title },
  { name: 'source_id', type: 'string', description: 'Id of the report that gives the tally.', value: (v) => v.source.id },
  { name: 'source_title', type: 'string', description: 'Title of that report; empty when not given.', value: (v) => v.source.title },
  { name: 'source_publisher', type: 'string', description: 'Publisher of that report; empty when unknown.', value: (v) => v.source.publisher },
  { name: 'source_published_on', type: 'date', description: 'Publication date of that report; empty when unknown.', value: (v) => v.source.published_on },
  { name: 'period_start', type: 'date', description: 'First day of the period counted (inclusive).', value: (v) => v.period_start },
  { name: 'period_end', type: 'date', description: 'Last day of the period counted (inclusive).', value: (v) => v.period_end },
  { name: 'period_precision', type: 'string', description: 'How exactly the report bounds the period: `day`, `week`, `month` or `year`.', value: (v) => v.period_precision },
  { name: 'perpetrator_id', type: 'string', description: 'Actor id of whose attacks are counted; empty when the tally does not say.', value: (v) => v.perpetrator?.id ?? null },
  { name: 'perpetrator_slug', type: 'string', description: 'Slug of that actor; empty when none.', value: (v) => v.perpetrator?.slug ?? null },
  { name: 'perpetrator_name', type: 'string', description: 'Name of that actor; empty when none.', value: (v) => v.perpetrator?.name ?? null },
  ...figureColumns('killed', 'People killed, as the tally gives them', (v) => v.killed),
  breakdownColumn('killed'),
  ...figureColumns('wounded', 'People wounded, as the tally gives them', (v) => v.wounded),
  breakdownColumn('wounded'),
  listColumn('incident_ids', 'Ids of the incidents in the record that the tally covers.', (v) => v.incident_ids),
  { name: 'incidents_sum_incidents', type: 'integer', description: 'How many incidents of the record the tally is linked to.', value: (v) => v.incidents_sum.incidents },
  ...figureColumns('incidents_sum_killed', 'People killed in the linked incidents, summed over those that give a figure (high empty when any is open-ended)', (v) => v.incidents_sum.killed),
  ...figureColumns('incidents_sum_wounded', 'People wounded in the linked incidents, summed over those that give a figure (high empty when any is open-ended)', (v) => v.incidents_sum.wounded),
  { name: 'incidents_sum_killed_unknown', type: 'integer', description: 'Linked incidents whose killed figure is unknown (left out of the sums).', value: (v) => v.incidents_sum.killed_unknown },
  { name: 'incidents_sum_wounded_unknown', type: 'integer', description: 'Linked incidents whose wounded figure is unknown (left out of the sums).', value: (v) => v.incidents_sum.wounded_unknown },
  { name: 'excerpt', type: 'string', description: 'The report\'s own words; empty when none.', value: (v) => v.excerpt },
  { name: 'notes', type: 'string', description: 'Where the tally and the record agree or differ, and why.', value: (v) => v.notes },
  { name: 'version', type: 'integer', description: 'The record\'s version: 1 when created, one more at every change.', value: (v) => v.version },
  { name: 'created_at', type: 'datetime', description: 'When the record was created (RFC 3339, UTC).', value: (v) => v.created_at },
  { name: 'updated_at', type: 'datetime', description: 'When the record last changed (RFC 3339, UTC).', value: (v) => v.updated_at },
  { name: 'url', type: 'string', description: 'The record in JSON: a path under this API.', value: (v) => `/v1/tallies/${encodeURIComponent(v.id)}` }
]
