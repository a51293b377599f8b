/** The incidents table: one row per incident, linking to its JSON, its statements and (loaded when opened) its sources. */
import { getJson } from './api.js'

function element (name, attributes = {}, ...children) {
  const node = document.createElement(name)
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'className') node.className = value
    else node.setAttribute(key, value)
  }
  node.append(...children.filter((child) => child !== null && child !== undefined))
  return node
}

const humanize = (value) => value.replaceAll('_', ' ')

/** Best estimate, with the range when sources disagree; "unknown" for null (0 is a known zero). */
function casualties (figures) {
  if (figures.best === null && figures.low === null && figures.high === null) return element('span', { className: 'unknown' }, 'unknown')
  const best = figures.best ?? figures.low
  const range = figures.low !== null && figures.high !== null && figures.low !== figures.high
    ? `${figures.low}–${figures.high}`
    : figures.low !== null && figures.high === null && figures.best === null ? `at least ${figures.low}` : null
  return element('span', {}, String(best ?? ''), range ? element('span', { className: 'range' }, ` (${range})`) : null)
}

/** "Claimed: ISKP", "Attributed: Taliban", once each, claims first. */
function responsibility (entries) {
  const order = ['claimed', 'attributed', 'suspected', 'denied']
  const seen = new Set()
  const lines = []
  for (const entry of [...entries].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))) {
    const key = `${entry.kind}:${entry.actor.id}`
    if (seen.has(key)) continue
    seen.add(key)
    lines.push(element('li', {}, `${entry.kind[0].toUpperCase()}${entry.kind.slice(1)}: `, element('abbr', { title: entry.actor.name }, entry.actor.slug)))
  }
  return lines.length ? element('ul', { className: 'plain' }, ...lines) : element('span', { className: 'unknown' }, 'none reported')
}

/** The sources of an incident, read from its detail (`reports`) the first time the list is opened. */
function sources (id) {
  const list = element('ul', { className: 'plain sources-list' })
  const details = element('details', { className: 'sources' }, element('summary', {}, 'Sources'), list)
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return
    details.dataset.loaded = 'loading'
    list.replaceChildren(element('li', {}, 'Loading…'))
    try {
      const incident = await getJson(`/v1/incidents/${encodeURIComponent(id)}`)
      const items = incident.reports.map(({ source }) => element('li', {},
        element('a', { href: `/v1/sources/${encodeURIComponent(source.id)}` }, [source.publisher ?? 'Unknown publisher', source.published_on].filter(Boolean).join(', ')),
        source.url ? element('span', {}, ' · ', element('a', { href: source.url, rel: 'noopener noreferrer external' }, 'original')) : null))
      list.replaceChildren(...(items.length ? items : [element('li', {}, 'No sources recorded.')]))
      details.dataset.loaded = 'yes'
    } catch (error) {
      list.replaceChildren(element('li', { className: 'error-inline' }, error.message))
      delete details.dataset.loaded
    }
  })
  return details
}

export function incidentRow (incident) {
  const id = encodeURIComponent(incident.id)
  return element('tr', { 'data-id': incident.id },
    element('td', { className: 'date' }, element('time', { datetime: incident.occurred_on }, incident.occurred_on),
      incident.date_precision && incident.date_precision !== 'day' ? element('span', { className: 'range' }, ` (${incident.date_precision})`) : null),
    element('th', { scope: 'row', className: 'title' }, incident.title),
    element('td', {}, incident.province?.name ?? element('span', { className: 'unknown' }, 'unknown')),
    element('td', {}, humanize(incident.type)),
    element('td', { className: 'num' }, casualties(incident.killed)),
    element('td', { className: 'num' }, casualties(incident.wounded)),
    element('td', {}, responsibility(incident.responsibility)),
    element('td', { className: 'links' },
      element('ul', { className: 'plain' },
        element('li', {}, element('a', { href: `/v1/incidents/${id}`, type: 'application/json' }, 'JSON')),
        element('li', {}, element('a', { href: `/v1/incidents/${id}/statements`, type: 'application/json' }, 'Statements')),
        element('li', {}, sources(incident.id)))))
}
