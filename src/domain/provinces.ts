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
}

export const provinces: readonly Province[] = [
  { code: 'AF-BDS', name: 'Badakhshan', aliases: ['Badakshan'], capital: 'Fayzabad' },
  { code: 'AF-BDG', name: 'Badghis', aliases: ['Badghes'], capital: 'Qala-e Naw' },
  { code: 'AF-BGL', name: 'Baghlan', aliases: [], capital: 'Pul-e Khumri' },
  { code: 'AF-BAL', name: 'Balkh', aliases: [], capital: 'Mazar-e Sharif' },
  { code: 'AF-BAM', name: 'Bamyan', aliases: ['Bamiyan', 'Bamian'], capital: 'Bamyan' },
  { code: 'AF-DAY', name: 'Daykundi', aliases: ['Daikundi', 'Daykondi', 'Dai Kundi'], capital: 'Nili' },
  { code: 'AF-FRA', name: 'Farah', aliases: [], capital: 'Farah' },
  { code: 'AF-FYB', name: 'Faryab', aliases: ['Fariab'], capital: 'Maymana' },
  { code: 'AF-GHA', name: 'Ghazni', aliases: ['Ghazny'], capital: 'Ghazni' },
  { code: 'AF-GHO', name: 'Ghor', aliases: ['Ghowr'], capital: 'Chaghcharan' },
  { code: 'AF-HEL', name: 'Helmand', aliases: ['Hilmand'], capital: 'Lashkar Gah' },
  { code: 'AF-HER', name: 'Herat', aliases: ['Hirat'], capital: 'Herat' },
  { code: 'AF-JOW', name: 'Jowzjan', aliases: ['Jawzjan', 'Jozjan'], capital: 'Sheberghan' },
  { code: 'AF-KAB', name: 'Kabul', aliases: ['Kabol'], capital: 'Kabul' },
  { code: 'AF-KAN', name: 'Kandahar', aliases: ['Qandahar', 'Kandhar'], capital: 'Kandahar' },
  { code: 'AF-KAP', name: 'Kapisa', aliases: [], capital: 'Mahmud-e Raqi' },
  { code: 'AF-KHO', name: 'Khost', aliases: ['Khowst'], capital: 'Khost' },
  { code: 'AF-KNR', name: 'Kunar', aliases: ['Konar'], capital: 'Asadabad' },
  { code: 'AF-KDZ', name: 'Kunduz', aliases: ['Kondoz', 'Qunduz', 'Konduz'], capital: 'Kunduz' },
  { code: 'AF-LAG', name: 'Laghman', aliases: [], capital: 'Mehtar Lam' },
  { code: 'AF-LOG', name: 'Logar', aliases: ['Lowgar'], capital: 'Pul-e Alam' },
  { code: 'AF-NAN', name: 'Nangarhar', aliases: ['Ningarhar', 'Nangrahar', 'Nangahar'], capital: 'Jalalabad' },
  { code: 'AF-NIM', name: 'Nimroz', aliases: ['Nimruz'], capital: 'Zaranj' },
  { code: 'AF-NUR', name: 'Nuristan', aliases: ['Nurestan'], capital: 'Parun' },
  { code: 'AF-PIA', name: 'Paktia', aliases: ['Paktya', 'Paktiya'], capital: 'Gardez' },
  { code: 'AF-PKA', name: 'Paktika', aliases: [], capital: 'Sharana' },
  { code: 'AF-PAN', name: 'Panjshir', aliases: ['Panjsher', 'Panjshayr', 'Panjshri'], capital: 'Bazarak' },
  { code: 'AF-PAR', name: 'Parwan', aliases: ['Parvan'], capital: 'Charikar' },
  { code: 'AF-SAM', name: 'Samangan', aliases: [], capital: 'Aybak' },
  { code: 'AF-SAR', name: 'Sar-e Pul', aliases: ['Sar-i Pul', 'Sari Pul', 'Sar-e Pol', 'Saripul'], capital: 'Sar-e Pul' },
  { code: 'AF-TAK', name: 'Takhar', aliases: [], capital: 'Taloqan' },
  { code: 'AF-URU', name: 'Uruzgan', aliases: ['Oruzgan', 'Urozgan'], capital: 'Tarinkot' },
  { code: 'AF-WAR', name: 'Wardak', aliases: ['Maidan Wardak', 'Wardag'], capital: 'Maidan Shahr' },
  { code: 'AF-ZAB', name: 'Zabul', aliases: ['Zabol'], capital: 'Qalat' }
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
