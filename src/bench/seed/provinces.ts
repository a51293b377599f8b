/**
 * How synthetic incidents spread over the provinces: weights shaped like post-2021 conflict data (Kabul and
 * Nangarhar far ahead, then Kandahar, Helmand, Kunduz, Balkh, Herat; the central highlands light), with a rough
 * centroid of each province for coordinates.
 */
import { provinces } from '../../domain/provinces.ts'

export interface ProvinceShare {
  code: string
  name: string
  capital: string
  weight: number
  latitude: number
  longitude: number
}

const shares: ReadonlyArray<readonly [code: string, weight: number, latitude: number, longitude: number]> = [
  ['AF-KAB', 18, 34.53, 69.17],
  ['AF-NAN', 12, 34.43, 70.45],
  ['AF-KAN', 7, 31.61, 65.71],
  ['AF-HEL', 6, 31.58, 64.37],
  ['AF-KDZ', 5, 36.73, 68.86],
  ['AF-BAL', 5, 36.71, 67.11],
  ['AF-HER', 5, 34.35, 62.2],
  ['AF-PAN', 4, 35.4, 69.7],
  ['AF-BGL', 3.5, 36.13, 68.7],
  ['AF-KNR', 3, 34.87, 71.1],
  ['AF-TAK', 3, 36.74, 69.53],
  ['AF-BDS', 3, 37.12, 70.58],
  ['AF-GHA', 2.5, 33.55, 68.42],
  ['AF-PAR', 2.5, 35.01, 69.17],
  ['AF-KHO', 2, 33.34, 69.92],
  ['AF-PIA', 2, 33.6, 69.22],
  ['AF-LOG', 2, 33.99, 69.03],
  ['AF-LAG', 2, 34.67, 70.21],
  ['AF-WAR', 1.5, 34.4, 68.6],
  ['AF-KAP', 1.5, 34.98, 69.62],
  ['AF-FYB', 1.5, 35.92, 64.78],
  ['AF-JOW', 1.2, 36.66, 65.75],
  ['AF-PKA', 1.2, 33.14, 68.73],
  ['AF-ZAB', 1, 32.11, 66.91],
  ['AF-URU', 1, 32.93, 65.63],
  ['AF-FRA', 1, 32.37, 62.12],
  ['AF-BDG', 1, 35.17, 63.77],
  ['AF-NIM', 0.8, 30.96, 61.86],
  ['AF-SAR', 0.8, 36.22, 65.93],
  ['AF-SAM', 0.8, 36.26, 68.02],
  ['AF-GHO', 0.8, 34.52, 65.25],
  ['AF-BAM', 0.6, 34.82, 67.83],
  ['AF-NUR', 0.6, 35.32, 70.9],
  ['AF-DAY', 0.4, 33.67, 66.05]
]

export const provinceShares: readonly ProvinceShare[] = shares.map(([code, weight, latitude, longitude]) => {
  const province = provinces.find((p) => p.code === code)
  if (!province) throw new Error(`unknown province ${code}`)
  return { code, name: province.name, capital: province.capital, weight, latitude, longitude }
})
