/** The 34 provinces of Afghanistan (ISO 3166-2:AF): reference data with common English spellings. */

export interface Province {
  /** ISO 3166-2:AF code, e.g. AF-NAN. */
  code: string
  /** English short name as used by ISO 3166-2. */
  name: string
  /** Other spellings met in reports, for matching user input. */
  aliases: string[]
  /** Provincial capital. */
  capital: string
  /**
   * The area centroid of the province's outline (WGS 84; a planar, area-weighted centroid of its polygons), computed
   * once from the province outlines of the amCharts 5 geodata (`afghanistanLow`) and rounded to 0.01°: a point to
   * place the province on a map, not its capital.
   */
  centroid: { latitude: number, longitude: number }
}

export const provinces: readonly Province[] = [
  { code: 'AF-BDS', name: 'Badakhshan', aliases: ['Badakshan'], capital: 'Fayzabad', centroid: { latitude: 37.04, longitude: 71.44 } },
  { code: 'AF-BDG', name: 'Badghis', aliases: ['Badghes'], capital: 'Qala-e Naw', centroid: { latitude: 35.15, longitude: 63.74 } },
  { code: 'AF-BGL', name: 'Baghlan', aliases: [], capital: 'Pul-e Khumri', centroid: { latitude: 35.8, longitude: 68.93 } },
  { code: 'AF-BAL', name: 'Balkh', aliases: [], capital: 'Mazar-e Sharif', centroid: { latitude: 36.66, longitude: 67.14 } },
  { code: 'AF-BAM', name: 'Bamyan', aliases: ['Bamiyan', 'Bamian'], capital: 'Bamyan', centroid: { latitude: 34.81, longitude: 67.29 } },
  { code: 'AF-DAY', name: 'Daykundi', aliases: ['Daikundi', 'Daykondi', 'Dai Kundi'], capital: 'Nili', centroid: { latitude: 33.75, longitude: 66.2 } },
  { code: 'AF-FRA', name: 'Farah', aliases: [], capital: 'Farah', centroid: { latitude: 32.6, longitude: 62.28 } },
  { code: 'AF-FYB', name: 'Faryab', aliases: ['Fariab'], capital: 'Maymana', centroid: { latitude: 36.06, longitude: 64.86 } },
  { code: 'AF-GHA', name: 'Ghazni', aliases: ['Ghazny'], capital: 'Ghazni', centroid: { latitude: 33.29, longitude: 67.83 } },
  { code: 'AF-GHO', name: 'Ghor', aliases: ['Ghowr'], capital: 'Chaghcharan', centroid: { latitude: 34.17, longitude: 64.89 } },
  { code: 'AF-HEL', name: 'Helmand', aliases: ['Hilmand'], capital: 'Lashkar Gah', centroid: { latitude: 31.14, longitude: 64.04 } },
  { code: 'AF-HER', name: 'Herat', aliases: ['Hirat'], capital: 'Herat', centroid: { latitude: 34.19, longitude: 62.13 } },
  { code: 'AF-JOW', name: 'Jowzjan', aliases: ['Jawzjan', 'Jozjan'], capital: 'Sheberghan', centroid: { latitude: 36.82, longitude: 65.86 } },
  { code: 'AF-KAB', name: 'Kabul', aliases: ['Kabol'], capital: 'Kabul', centroid: { latitude: 34.56, longitude: 69.32 } },
  { code: 'AF-KAN', name: 'Kandahar', aliases: ['Qandahar', 'Kandhar'], capital: 'Kandahar', centroid: { latitude: 31.02, longitude: 65.69 } },
  { code: 'AF-KAP', name: 'Kapisa', aliases: [], capital: 'Mahmud-e Raqi', centroid: { latitude: 35.02, longitude: 69.62 } },
  { code: 'AF-KHO', name: 'Khost', aliases: ['Khowst'], capital: 'Khost', centroid: { latitude: 33.36, longitude: 69.83 } },
  { code: 'AF-KNR', name: 'Kunar', aliases: ['Konar'], capital: 'Asadabad', centroid: { latitude: 34.96, longitude: 71.08 } },
  { code: 'AF-KDZ', name: 'Kunduz', aliases: ['Kondoz', 'Qunduz', 'Konduz'], capital: 'Kunduz', centroid: { latitude: 36.85, longitude: 68.74 } },
  { code: 'AF-LAG', name: 'Laghman', aliases: [], capital: 'Mehtar Lam', centroid: { latitude: 34.76, longitude: 70.15 } },
  { code: 'AF-LOG', name: 'Logar', aliases: ['Lowgar'], capital: 'Pul-e Alam', centroid: { latitude: 34.02, longitude: 69.19 } },
  { code: 'AF-NAN', name: 'Nangarhar', aliases: ['Ningarhar', 'Nangrahar', 'Nangahar'], capital: 'Jalalabad', centroid: { latitude: 34.27, longitude: 70.45 } },
  { code: 'AF-NIM', name: 'Nimroz', aliases: ['Nimruz'], capital: 'Zaranj', centroid: { latitude: 30.81, longitude: 62.34 } },
  { code: 'AF-NUR', name: 'Nuristan', aliases: ['Nurestan'], capital: 'Parun', centroid: { latitude: 35.41, longitude: 70.78 } },
  { code: 'AF-PIA', name: 'Paktia', aliases: ['Paktya', 'Paktiya'], capital: 'Gardez', centroid: { latitude: 33.61, longitude: 69.37 } },
  { code: 'AF-PKA', name: 'Paktika', aliases: [], capital: 'Sharana', centroid: { latitude: 32.48, longitude: 68.73 } },
  { code: 'AF-PAN', name: 'Panjshir', aliases: ['Panjsher', 'Panjshayr', 'Panjshri'], capital: 'Bazarak', centroid: { latitude: 35.49, longitude: 69.84 } },
  { code: 'AF-PAR', name: 'Parwan', aliases: ['Parvan'], capital: 'Charikar', centroid: { latitude: 34.96, longitude: 68.92 } },
  { code: 'AF-SAM', name: 'Samangan', aliases: [], capital: 'Aybak', centroid: { latitude: 35.94, longitude: 67.74 } },
  { code: 'AF-SAR', name: 'Sar-e Pul', aliases: ['Sar-i Pul', 'Sari Pul', 'Sar-e Pol', 'Saripul'], capital: 'Sar-e Pul', centroid: { latitude: 35.7, longitude: 66.19 } },
  { code: 'AF-TAK', name: 'Takhar', aliases: [], capital: 'Taloqan', centroid: { latitude: 36.7, longitude: 69.77 } },
  { code: 'AF-URU', name: 'Uruzgan', aliases: ['Oruzgan', 'Urozgan'], capital: 'Tarinkot', centroid: { latitude: 32.87, longitude: 66.04 } },
  { code: 'AF-WAR', name: 'Wardak', aliases: ['Maidan Wardak', 'Wardag'], capital: 'Maidan Shahr', centroid: { latitude: 34.32, longitude: 68.29 } },
  { code: 'AF-ZAB', name: 'Zabul', aliases: ['Zabol'], capital: 'Qalat', centroid: { latitude: 32.24, longitude: 67.09 } }
]

const byKey = new Map<string, Province>()
for (const p of provinces) {
  for (const key of [p.code, p.name, ...p.aliases]) byKey.set(normalizeProvinceKey(key), p)
}

function normalizeProvinceKey (value: string): string {
  return value.trim().toLowerCase().replace(/[\s_'-]+/g, ' ')
}

/** Finds a province by ISO code, English name or a common spelling, ignoring case. */
export function findProvince (value: string): Province | undefined {
  return byKey.get(normalizeProvinceKey(value))
}
