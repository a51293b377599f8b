/** The `group_by` parameter: one or two of the dimensions incident statistics are grouped by. */
import { statsDimensions, type StatsDimension } from '../../domain/stats-dimensions.ts'
import { invalidParameter } from '../../http/problem.ts'

export type { StatsDimension }

/** At most this many dimensions at once. */
export const maxDimensions = 2

/** `province,month` -> ['province', 'month']; an unknown name, a repeat or more than two is a 400 that names it. */
export function parseGroupBy (value: string | undefined): StatsDimension[] {
  if (value === undefined) return []
  const names = value.split(',').map((v) => v.trim())
  const seen: StatsDimension[] = []
  for (const name of names) {
    if (!(statsDimensions as readonly string[]).includes(name)) {
      throw invalidParameter('group_by', `"${name}" is not a dimension; use one or two of ${statsDimensions.join(', ')}, comma-separated`)
    }
    if (seen.includes(name as StatsDimension)) throw invalidParameter('group_by', `names "${name}" twice`)
    seen.push(name as StatsDimension)
  }
  if (seen.length > maxDimensions) throw invalidParameter('group_by', `names ${seen.length} dimensions (${seen.join(', ')}); at most ${maxDimensions} at once`)
  return seen
}
