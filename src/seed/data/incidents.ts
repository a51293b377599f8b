/**
 * Incidents of the seed dataset, how each source reports them, and reported casualty breakdowns.
 *
 * Figures: `*Low/*Best/*High` are integers or null (null = unknown, zero only when known). An exact figure
 * ("three dead") is low = best = high; "at least three" is low = best = 3, high = null; "several" is null.
 * Incident-level figures reconcile the per-source reports: low = the lowest reported figure, high = the highest
 * (null when a report is open-ended), best = the most credible figure, explained in the summary.
 *
 * Dates: relative dates are resolved against the reporting article's own date (see sources.ts notes).
 * Coordinates: only city centres from a gazetteer (GeoNames) with locationPrecision 'city', and only when the
 * article places the incident in that city; otherwise latitude, longitude and locationPrecision are all null.
 *
 * Left out on purpose (not evidenced as incidents with a place, a rough date and an outcome):
 * - The "recent explosions in the Wazir Muhammad Akbar Khan mosque" (article 004): named only inside Zabihullah
 *   Mujahid's quote, with no date, no casualty figure or other outcome and no city; it is kept in that
 *   statement's text and notes instead.
 * - The "targeted killings in Nangarhar and Parwan provinces" claimed by the group according to Anadolu Agency
 *   (article 003): no date, no place below the province, no count, and not distinguishable as single incidents;
 *   kept in the text of the claim statement.
 * - The Taliban's October 2021 dismantling of "a Daesh hideout in the capital Kabul" (article 003) and Mujahid's
 *   operation on an ISKP hideout in Kabul's 8th security district (article 004, "a bunch of its fighters were
 *   killed"): Taliban operations reported only through Taliban statements, without a date (003 gives the month
 *   only) or a figure; kept as statements.
 * - The two landmines neutralised near the 3 Dec 2022 Jalalabad blast site: no attack outcome; part of that
 *   incident's statement record.
 * - Article 004's aggregate ("at least 96 people have been killed in ISKP attacks" in two months): a tally, not an
 *   incident; kept in the source notes.
 */
import type { CasualtyBreakdownRow, IncidentReportRow, IncidentRow } from '../types.ts'
import {
  SRC_000,
  SRC_001,
  SRC_002,
  SRC_003,
  SRC_004,
  SRC_ANADOLU,
  SRC_HEKMATYAR_VIDEO,
  SRC_UNAMA_AYBAK
} from './sources.ts'

/** City centres (GeoNames). */
const KABUL = { latitude: 34.52813, longitude: 69.17233, locationPrecision: 'city' } as const
const JALALABAD = { latitude: 34.42647, longitude: 70.45153, locationPrecision: 'city' } as const
const AYBAK = { latitude: 36.26468, longitude: 68.01551, locationPrecision: 'city' } as const
const NO_COORDINATES = { latitude: null, longitude: null, locationPrecision: null } as const

export const INC_KABUL_AIRPORT = 'inc_2021_08_26_kabul_airport_suicide_bombing'
export const INC_JALALABAD_SEPT = 'inc_2021_09_18_jalalabad_blasts'
export const INC_KABUL_IDGAH = 'inc_2021_10_kabul_eid_gah_mosque_blast'
export const INC_KANDAHAR_MOSQUE = 'inc_2021_10_kandahar_mosque_bombing'
export const INC_KUNDUZ_MOSQUE = 'inc_2021_10_kunduz_shia_mosque_bombing'
export const INC_KABUL_HOSPITAL = 'inc_2021_11_02_kabul_military_hospital_attack'
export const INC_JALALABAD_NOV = 'inc_2021_11_07_jalalabad_twin_blasts'
export const INC_KAJ_ACADEMY = 'inc_2022_09_28_kabul_kaj_academy_attack'
export const INC_AYBAK_MADRASSA = 'inc_2022_11_30_aybak_al_jihadiya_madrassa_bombing'
export const INC_PAKISTAN_EMBASSY = 'inc_2022_12_02_kabul_pakistani_embassy_attack'
export const INC_HIZB_OFFICE = 'inc_2022_12_02_kabul_hizb_e_islami_office_attack'
export const INC_JALALABAD_CHARAN_SINGH = 'inc_2022_12_03_jalalabad_blast_near_charan_singh_shop'
export const INC_HERAT_INJIL = 'inc_2022_11_herat_injil_taliban_outpost_attack'
export const INC_HERAT_MINIBUS = 'inc_2022_11_herat_al_farooq_corps_minibus_attack'
export const INC_HERAT_FARGH_SHAHR = 'inc_2022_11_herat_fargh_shahr_taliban_outpost_attack'

const HERAT_DATE_NOTE = 'Article 004 (2022-12-05) gives no date for this attack; it reports it as part of a recent ' +
  'intensification of attacks in Herat, in an article about the attacks of "the last two months" (about 5 October ' +
  'to 5 December 2022). Recorded as November 2022 with month precision, the middle of that window; the true date ' +
  'may fall in October or early December 2022.'

export const incidents: IncidentRow[] = [
  {
    id: INC_KABUL_AIRPORT,
    title: 'Suicide bombing outside Kabul international airport during the evacuation',
    occurredOn: '2021-08-26',
    datePrecision: 'day',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Outside Kabul international airport',
    ...KABUL,
    type: 'suicide_bombing',
    targets: ['airport', 'foreign_forces', 'civilians'],
    summary: 'On 26 August 2021, as American and foreign troops completed their withdrawal and airlift, suicide ' +
      'bombers targeted the US evacuation effort outside Kabul international airport, one of the deadliest attacks ' +
      'in Afghanistan in years. Article 001 says the blast killed 169 Afghans and 13 US service members (182 in ' +
      'all) and calls the bombers "ISIS"; article 002 cites the bombing as showing ISKP’s ability to strike. No ' +
      'wounded figure is given.',
    killedLow: 182,
    killedBest: 182,
    killedHigh: 182,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  },
  {
    id: INC_JALALABAD_SEPT,
    title: 'Series of explosions against Taliban vehicles in Jalalabad',
    occurredOn: '2021-09-18',
    datePrecision: 'day',
    provinceCode: 'AF-NAN',
    district: null,
    place: 'Jalalabad city',
    ...JALALABAD,
    type: 'bombing',
    targets: ['taliban_forces', 'vehicle'],
    summary: 'A series of explosions struck Taliban vehicles in Jalalabad, the capital of Nangarhar, over the weekend ' +
      'of 18-19 September 2021: the first blasts in the province since the Taliban came to power. Article 000 dates ' +
      'the explosions to 18 September with three dead and 18 injured; article 001 speaks of a string of explosions ' +
      '"over the weekend" (a victim died in "September 19th’s blasts") that killed eight people, among them Taliban ' +
      'fighters, an 18-year-old rickshaw driver and a 10-year-old boy. Recorded as one incident starting 18 ' +
      'September; best killed figure 8 (article 001 covers the whole weekend series), low 3 (article 000, 18 ' +
      'September only). Only article 000 gives a wounded figure (18), so the upper bound of wounded is unknown. ' +
      'ISIS claimed the attacks (article 001); article 002 attributes them to ISKP.',
    killedLow: 3,
    killedBest: 8,
    killedHigh: 8,
    woundedLow: 18,
    woundedBest: 18,
    woundedHigh: null
  },
  {
    id: INC_KABUL_IDGAH,
    title: 'Explosion near the Eid Gah (Idgah) mosque in Kabul',
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Near the Eid Gah mosque ("Kabul Mosque Idgah")',
    ...KABUL,
    type: 'bombing',
    targets: ['religious_site'],
    summary: 'In "early October" 2021 an explosion near the Kabul Eid Gah mosque killed 12 people and injured 32 ' +
      '(article 003). The article gives no day: recorded as 2021-10-01 with month precision (the first days of ' +
      'October 2021). Article 003 presents it as one of the "terrorist attacks organized by IS".',
    killedLow: 12,
    killedBest: 12,
    killedHigh: 12,
    woundedLow: 32,
    woundedBest: 32,
    woundedHigh: 32
  },
  {
    id: INC_KANDAHAR_MOSQUE,
    title: 'Suicide bombing near a mosque in Kandahar',
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    provinceCode: 'AF-KAN',
    district: null,
    place: 'Near a mosque',
    ...NO_COORDINATES,
    type: 'suicide_bombing',
    targets: ['religious_site'],
    summary: 'In October 2021 ("in the same month" as the early-October Kabul blast) an explosion near a mosque in ' +
      'Kandahar province killed 42 people (article 003). No day is given: recorded as October 2021 with month ' +
      'precision. Article 003 first says that no one had claimed it, then reports, citing Anadolu Agency, that ' +
      '"the group" (Daesh, i.e. ISKP) claimed "a massive suicide bombing in Kandahar"; both are kept. Only the ' +
      'province is given, so no coordinates.',
    killedLow: 42,
    killedBest: 42,
    killedHigh: 42,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  },
  {
    id: INC_KUNDUZ_MOSQUE,
    title: 'Suicide bombing in a Shia community mosque in Kunduz',
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    provinceCode: 'AF-KDZ',
    district: null,
    place: 'A Shia community mosque',
    ...NO_COORDINATES,
    type: 'suicide_bombing',
    targets: ['religious_site', 'religious_minority'],
    summary: 'In October 2021 an explosion at a Shia community mosque in the northern Kunduz province killed 120 ' +
      'people according to article 003; Anadolu Agency (cited by 003) says the massive suicide bombing killed "more ' +
      'than 100 people". Best 120 (the only exact figure), low 101. Article 003 says no one had claimed it, then, ' +
      'citing Anadolu, that the group claimed it. No day is given (month precision); only the province is given, ' +
      'so no coordinates.',
    killedLow: 101,
    killedBest: 120,
    killedHigh: 120,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  },
  {
    id: INC_KABUL_HOSPITAL,
    title: 'Bombings and assault on the Sardar Mohammad Daud Khan military hospital in Kabul',
    occurredOn: '2021-11-02',
    datePrecision: 'day',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Sardar Mohammad Daud Khan military hospital',
    ...KABUL,
    type: 'complex_attack',
    targets: ['hospital'],
    summary: 'On 2 November 2021 at least two explosions, followed by gunfire, hit the area of the Sardar Mohammad ' +
      'Daud Khan military hospital in Kabul; according to local TV channels another explosion followed, a group of ' +
      'suicide bombers entered the building and fought Taliban forces (article 003). Taliban representative Bilal ' +
      'Karimi confirmed the explosions. Article 003 reported no immediate claim; article 000 (7 Nov) says ISIS-K ' +
      'claimed the attack, carried out by "suicide bombers allied with ISIS". Neither article gives casualty figures.',
    killedLow: null,
    killedBest: null,
    killedHigh: null,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  },
  {
    id: INC_JALALABAD_NOV,
    title: 'Twin blasts in Jalalabad',
    occurredOn: '2021-11-07',
    datePrecision: 'day',
    provinceCode: 'AF-NAN',
    district: null,
    place: 'Jalalabad city',
    ...JALALABAD,
    type: 'bombing',
    targets: [],
    summary: 'On 7 November 2021 twin blasts, followed by gunfire according to eyewitnesses, hit Jalalabad, the ' +
      'capital of Nangarhar; local sources reported at least three killed and several wounded (article 000). No ' +
      'one claimed responsibility; political experts believe ISIS-K carried it out. The target is not reported.',
    killedLow: 3,
    killedBest: 3,
    killedHigh: null,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  },
  {
    id: INC_KAJ_ACADEMY,
    title: 'Attack on the Kaj Academy in Dasht-e Barchi, Kabul',
    occurredOn: '2022-09-28',
    datePrecision: 'week',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Kaj Academy (Kaj education center), Dasht-e Barchi area, west of Kabul',
    ...KABUL,
    type: 'bombing',
    targets: ['school', 'students', 'civilians', 'religious_minority'],
    summary: 'Attackers struck the Kaj Academy, an education centre in the Dasht-e Barchi area in the west of Kabul, ' +
      'killing at least 53 people and wounding 110, most of them female students (article 004). Article 004 dates ' +
      'it "two months and seven days ago" from its own date (2022-12-05), i.e. 2022-09-28; because that is a ' +
      'rounded relative expression in a translated article whose own date is itself inferred, the incident is ' +
      'recorded at week precision. Article 004 speaks of "armed attackers", while Zabihullah Mujahid refers to ' +
      '"the recent explosions in ... the Kaj education center"; the type follows the explicit explosion. Amnesty ' +
      'International linked it to attacks on Hazara minority neighbourhoods. The Taliban attributed it to ISKP.',
    killedLow: 53,
    killedBest: 53,
    killedHigh: null,
    woundedLow: 110,
    woundedBest: 110,
    woundedHigh: null
  },
  {
    id: INC_AYBAK_MADRASSA,
    title: 'Bombing of the al-Jihadiya madrassa in Aybak',
    occurredOn: '2022-11-30',
    datePrecision: 'day',
    provinceCode: 'AF-SAM',
    district: null,
    place: 'al-Jihadiya madrassa (its mosque), Aybak city',
    ...AYBAK,
    type: 'suicide_bombing',
    targets: ['school', 'religious_site', 'students', 'civilians'],
    summary: 'On Wednesday 30 November 2022 (resolved against article 004’s date, 2022-12-05) a blast during ' +
      'prayer inside the mosque of the al-Jihadiya madrassa in Aybak, capital of Samangan, left dozens dead and ' +
      'injured; UNAMA’s latest report: 19 killed and 23 injured. Article 004 also says "20 children are among the ' +
      'dead", which is inconsistent with a total of 19; both are kept (UNAMA as best figure, the breakdown as ' +
      'reported) and the upper bounds are left open. Article 004 heads the section "Suicide Attack on Al-Jihadiya ' +
      'Madarassa". No one claimed responsibility.',
    killedLow: 19,
    killedBest: 19,
    killedHigh: null,
    woundedLow: 23,
    woundedBest: 23,
    woundedHigh: null
  },
  {
    id: INC_PAKISTAN_EMBASSY,
    title: 'Assassination attempt on Pakistan’s ambassador at the Pakistani embassy in Kabul',
    occurredOn: '2022-12-02',
    datePrecision: 'day',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Pakistani embassy, Karta-e Parwan area',
    ...KABUL,
    type: 'assassination_attempt',
    targets: ['diplomatic_mission'],
    summary: 'On Friday 2 December 2022 the Pakistani embassy in the Karta-e Parwan area of Kabul came under armed ' +
      'attack, reportedly from a nearby building; the attackers tried to assassinate ambassador Obaid ul-Rehman ' +
      'Nizamani while he was in the compound and failed. One embassy security guard, Israr Mohammad, was injured. ' +
      'The Taliban said they arrested a suspect with two guns. ISKP claimed the attack; Pakistan views the claim with ' +
      'suspicion and will investigate. No death is reported (killed unknown rather than zero).',
    killedLow: null,
    killedBest: null,
    killedHigh: null,
    woundedLow: 1,
    woundedBest: 1,
    woundedHigh: 1
  },
  {
    id: INC_HIZB_OFFICE,
    title: 'Attack on the Hizb-e-Islami office mosque in Kabul targeting Gulbuddin Hekmatyar',
    occurredOn: '2022-12-02',
    datePrecision: 'day',
    provinceCode: 'AF-KAB',
    district: null,
    place: 'Mosque of the Hizb-e-Islami office, Dar-ul-Aman area',
    ...KABUL,
    type: 'assassination_attempt',
    targets: ['political_party', 'political_figure', 'religious_site'],
    summary: 'On Friday 2 December 2022, during Friday prayers, two armed attackers attacked the mosque of the ' +
      'Hizb-e-Islami office in the Dar-ul-Aman area of Kabul aiming to assassinate party leader Gulbuddin Hekmatyar, ' +
      'who was unhurt. In the gun battle with his guards one worshipper was killed and two others were injured ' +
      '(article 004). Hekmatyar said the suicide attackers, in women’s clothes, were killed by his bodyguards before ' +
      'the explosion; the attackers are not counted in the figures. No claim is reported.',
    killedLow: 1,
    killedBest: 1,
    killedHigh: 1,
    woundedLow: 2,
    woundedBest: 2,
    woundedHigh: 2
  },
  {
    id: INC_JALALABAD_CHARAN_SINGH,
    title: 'Explosive device blast near Charan Singh’s shop in Jalalabad',
    occurredOn: '2022-12-03',
    datePrecision: 'day',
    provinceCode: 'AF-NAN',
    district: null,
    place: 'Near the shop of Charan Singh, first district of Jalalabad city',
    ...JALALABAD,
    type: 'ied',
    targets: ['business', 'civilians'],
    summary: 'Around 4:00 p.m. on Saturday 3 December 2022 (resolved against article 004’s date) an explosive device ' +
      'planted near the shop of Charan Singh, the only remaining Hindu in Nangarhar, exploded in the first district ' +
      'of Jalalabad; the Taliban’s provincial head of information and culture confirmed six civilians injured. The ' +
      'blast broke windows of nearby houses and shops; two more landmines were found and neutralised nearby. No ' +
      'death is reported. No one claimed it; article 004 notes most such attacks are by ISKP. The article does not ' +
      'say Charan Singh or the Hindu community was the target, so religious_minority is not asserted.',
    killedLow: null,
    killedBest: null,
    killedHigh: null,
    woundedLow: 6,
    woundedBest: 6,
    woundedHigh: 6
  },
  {
    id: INC_HERAT_INJIL,
    title: 'Armed attack on a Taliban outpost in Chaharbagh Firuza, Injil district, Herat',
    occurredOn: '2022-11-01',
    datePrecision: 'month',
    provinceCode: 'AF-HER',
    district: 'Injil',
    place: 'Chaharbagh Firuza area',
    ...NO_COORDINATES,
    type: 'armed_assault',
    targets: ['taliban_forces'],
    summary: 'Armed individuals attacked a Taliban outpost in the Chaharbagh Firuza area of Injil district, Herat ' +
      'province, killing four Taliban forces and wounding three (local sources via article 004). It is not clear ' +
      'which group attacked; the Taliban said nothing. ' + HERAT_DATE_NOTE,
    killedLow: 4,
    killedBest: 4,
    killedHigh: 4,
    woundedLow: 3,
    woundedBest: 3,
    woundedHigh: 3
  },
  {
    id: INC_HERAT_MINIBUS,
    title: 'Armed attack on a minibus of the Taliban al-Farooq corps in Herat',
    occurredOn: '2022-11-01',
    datePrecision: 'month',
    provinceCode: 'AF-HER',
    district: null,
    place: null,
    ...NO_COORDINATES,
    type: 'armed_assault',
    targets: ['taliban_forces', 'vehicle'],
    summary: 'A minibus carrying employees of the Taliban’s al-Farooq corps was attacked in Herat, killing five ' +
      'Taliban members and injuring 18 others; ISKP claimed it, saying one of its fighters shot at the occupants ' +
      '(article 004). Article 004 places it before the Injil outpost attack. "In Herat" does not say whether the city ' +
      'or the province is meant, so no coordinates. ' + HERAT_DATE_NOTE,
    killedLow: 5,
    killedBest: 5,
    killedHigh: 5,
    woundedLow: 18,
    woundedBest: 18,
    woundedHigh: 18
  },
  {
    id: INC_HERAT_FARGH_SHAHR,
    title: 'Armed attack on a Taliban outpost in Fargh Shahr, Herat',
    occurredOn: '2022-11-01',
    datePrecision: 'month',
    provinceCode: 'AF-HER',
    district: null,
    place: 'Fargh Shahr area',
    ...NO_COORDINATES,
    type: 'armed_assault',
    targets: ['taliban_forces'],
    summary: 'Gunmen attacked a Taliban outpost in the Fargh Shahr area of Herat; residents say the gun battle ' +
      'lasted several hours, and local sources told Hasht-e Subh that 14 Taliban fighters were killed (article 004). ' +
      'No wounded figure; Taliban officials in Herat had not commented; no claim is reported. ' + HERAT_DATE_NOTE,
    killedLow: 14,
    killedBest: 14,
    killedHigh: 14,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null
  }
]

const noFigures = {
  killedLow: null,
  killedBest: null,
  killedHigh: null,
  woundedLow: null,
  woundedBest: null,
  woundedHigh: null
} as const

/** Each source's own account of an incident: its date, its figures and its words (excerpts are verbatim). */
export const incidentReports: IncidentReportRow[] = [
  // Kabul airport
  {
    id: 'rep_2021_08_26_kabul_airport__001',
    incidentId: INC_KABUL_AIRPORT,
    sourceId: SRC_001,
    occurredOn: '2021-08-26',
    datePrecision: 'day',
    killedLow: 182,
    killedBest: 182,
    killedHigh: 182,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'On August 26th, as American and foreign troops completed their withdrawal and frantic airlift from the country, ISIS suicide bombers targeted U.S. evacuation efforts outside Kabul international airport in one of the deadliest attacks in Afghanistan in years. The blast killed 169 Afghans and 13 U.S. service members.',
    notes: 'Killed = 169 Afghans + 13 US service members = 182. No wounded figure given. "August 26th" resolves to ' +
      '2021 against the article’s date (2021-09-21).'
  },
  {
    id: 'rep_2021_08_26_kabul_airport__002',
    incidentId: INC_KABUL_AIRPORT,
    sourceId: SRC_002,
    occurredOn: null,
    datePrecision: null,
    ...noFigures,
    excerpt: 'The bombing of Kabul airport, carried out while foreign governments were evacuating their staff along with thousands of Afghan collaborators and their families, showed the ISKP’s ability to strike.',
    notes: 'No date and no figures; places it during the evacuation and before the Jalalabad attacks.'
  },

  // Jalalabad, September 2021
  {
    id: 'rep_2021_09_18_jalalabad_blasts__000',
    incidentId: INC_JALALABAD_SEPT,
    sourceId: SRC_000,
    occurredOn: '2021-09-18',
    datePrecision: 'day',
    killedLow: 3,
    killedBest: 3,
    killedHigh: 3,
    woundedLow: 18,
    woundedBest: 18,
    woundedHigh: 18,
    excerpt: 'On 18 September, a series of explosions rattled Jalalabad, leaving three dead and 18 injured. The September attack was the first blast in the province since the Taliban came to power on 15 August.',
    notes: null
  },
  {
    id: 'rep_2021_09_18_jalalabad_blasts__001',
    incidentId: INC_JALALABAD_SEPT,
    sourceId: SRC_001,
    occurredOn: '2021-09-19',
    datePrecision: 'day',
    killedLow: 8,
    killedBest: 8,
    killedHigh: 8,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'A string of explosions struck Taliban vehicles in Afghanistan’s provincial city of Jalalabad over the weekend, killing eight people, among them Taliban fighters.',
    notes: 'Article 001 (Tue 2021-09-21) places the blasts "over the weekend" (18-19 Sept 2021) and names ' +
      '"September 19th’s blasts", in which an 18-year-old rickshaw driver and his 10-year-old cousin were killed; ' +
      'its own explicit date, 19 September, is recorded. The eight dead cover the whole weekend string. No wounded ' +
      'figure.'
  },
  {
    id: 'rep_2021_09_18_jalalabad_blasts__002',
    incidentId: INC_JALALABAD_SEPT,
    sourceId: SRC_002,
    occurredOn: null,
    datePrecision: null,
    ...noFigures,
    excerpt: 'More recently, ISKP operatives carried a series of bomb attacks in Jalalabad.',
    notes: 'No date (after the airport attack, before 2021-09-24) and no figures.'
  },

  // Kabul Eid Gah mosque, October 2021
  {
    id: 'rep_2021_10_kabul_eid_gah__003',
    incidentId: INC_KABUL_IDGAH,
    sourceId: SRC_003,
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    killedLow: 12,
    killedBest: 12,
    killedHigh: 12,
    woundedLow: 32,
    woundedBest: 32,
    woundedHigh: 32,
    excerpt: 'So, in early October, an explosion near the Kabul Mosque Idgah killed 12 people, and another 32 were injured.',
    notes: '"Early October" (2021): no day given.'
  },

  // Kandahar mosque, October 2021
  {
    id: 'rep_2021_10_kandahar_mosque__003',
    incidentId: INC_KANDAHAR_MOSQUE,
    sourceId: SRC_003,
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    killedLow: 42,
    killedBest: 42,
    killedHigh: 42,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'In the same month, two more explosions thundered near mosques – in the provinces of Kandahar (42 people were killed) and Kunduz (120 dead). So far, no one has claimed responsibility for organizing these attacks.',
    notes: 'Article 003 says here that no one has claimed the attack; further down it reports, citing Anadolu ' +
      'Agency, that the group claimed "a massive suicide bombing in Kandahar". The contradiction is kept.'
  },
  {
    id: 'rep_2021_10_kandahar_mosque__anadolu',
    incidentId: INC_KANDAHAR_MOSQUE,
    sourceId: SRC_ANADOLU,
    occurredOn: null,
    datePrecision: null,
    ...noFigures,
    excerpt: 'According to Anadolu Agency, the group claimed a massive suicide bombing in Kandahar',
    notes: 'Anadolu Agency’s account as relayed by article 003 (the excerpt is article 003’s wording); no date or ' +
      'figure for Kandahar.'
  },

  // Kunduz mosque, October 2021
  {
    id: 'rep_2021_10_kunduz_mosque__003',
    incidentId: INC_KUNDUZ_MOSQUE,
    sourceId: SRC_003,
    occurredOn: '2021-10-01',
    datePrecision: 'month',
    killedLow: 120,
    killedBest: 120,
    killedHigh: 120,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'In the same month, two more explosions thundered near mosques – in the provinces of Kandahar (42 people were killed) and Kunduz (120 dead). So far, no one has claimed responsibility for organizing these attacks.',
    notes: 'Article 003 says here that no one has claimed the attack; further down it reports, citing Anadolu ' +
      'Agency, that the group claimed it ("killing more than 100 people"). The contradiction is kept.'
  },
  {
    id: 'rep_2021_10_kunduz_mosque__anadolu',
    incidentId: INC_KUNDUZ_MOSQUE,
    sourceId: SRC_ANADOLU,
    occurredOn: null,
    datePrecision: null,
    killedLow: 101,
    killedBest: 101,
    killedHigh: null,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'a massive suicide bombing in a Shia community mosque in the northern Kunduz province, killing more than 100 people.',
    notes: 'Anadolu Agency’s account as relayed by article 003 (the excerpt is article 003’s wording). "More than ' +
      '100" is recorded as low = best = 101, high unknown.'
  },

  // Kabul military hospital, 2 November 2021
  {
    id: 'rep_2021_11_02_kabul_military_hospital__000',
    incidentId: INC_KABUL_HOSPITAL,
    sourceId: SRC_000,
    occurredOn: '2021-11-02',
    datePrecision: 'day',
    ...noFigures,
    excerpt: 'More recently, two explosions hit Kabul on 2 November, as suicide bombers allied with ISIS targeted a military hospital.',
    notes: 'No casualty figures. Reports that the Islamic State of Khorasan (ISIS-K) claimed the attack.'
  },
  {
    id: 'rep_2021_11_02_kabul_military_hospital__003',
    incidentId: INC_KABUL_HOSPITAL,
    sourceId: SRC_003,
    occurredOn: '2021-11-02',
    datePrecision: 'day',
    ...noFigures,
    excerpt: 'On November 2nd, at least two explosions followed by the sound of gunfire were heard close to the Sardar Mohammad Daud Khan military hospital in the Afghan capital Kabul.',
    notes: 'No casualty figures. Written as the news broke: "No comment was initially available from Taliban ' +
      'officials and there was no immediate claim of responsibility." Local TV channels (citing eyewitnesses) ' +
      'reported another explosion and suicide bombers entering the building; Bilal Karimi confirmed the explosions.'
  },

  // Jalalabad twin blasts, 7 November 2021
  {
    id: 'rep_2021_11_07_jalalabad_twin_blasts__000',
    incidentId: INC_JALALABAD_NOV,
    sourceId: SRC_000,
    occurredOn: '2021-11-07',
    datePrecision: 'day',
    killedLow: 3,
    killedBest: 3,
    killedHigh: null,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'Local sources in Jalalabad, Afghanistan, report that at least three people were killed and several were wounded in twin blasts that hit the capital of Nangarhar province on 7 November.',
    notes: '"At least three" killed: low = best = 3, high unknown. "Several" wounded: no number, so null. ' +
      'Eyewitnesses say the blasts were followed by gunfire.'
  },

  // Kaj Academy, Kabul
  {
    id: 'rep_2022_09_28_kabul_kaj_academy__004',
    incidentId: INC_KAJ_ACADEMY,
    sourceId: SRC_004,
    occurredOn: '2022-09-28',
    datePrecision: 'day',
    killedLow: 53,
    killedBest: 53,
    killedHigh: null,
    woundedLow: 110,
    woundedBest: 110,
    woundedHigh: null,
    excerpt: 'According to reports, two months and seven days ago, armed attackers attacked the Kaj Academy in the west of Kabul, as a result of which, at least 53 people were killed and 110 others were wounded. Most of the victims of this incident were female students.',
    notes: '"Two months and seven days ago" from 2022-12-05 = 2022-09-28 (the source’s own, day-level expression; ' +
      'the incident itself is kept at week precision). "At least" is read as applying to both figures.'
  },

  // Aybak madrassa
  {
    id: 'rep_2022_11_30_aybak_madrassa__004',
    incidentId: INC_AYBAK_MADRASSA,
    sourceId: SRC_004,
    occurredOn: '2022-11-30',
    datePrecision: 'day',
    killedLow: 19,
    killedBest: 19,
    killedHigh: 19,
    woundedLow: 23,
    woundedBest: 23,
    woundedHigh: 23,
    excerpt: 'Furthermore, on Wednesday, a deadly blast targeted al-Jihadiya madrassa in Aybak city, the capital of northern Samangan province. This explosion occurred during prayer and left dozens dead and injured. In its latest report, UNAMA announced that 19 people were killed and 23 others were injured as a result of this explosion. It is reported that 20 children are among the dead.',
    notes: '"On Wednesday" resolves to 2022-11-30 against the article’s date (Monday 2022-12-05). The article relays ' +
      'UNAMA’s figures (19 killed, 23 injured) and adds that 20 children are among the dead, which contradicts a ' +
      'total of 19; the children figure is kept as a casualty breakdown.'
  },
  {
    id: 'rep_2022_11_30_aybak_madrassa__unama',
    incidentId: INC_AYBAK_MADRASSA,
    sourceId: SRC_UNAMA_AYBAK,
    occurredOn: null,
    datePrecision: null,
    killedLow: 19,
    killedBest: 19,
    killedHigh: 19,
    woundedLow: 23,
    woundedBest: 23,
    woundedHigh: 23,
    excerpt: 'In its latest report, UNAMA announced that 19 people were killed and 23 others were injured as a result of this explosion.',
    notes: 'UNAMA’s report as relayed by article 004 (the excerpt is article 004’s wording); the date UNAMA gives ' +
      'is not relayed. "Latest report": the figures may have been revised later.'
  },

  // Pakistani embassy
  {
    id: 'rep_2022_12_02_kabul_pakistani_embassy__004',
    incidentId: INC_PAKISTAN_EMBASSY,
    sourceId: SRC_004,
    occurredOn: '2022-12-02',
    datePrecision: 'day',
    killedLow: null,
    killedBest: null,
    killedHigh: null,
    woundedLow: 1,
    woundedBest: 1,
    woundedHigh: 1,
    excerpt: 'Besides, the Pakistani embassy in the Karta-e Parwan area of Kabul came an armed attack three days ago (Friday, December 2nd). It is said that the attackers planned to assassinate Pakistan’s ambassador Obaid ul-Rehman Nizamani, but they did not succeed.',
    notes: 'One security guard, Israr Mohammad, injured: "As a result of this attack, one of the security guards of ' +
      'the Pakistani embassy, named Israr Mohammad, was injured." No death is mentioned; killed left unknown.'
  },

  // Hizb-e-Islami office
  {
    id: 'rep_2022_12_02_kabul_hizb_e_islami_office__004',
    incidentId: INC_HIZB_OFFICE,
    sourceId: SRC_004,
    occurredOn: '2022-12-02',
    datePrecision: 'day',
    killedLow: 1,
    killedBest: 1,
    killedHigh: 1,
    woundedLow: 2,
    woundedBest: 2,
    woundedHigh: 2,
    excerpt: 'According to reports, as a result of the gun battle between the attackers and the guards of Gulbuddin Hekmatyar, one worshiper was killed and two others were injured.',
    notes: '"On Friday" resolves to 2022-12-02 (the same Friday as the embassy attack) against the article’s date. ' +
      'The two attackers, killed by Hekmatyar’s bodyguards according to his video message, are not counted.'
  },
  {
    id: 'rep_2022_12_02_kabul_hizb_e_islami_office__hekmatyar_video',
    incidentId: INC_HIZB_OFFICE,
    sourceId: SRC_HEKMATYAR_VIDEO,
    occurredOn: null,
    datePrecision: null,
    ...noFigures,
    excerpt: 'Mr. Hekmatyar condemned the attack in a video message, saying that the suicide attackers had approached the mosque in women’s clothes, but before the explosion, they were killed by his bodyguards.',
    notes: 'Hekmatyar’s own account as relayed by article 004 (the excerpt is article 004’s wording); no figures ' +
      'for victims. It implies the attackers themselves (two, per article 004) were killed.'
  },

  // Jalalabad blast near Charan Singh's shop
  {
    id: 'rep_2022_12_03_jalalabad_charan_singh__004',
    incidentId: INC_JALALABAD_CHARAN_SINGH,
    sourceId: SRC_004,
    occurredOn: '2022-12-03',
    datePrecision: 'day',
    killedLow: null,
    killedBest: null,
    killedHigh: null,
    woundedLow: 6,
    woundedBest: 6,
    woundedHigh: 6,
    excerpt: 'According to reports, around 4:00 p.m. on Saturday, a powerful explosion occurred in the first district of Jalalabad city, the capital of Nangarhar province. The Taliban’s head of information and culture in Nangarhar confirmed that six civilians were injured in the blast.',
    notes: '"On Saturday" resolves to 2022-12-03 against the article’s date (Monday 2022-12-05). No death mentioned.'
  },

  // Herat
  {
    id: 'rep_2022_herat_injil_outpost__004',
    incidentId: INC_HERAT_INJIL,
    sourceId: SRC_004,
    occurredOn: null,
    datePrecision: null,
    killedLow: 4,
    killedBest: 4,
    killedHigh: 4,
    woundedLow: 3,
    woundedBest: 3,
    woundedHigh: 3,
    excerpt: 'This attack took place in Chaharbagh Firuza area of Injil district. As a result of this armed attack, four Taliban forces were killed and three others were wounded.',
    notes: 'No date given. "Local sources have reported" the attack.'
  },
  {
    id: 'rep_2022_herat_minibus__004',
    incidentId: INC_HERAT_MINIBUS,
    sourceId: SRC_004,
    occurredOn: null,
    datePrecision: null,
    killedLow: 5,
    killedBest: 5,
    killedHigh: 5,
    woundedLow: 18,
    woundedBest: 18,
    woundedHigh: 18,
    excerpt: 'Before that, a minibus carrying the employees of Taliban’s al-Farooq corps was attacked by armed forces in Herat. The attack killed five members of the Taliban and injured 18 others.',
    notes: 'No date given ("Before that": before the Injil outpost attack).'
  },
  {
    id: 'rep_2022_herat_fargh_shahr_outpost__004',
    incidentId: INC_HERAT_FARGH_SHAHR,
    sourceId: SRC_004,
    occurredOn: null,
    datePrecision: null,
    killedLow: 14,
    killedBest: 14,
    killedHigh: 14,
    woundedLow: null,
    woundedBest: null,
    woundedHigh: null,
    excerpt: 'Local sources told Hasht-e Subh that 14 Taliban fighters were killed in this attack.',
    notes: 'No date given. No wounded figure.'
  }
]

/** Casualty breakdowns as reported, by source. */
export const casualtyBreakdowns: CasualtyBreakdownRow[] = [
  { incidentId: INC_KABUL_AIRPORT, outcome: 'killed', victimGroup: 'foreign_military', count: 13, sourceId: SRC_001 },
  { incidentId: INC_AYBAK_MADRASSA, outcome: 'killed', victimGroup: 'children', count: 20, sourceId: SRC_004 },
  { incidentId: INC_PAKISTAN_EMBASSY, outcome: 'wounded', victimGroup: 'security_personnel', count: 1, sourceId: SRC_004 },
  { incidentId: INC_HIZB_OFFICE, outcome: 'killed', victimGroup: 'worshippers', count: 1, sourceId: SRC_004 },
  { incidentId: INC_HIZB_OFFICE, outcome: 'wounded', victimGroup: 'worshippers', count: 2, sourceId: SRC_004 },
  { incidentId: INC_JALALABAD_CHARAN_SINGH, outcome: 'wounded', victimGroup: 'civilians', count: 6, sourceId: SRC_004 },
  { incidentId: INC_HERAT_INJIL, outcome: 'killed', victimGroup: 'taliban_forces', count: 4, sourceId: SRC_004 },
  { incidentId: INC_HERAT_INJIL, outcome: 'wounded', victimGroup: 'taliban_forces', count: 3, sourceId: SRC_004 },
  { incidentId: INC_HERAT_MINIBUS, outcome: 'killed', victimGroup: 'taliban_forces', count: 5, sourceId: SRC_004 },
  { incidentId: INC_HERAT_FARGH_SHAHR, outcome: 'killed', victimGroup: 'taliban_forces', count: 14, sourceId: SRC_004 }
]
