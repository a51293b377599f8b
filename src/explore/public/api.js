/** Reads the public API from the page: JSON on success, the problem's `detail` as the error otherwise. */

/** An error the API answered with (RFC 9457 problem details): its `detail` is what the reader sees. */
export class ApiProblem extends Error {
  constructor (status, problem) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`)
    this.status = status
    this.problem = problem
  }
}

/** `path` with `params` (a URLSearchParams or a plain object; empty values left out) as its query string. */
export function apiUrl (path, params = {}) {
  const query = new URLSearchParams()
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params)
  for (const [name, value] of entries) if (value !== undefined && value !== null && value !== '') query.append(name, String(value))
  const text = query.toString()
  return text ? `${path}?${text}` : path
}

export async function getJson (path, params) {
  const response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' } })
  if (!response.ok) {
    const problem = await response.json().catch(() => null)
    throw new ApiProblem(response.status, problem)
  }
  return response.json()
}
