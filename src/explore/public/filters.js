/** The filters: the form's fields, the page's query string and the API's parameters share one vocabulary. */

/** The incident filters the page offers, by their API names. */
export const filterNames = ['province', 'start_date', 'end_date', 'type', 'actor', 'claimed_by', 'attributed_to', 'q']

/** How the page is viewed, kept in its URL too but never sent to the API as a filter. */
export const viewDefaults = { size: 'incidents', limit: '50' }

/** The filters in a query string (the page's own URL): known names with a value, in the form's order. */
export function filtersFromSearch (search) {
  const params = new URLSearchParams(search)
  const filters = new URLSearchParams()
  for (const name of filterNames) {
    const value = params.get(name)?.trim()
    if (value) filters.set(name, value)
  }
  return filters
}

/** The view settings in a query string, defaults for whatever is absent or not understood. */
export function viewFromSearch (search) {
  const params = new URLSearchParams(search)
  const size = params.get('size') === 'killed' ? 'killed' : viewDefaults.size
  const limit = /^[1-9][0-9]{0,2}$/.test(params.get('limit') ?? '') ? params.get('limit') : viewDefaults.limit
  return { size, limit }
}

export function filtersFromForm (form) {
  const data = new FormData(form)
  const filters = new URLSearchParams()
  for (const name of filterNames) {
    const value = String(data.get(name) ?? '').trim()
    if (value) filters.set(name, value)
  }
  return filters
}

/**
 * Puts the filters in the form. A select gets an option for a value it does not list (a province spelt another way,
 * two types comma-separated), so a shared URL shows what it filters on rather than silently dropping it.
 */
export function fillForm (form, filters) {
  for (const name of filterNames) {
    const field = form.elements.namedItem(name)
    if (!field) continue
    const value = filters.get(name) ?? ''
    if (field instanceof HTMLSelectElement) {
      const options = [...field.options]
      const match = options.find((o) => o.value.toLowerCase() === value.toLowerCase()) ??
        options.find((o) => (o.dataset.names ?? '').split('|').includes(value.toLowerCase()))
      if (match) {
        field.value = match.value
      } else {
        field.append(new Option(value, value))
        field.value = value
      }
    } else {
      field.value = value
    }
  }
}

/** The page's URL for these filters and view: only what differs from the defaults. */
export function pageUrl (filters, view) {
  const params = new URLSearchParams(filters)
  for (const [name, value] of Object.entries(view)) if (value !== viewDefaults[name]) params.set(name, value)
  const query = params.toString()
  return query ? `${location.pathname}?${query}` : location.pathname
}
