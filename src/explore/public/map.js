/** The map: Afghanistan's outline and a circle at each province's centre, its area proportional to incidents or killed. */

export const mapName = 'afghanistan'

/** Labels go right of their circle, except where a neighbour sits there: Kabul's would cover Nangarhar, Parwan's Kapisa. */
const labelSides = { 'AF-KAB': 'left', 'AF-PAR': 'left', 'AF-LOG': 'left', 'AF-WAR': 'left', 'AF-KAP': 'top', 'AF-LAG': 'top', 'AF-PAN': 'top' }

const largest = 40
const smallest = 7

/**
 * One item per province with a centre: `value` is [longitude, latitude, count]. `provinces` come from /v1/provinces
 * under the filters (their `incidents`); killed from the stats grouped by province (best estimates).
 */
export function provinceItems (provinces, killedByCode, size) {
  return provinces
    .filter((province) => province.centroid)
    .map((province) => ({
      name: province.name,
      code: province.code,
      value: [province.centroid.longitude, province.centroid.latitude, size === 'killed' ? killedByCode.get(province.code) ?? 0 : province.incidents ?? 0]
    }))
}

/** Area, not radius, follows the count; a province with none is a small grey dot, there to place the others. */
function sized (items) {
  const max = Math.max(1, ...items.map((item) => item.value[2]))
  return items.map((item) => {
    const count = item.value[2]
    return count > 0
      ? { ...item, symbolSize: smallest + (largest - smallest) * Math.sqrt(count / max), label: { position: labelSides[item.code] ?? 'right' } }
      : { ...item, symbolSize: 4, itemStyle: { color: '#9ca3af', borderColor: '#9ca3af', opacity: 0.8 }, label: { show: false }, tooltip: { show: true } }
  })
}

export function mapOption (items, { size, animation }) {
  const measure = size === 'killed' ? 'killed' : 'incidents'
  return {
    animation,
    aria: { enabled: true, label: { description: `Map of Afghanistan: circles at province centres sized by ${measure}.` } },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    tooltip: {
      renderMode: 'richText',
      formatter: (item) => `${item.name}: ${item.value[2]} ${item.value[2] === 1 ? measure.replace(/s$/, '') : measure}`
    },
    geo: {
      map: mapName,
      roam: false,
      silent: true,
      // Degrees of longitude are shorter than degrees of latitude at 34°N (cos 34° ≈ 0.83).
      aspectScale: 0.83,
      // The box the outline fits in, its proportions kept; the bottom margin keeps the credit clear of the south.
      left: 4,
      right: 4,
      top: 8,
      bottom: 20,
      itemStyle: { areaColor: '#eef1f4', borderColor: '#6b7280', borderWidth: 1 },
      label: { show: false }
    },
    graphic: [{ type: 'text', right: 4, bottom: 2, style: { text: 'Outline: Natural Earth', fontSize: 11, fill: '#6b7280' } }],
    series: [{
      id: 'provinces',
      name: measure === 'killed' ? 'Killed' : 'Incidents',
      type: 'scatter',
      coordinateSystem: 'geo',
      data: sized(items),
      itemStyle: { color: 'rgba(185, 28, 28, 0.5)', borderColor: '#7f1d1d', borderWidth: 1 },
      emphasis: { scale: 1.1, itemStyle: { color: 'rgba(185, 28, 28, 0.75)' } },
      label: {
        show: true,
        position: 'right',
        distance: 4,
        fontSize: 11,
        color: '#1f2937',
        formatter: (item) => `${item.name} ${item.value[2]}`
      },
      labelLayout: { hideOverlap: true }
    }]
  }
}
