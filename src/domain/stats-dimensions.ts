/** The dimensions incident statistics can be grouped by. */
export const statsDimensions = ['province', 'year', 'month', 'type', 'actor', 'responsibility'] as const
export type StatsDimension = typeof statsDimensions[number]
