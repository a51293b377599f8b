/** The /explore page: filters from the URL and the form, then the API's stats, provinces and incidents drawn as a timeline, a map and a table. */
import { getJson } from './api.js'
import { fillForm, filtersFromForm, filtersFromSearch, pageUrl, viewFromSearch } from './filters.js'
import { mapName, mapOption, provinceItems } from './map.js'
import { incidentRow } from './table.js'
import { timelineOption } from './timeline.js'

const byId = (id) => document.getElementById(id)
const main = byId('explore')
const form = byId('filters')
const status = byId('status')
const errorBox = byId('error')
const tableStatus = byId('table-status')
const tbody = byId('incidents').tBodies[0]
const more = byId('more')
const sizeInputs = [...document.querySelectorAll('input[name="size"]')]

const animation = !matchMedia('(prefers-reduced-motion: reduce)').matches
const timeline = echarts.init(byId('timeline'))
const map = echarts.init(byId('map'))
new ResizeObserver(() => { timeline.resize(); map.resize() }).observe(main)

const view = viewFromSearch(location.search)
const number = new Intl.NumberFormat('en')

/** What is on screen: the filters and the data the map is redrawn from when its size toggle changes. */
let shown = null
let run = 0

function withParams (filters, extra) {
  const params = new URLSearchParams(filters)
  for (const [name, value] of Object.entries(extra)) if (value !== null && value !== undefined) params.set(name, value)
  return params
}

function describe (filters) {
  const parts = [...filters].map(([name, value]) => `${name.replaceAll('_', ' ')}: ${value}`)
  return parts.length ? `Filtered by ${parts.join('; ')}.` : 'All incidents in the record.'
}

function showError (error) {
  errorBox.textContent = error.message
  errorBox.hidden = false
  status.textContent = 'The data could not be loaded.'
  main.dataset.state = 'error'
}

function option (value, text, names = []) {
  const node = new Option(text, value)
  node.dataset.names = names.map((name) => name.toLowerCase()).join('|')
  return node
}

/** The lists the form offers (provinces, types, actors) and the country outline: read once. */
async function setUp () {
  const [provinces, types, actors, outline] = await Promise.all([
    getJson('/v1/provinces'),
    getJson('/explore/assets/incident-types.json'),
    // Suggestions only: the page works without them.
    getJson('/v1/actors', { limit: 500 }).catch(() => ({ data: [] })),
    getJson('/explore/assets/afghanistan.geojson')
  ])
  echarts.registerMap(mapName, outline)
  form.elements.province.append(...provinces.data.map((p) => option(p.code, p.name, [p.name, p.code, ...(p.aliases ?? [])])))
  form.elements.type.append(...types.map((type) => option(type, type.replaceAll('_', ' '))))
  byId('actor-slugs').append(...actors.data.map((actor) => new Option(actor.name, actor.slug)))
}

function renderTotals (months) {
  const sum = (pick) => months.reduce((total, row) => total + (pick(row) ?? 0), 0)
  byId('total-incidents').textContent = number.format(sum((row) => row.incidents))
  byId('total-killed').textContent = number.format(sum((row) => row.killed?.best))
  byId('total-wounded').textContent = number.format(sum((row) => row.wounded?.best))
  for (const measure of ['killed', 'wounded']) {
    const unknown = sum((row) => row[measure]?.unknown)
    byId(`unknown-${measure}`).textContent = unknown > 0 ? `unknown for ${number.format(unknown)} incident${unknown === 1 ? '' : 's'}` : ''
  }
  return sum((row) => row.incidents)
}

function renderMap () {
  if (!shown) return
  const items = provinceItems(shown.provinces, shown.killedByCode, view.size)
    .sort((a, b) => b.value[2] - a.value[2])
  map.setOption(mapOption(items, { size: view.size, animation }), true)
}

function renderTableStatus () {
  const rows = tbody.rows.length
  tableStatus.textContent = rows === 0
    ? 'No incidents match these filters.'
    : `Showing ${number.format(rows)} of ${number.format(shown.total)} incidents, newest first.`
  more.hidden = shown.next === null
}

async function apply (filters) {
  const ticket = ++run
  history.replaceState(null, '', pageUrl(filters, view))
  main.dataset.state = 'loading'
  status.textContent = 'Loading…'
  errorBox.hidden = true
  try {
    const [months, byProvince, provinces, page] = await Promise.all([
      getJson('/v1/stats/incidents', withParams(filters, { group_by: 'month' })),
      getJson('/v1/stats/incidents', withParams(filters, { group_by: 'province' })),
      getJson('/v1/provinces', filters),
      getJson('/v1/incidents', withParams(filters, { limit: view.limit }))
    ])
    if (ticket !== run) return
    const killedByCode = new Map(byProvince.data.filter((row) => row.province).map((row) => [row.province.code, row.killed?.best ?? 0]))
    shown = { filters, provinces: provinces.data, killedByCode, next: page.next_cursor, total: 0 }
    shown.total = renderTotals(months.data)
    timeline.setOption(timelineOption(months.data, { animation }), true)
    renderMap()
    tbody.replaceChildren(...page.data.map(incidentRow))
    renderTableStatus()
    status.textContent = describe(filters)
    main.dataset.state = 'ready'
  } catch (error) {
    if (ticket === run) showError(error)
  }
}

async function loadMore () {
  if (!shown?.next) return
  const ticket = run
  more.disabled = true
  main.dataset.state = 'loading'
  try {
    const page = await getJson('/v1/incidents', withParams(shown.filters, { limit: view.limit, cursor: shown.next }))
    if (ticket !== run) return
    tbody.append(...page.data.map(incidentRow))
    shown.next = page.next_cursor
    renderTableStatus()
    main.dataset.state = 'ready'
  } catch (error) {
    if (ticket === run) showError(error)
  } finally {
    more.disabled = false
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  apply(filtersFromForm(form))
})
more.addEventListener('click', loadMore)
for (const input of sizeInputs) {
  input.checked = input.value === view.size
  input.addEventListener('change', () => {
    if (!input.checked) return
    view.size = input.value
    if (shown) history.replaceState(null, '', pageUrl(shown.filters, view))
    renderMap()
  })
}

try {
  await setUp()
  fillForm(form, filtersFromSearch(location.search))
  await apply(filtersFromForm(form))
} catch (error) {
  showError(error)
}
