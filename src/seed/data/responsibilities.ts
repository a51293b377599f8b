/**
 * Responsibility of the seed dataset: incident x actor x kind, each with the source that supports it and, when
 * there is one, the statement.
 *
 * - claimed: the actor itself says it did it (as reported by the source);
 * - attributed: someone else (an official, or the article in its own voice) blames the actor;
 * - suspected: analysts or the article believe so while no one has claimed it;
 * - denied: the actor says it did not (no such denial appears in the seed articles).
 *
 * Contradictions are kept as separate rows: article 003 says nobody claimed the Kandahar and Kunduz bombings,
 * then reports (citing Anadolu Agency) that the group claimed them; article 003 reports "no immediate claim" of
 * the Kabul military hospital attack while article 000 reports the ISIS-K claim.
 *
 * Incidents without any row: the Aybak madrassa bombing ("no individual or group has claimed"), the attack on
 * the Hizb-e-Islami office, and the Injil and Fargh Shahr outpost attacks in Herat ("it is not clear which
 * group attacked"): the articles blame no one for them.
 */
import type { ResponsibilityRow } from '../types.ts'
import {
  INC_HERAT_MINIBUS,
  INC_JALALABAD_CHARAN_SINGH,
  INC_JALALABAD_NOV,
  INC_JALALABAD_SEPT,
  INC_KABUL_AIRPORT,
  INC_KABUL_HOSPITAL,
  INC_KABUL_IDGAH,
  INC_KAJ_ACADEMY,
  INC_KANDAHAR_MOSQUE,
  INC_KUNDUZ_MOSQUE,
  INC_PAKISTAN_EMBASSY
} from './incidents.ts'
import { SRC_000, SRC_001, SRC_002, SRC_003, SRC_004 } from './sources.ts'
import {
  STM_ISKP_CLAIMS_HERAT_MINIBUS,
  STM_ISKP_CLAIMS_JALALABAD_SEPT,
  STM_ISKP_CLAIMS_KABUL_HOSPITAL,
  STM_ISKP_CLAIMS_PAKISTAN_EMBASSY,
  STM_ISKP_CLAIMS_VIA_ANADOLU,
  STM_TALIBAN_ATTRIBUTES_KAJ
} from './statements.ts'

const ISKP = 'act_iskp'
const IS = 'act_islamic_state'

export const responsibilities: ResponsibilityRow[] = [
  // Kabul airport, 2021-08-26
  {
    id: 'rsp_2021_08_26_kabul_airport__iskp_attributed__001',
    incidentId: INC_KABUL_AIRPORT,
    actorId: ISKP,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_001,
    notes: 'Article 001 says in its own voice that "ISIS suicide bombers targeted U.S. evacuation efforts outside ' +
      'Kabul international airport"; its headline calls the attacks "ISIS-K Terror Attacks", hence ISKP. No claim ' +
      'is reported in the seed articles.'
  },
  {
    id: 'rsp_2021_08_26_kabul_airport__iskp_attributed__002',
    incidentId: INC_KABUL_AIRPORT,
    actorId: ISKP,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_002,
    notes: 'Article 002: "The bombing of Kabul airport ... showed the ISKP’s ability to strike" and "After the attack ' +
      'against the Kabul airport, ISKP carried out more bomb attacks in Jalalabad."'
  },

  // Jalalabad, September 2021
  {
    id: 'rsp_2021_09_18_jalalabad_blasts__iskp_claimed__001',
    incidentId: INC_JALALABAD_SEPT,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_JALALABAD_SEPT,
    sourceId: SRC_001,
    notes: 'Article 001: "ISIS claimed responsibility for the attacks." Recorded as ISKP per the article’s headline ' +
      '("ISIS-K Terror Attacks").'
  },
  {
    id: 'rsp_2021_09_18_jalalabad_blasts__iskp_attributed__002',
    incidentId: INC_JALALABAD_SEPT,
    actorId: ISKP,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_002,
    notes: 'Article 002: "More recently, ISKP operatives carried a series of bomb attacks in Jalalabad."'
  },

  // Kabul Eid Gah mosque, early October 2021
  {
    id: 'rsp_2021_10_kabul_eid_gah__islamic_state_attributed__003',
    incidentId: INC_KABUL_IDGAH,
    actorId: IS,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_003,
    notes: 'Article 003 gives the blast as an example of "terrorist attacks organized by IS" ("After the withdrawal ' +
      'of American troops, terrorist attacks organized by IS have become more frequent in the country. So, in early ' +
      'October, ..."). It says "IS", not the Afghan branch, so the literal actor is kept; no claim is reported.'
  },

  // Kandahar mosque, October 2021
  {
    id: 'rsp_2021_10_kandahar_mosque__iskp_claimed__003',
    incidentId: INC_KANDAHAR_MOSQUE,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_VIA_ANADOLU,
    sourceId: SRC_003,
    notes: 'Article 003 citing Anadolu Agency: "the group claimed a massive suicide bombing in Kandahar". The same ' +
      'article earlier says "So far, no one has claimed responsibility for organizing these attacks"; the ' +
      'contradiction is kept. "The group" is the Daesh of the preceding sentence (the local branch, ISKP).'
  },
  {
    id: 'rsp_2021_10_kandahar_mosque__islamic_state_attributed__003',
    incidentId: INC_KANDAHAR_MOSQUE,
    actorId: IS,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_003,
    notes: 'Article 003 lists the Kandahar explosion ("two more explosions ... in the same month") among the ' +
      'examples of "terrorist attacks organized by IS", before saying no one had claimed it.'
  },

  // Kunduz mosque, October 2021
  {
    id: 'rsp_2021_10_kunduz_mosque__iskp_claimed__003',
    incidentId: INC_KUNDUZ_MOSQUE,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_VIA_ANADOLU,
    sourceId: SRC_003,
    notes: 'Article 003 citing Anadolu Agency: the group claimed "a massive suicide bombing in a Shia community ' +
      'mosque in the northern Kunduz province, killing more than 100 people". The same article earlier says no one ' +
      'had claimed it; the contradiction is kept.'
  },
  {
    id: 'rsp_2021_10_kunduz_mosque__islamic_state_attributed__003',
    incidentId: INC_KUNDUZ_MOSQUE,
    actorId: IS,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_003,
    notes: 'Article 003 lists the Kunduz explosion among the examples of "terrorist attacks organized by IS".'
  },

  // Kabul military hospital, 2021-11-02
  {
    id: 'rsp_2021_11_02_kabul_military_hospital__iskp_claimed__000',
    incidentId: INC_KABUL_HOSPITAL,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_KABUL_HOSPITAL,
    sourceId: SRC_000,
    notes: 'Article 000: "The Islamic State of Khorasan (ISIS-K) claimed responsibility for the Kabul explosions." ' +
      'Article 003, written as the attack unfolded, reports "no immediate claim of responsibility"; no row is ' +
      'derived from that absence.'
  },
  {
    id: 'rsp_2021_11_02_kabul_military_hospital__islamic_state_attributed__000',
    incidentId: INC_KABUL_HOSPITAL,
    actorId: IS,
    kind: 'attributed',
    statementId: null,
    sourceId: SRC_000,
    notes: 'Article 000 in its own voice: "suicide bombers allied with ISIS targeted a military hospital".'
  },

  // Jalalabad twin blasts, 2021-11-07
  {
    id: 'rsp_2021_11_07_jalalabad_twin_blasts__iskp_suspected__000',
    incidentId: INC_JALALABAD_NOV,
    actorId: ISKP,
    kind: 'suspected',
    statementId: null,
    sourceId: SRC_000,
    notes: 'Article 000: "Political experts are of the belief that the recent series of explosions in Jalalabad ' +
      'were also carried out by ISIS-K; however, no individual or group has claimed responsibility." The experts ' +
      'are not named.'
  },

  // Kaj Academy, about 2022-09-28
  {
    id: 'rsp_2022_09_28_kabul_kaj_academy__iskp_attributed__004',
    incidentId: INC_KAJ_ACADEMY,
    actorId: ISKP,
    kind: 'attributed',
    statementId: STM_TALIBAN_ATTRIBUTES_KAJ,
    sourceId: SRC_004,
    notes: 'Article 004: "The Taliban attributed this attack to the ISKP". Zabihullah Mujahid also said ISKP ' +
      'fighters killed in a Kabul operation were involved in "the Kaj education center" explosion (statement ' +
      'stm_2022_12_mujahid_iskp_fighters_killed_were_behind_kaj_attack).'
  },

  // Pakistani embassy, 2022-12-02
  {
    id: 'rsp_2022_12_02_kabul_pakistani_embassy__iskp_claimed__004',
    incidentId: INC_PAKISTAN_EMBASSY,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_PAKISTAN_EMBASSY,
    sourceId: SRC_004,
    notes: 'Article 004: "Although the ISKP has claimed responsibility for this attack, the government of Pakistan ' +
      'views the announcement of this group with suspicion" and will verify the claim.'
  },

  // Jalalabad blast near Charan Singh's shop, 2022-12-03
  {
    id: 'rsp_2022_12_03_jalalabad_charan_singh__iskp_suspected__004',
    incidentId: INC_JALALABAD_CHARAN_SINGH,
    actorId: ISKP,
    kind: 'suspected',
    statementId: null,
    sourceId: SRC_004,
    notes: 'Article 004: "Although no individual or group has claimed responsibility for this attack, most of these ' +
      'attacks are carried out by the Islamic State in Khurasan Province (ISKP)." A general suspicion, not a ' +
      'specific attribution.'
  },

  // Herat al-Farooq corps minibus
  {
    id: 'rsp_2022_11_herat_minibus__iskp_claimed__004',
    incidentId: INC_HERAT_MINIBUS,
    actorId: ISKP,
    kind: 'claimed',
    statementId: STM_ISKP_CLAIMS_HERAT_MINIBUS,
    sourceId: SRC_004,
    notes: 'Article 004: "The ISKP claimed responsibility for that armed attack, explaining that one of its fighters ' +
      'shot at the occupants of this minibus."'
  }
]
