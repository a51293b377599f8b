/** Groups rows of a batch query by the parent they belong to, keeping their order. */
export function groupBy<T, V> (items: T[], key: (item: T) => string, value: (item: T) => V): Map<string, V[]> {
  const map = new Map<string, V[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(value(item))
    else map.set(k, [value(item)])
  }
  return map
}
