/** The timeline: incidents (bars), killed and wounded (lines) per month, every month from the first to the last shown. */

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Every `YYYY-MM` from `first` to `last`, both included. */
export function monthsBetween (first, last) {
  const months = []
  let [year, month] = first.split('-').map(Number)
  const [lastYear, lastMonth] = last.split('-').map(Number)
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`)
    month += 1
    if (month > 12) { month = 1; year += 1 }
  }
  return months
}

export function monthLabel (month) {
  const [year, number] = month.split('-')
  return `${monthNames[Number(number) - 1]} ${year}`
}

/**
 * The stats rows (`group_by=month`) as one series per measure over a continuous month axis: a month without incidents
 * is a 0, not a gap the axis closes up. Casualties are the best estimates.
 */
export function monthlySeries (rows) {
  const byMonth = new Map(rows.filter((row) => row.month).map((row) => [row.month, row]))
  const known = [...byMonth.keys()].sort()
  const months = known.length === 0 ? [] : monthsBetween(known[0], known[known.length - 1])
  const pick = (row, measure) => row?.[measure]?.best ?? 0
  return {
    months,
    incidents: months.map((month) => byMonth.get(month)?.incidents ?? 0),
    killed: months.map((month) => pick(byMonth.get(month), 'killed')),
    wounded: months.map((month) => pick(byMonth.get(month), 'wounded'))
  }
}

export function timelineOption (rows, { animation }) {
  const { months, incidents, killed, wounded } = monthlySeries(rows)
  return {
    animation,
    aria: { enabled: true },
    color: ['#3b6ea5', '#b91c1c', '#d97706'],
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    title: months.length === 0
      ? { show: true, text: 'No incidents match these filters', left: 'center', top: 'middle', textStyle: { fontSize: 14, fontWeight: 'normal', color: '#4b5563' } }
      : { show: false },
    legend: { top: 0, left: 0, itemGap: 16 },
    tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: months,
      axisLabel: { formatter: monthLabel, hideOverlap: true },
      axisTick: { alignWithLabel: true }
    },
    yAxis: [
      { type: 'value', name: 'Incidents', minInterval: 1, nameTextStyle: { align: 'left' } },
      { type: 'value', name: 'Killed, wounded', minInterval: 1, splitLine: { show: false }, nameTextStyle: { align: 'right' } }
    ],
    series: [
      { id: 'incidents', name: 'Incidents', type: 'bar', data: incidents, barMaxWidth: 28 },
      { id: 'killed', name: 'Killed', type: 'line', yAxisIndex: 1, data: killed, symbolSize: 6 },
      { id: 'wounded', name: 'Wounded', type: 'line', yAxisIndex: 1, data: wounded, symbolSize: 5, lineStyle: { type: 'dashed' } }
    ]
  }
}
