/**
 * Statements of the seed dataset: every quote and reported position in the five seed articles.
 *
 * `textKind: 'quote'` only where the article puts the words in quotation marks, and then `text` is exactly the
 * quoted words (trailing punctuation that belongs to the attribution, such as the comma before "he said", is
 * dropped). Everything else is a faithful paraphrase (`textKind: 'paraphrase'`), which may embed a quoted fragment.
 *
 * Dates: when an article dates a statement ("On September 21st", "Yesterday", "on Friday"), that date is resolved
 * against the article's own date with day precision. Otherwise:
 * - a reaction to a dated incident is recorded at the incident's date with week (or month) precision, and the
 *   notes give the window between the incident and the reporting article;
 * - any other undated statement is recorded at the reporting article's date (an upper bound) with week or month
 *   precision, and the notes say so.
 */
import type { StatementIncidentRow, StatementRow, StatementSourceRow } from '../types.ts'
import {
  INC_AYBAK_MADRASSA,
  INC_HERAT_MINIBUS,
  INC_HIZB_OFFICE,
  INC_JALALABAD_CHARAN_SINGH,
  INC_JALALABAD_SEPT,
  INC_KABUL_AIRPORT,
  INC_KABUL_HOSPITAL,
  INC_KAJ_ACADEMY,
  INC_KANDAHAR_MOSQUE,
  INC_KUNDUZ_MOSQUE,
  INC_PAKISTAN_EMBASSY
} from './incidents.ts'
import {
  SRC_000,
  SRC_001,
  SRC_002,
  SRC_003,
  SRC_004,
  SRC_AMIRI_TWEET,
  SRC_AMNESTY_KAJ,
  SRC_ANADOLU,
  SRC_HEKMATYAR_VIDEO,
  SRC_PAKISTAN_MOFA,
  SRC_REUTERS,
  SRC_UN_ESTIMATE,
  SRC_UNAMA_AYBAK,
  SRC_WSJ
} from './sources.ts'

// Statement ids used by responsibilities.ts
export const STM_ISKP_CLAIMS_KABUL_HOSPITAL = 'stm_2021_11_iskp_claims_kabul_military_hospital_attack'
export const STM_ISKP_CLAIMS_JALALABAD_SEPT = 'stm_2021_09_iskp_claims_jalalabad_blasts'
export const STM_ISKP_CLAIMS_VIA_ANADOLU = 'stm_2021_10_iskp_claims_kandahar_kunduz_via_anadolu'
export const STM_ISKP_CLAIMS_PAKISTAN_EMBASSY = 'stm_2022_12_iskp_claims_pakistani_embassy_attack'
export const STM_ISKP_CLAIMS_HERAT_MINIBUS = 'stm_2022_11_iskp_claims_herat_minibus_attack'
export const STM_TALIBAN_ATTRIBUTES_KAJ = 'stm_2022_taliban_attribute_kaj_academy_attack_to_iskp'
export const STM_MUJAHID_KAJ_PERPETRATORS = 'stm_2022_12_mujahid_iskp_fighters_killed_were_behind_kaj_attack'

interface StatementSpec {
  row: StatementRow
  incidents: string[]
  sources: string[]
}

const TAL = 'act_taliban'
const MUJAHID = 'act_zabihullah_mujahid'
const ISKP = 'act_iskp'
const PAK_MOFA = 'act_pakistan_ministry_of_foreign_affairs'

const specs: StatementSpec[] = [
  // =====================================================================================
  // Article 000 (2021-11-07)
  // =====================================================================================
  {
    row: {
      id: STM_ISKP_CLAIMS_KABUL_HOSPITAL,
      speakerId: ISKP,
      onBehalfOfId: null,
      saidOn: '2021-11-02',
      datePrecision: 'week',
      kind: 'claim_of_responsibility',
      text: 'The Islamic State of Khorasan (ISIS-K) claimed responsibility for the two explosions that hit Kabul on ' +
        '2 November 2021, when suicide bombers targeted a military hospital.',
      textKind: 'paraphrase',
      notes: 'Reported by article 000 (2021-11-07) without a date. Article 003, written as the attack unfolded, ' +
        'says there was "no immediate claim of responsibility", so the claim came after the attack on 2 Nov and ' +
        'before 7 Nov 2021.'
    },
    incidents: [INC_KABUL_HOSPITAL],
    sources: [SRC_000]
  },
  ...(['russia', 'china', 'iran'] as const).map((country): StatementSpec => ({
    row: {
      id: `stm_2021_11_${country}_urges_urgent_humanitarian_assistance`,
      speakerId: `act_${country}`,
      onBehalfOfId: null,
      saidOn: '2021-11-07',
      datePrecision: 'month',
      kind: 'other',
      text: 'provide humanitarian assistance on an urgent basis',
      textKind: 'quote',
      notes: 'Article 000: "Russia, China and Iran have also called on the international community to “provide ' +
        'humanitarian assistance on an urgent basis” to Afghanistan as the country enters the winter months." One ' +
        'call by the three governments together, recorded once per government. They have also asked the Taliban ' +
        'to maintain security and stability to attain official international recognition. Undated in the source; ' +
        'recorded at the article’s date (2021-11-07) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_000]
  })),

  // =====================================================================================
  // Article 001 (2021-09-21)
  // =====================================================================================
  {
    row: {
      id: STM_ISKP_CLAIMS_JALALABAD_SEPT,
      speakerId: ISKP,
      onBehalfOfId: null,
      saidOn: '2021-09-18',
      datePrecision: 'week',
      kind: 'claim_of_responsibility',
      text: 'ISIS claimed responsibility for the string of explosions that struck Taliban vehicles in Jalalabad over ' +
        'the weekend of 18-19 September 2021.',
      textKind: 'paraphrase',
      notes: 'Article 001: "ISIS claimed responsibility for the attacks." The body says "ISIS"; the headline calls ' +
        'them "ISIS-K Terror Attacks", so the claimant is recorded as ISKP. Undated: made between the blasts ' +
        '(18-19 Sept) and the article (21 Sept 2021).'
    },
    incidents: [INC_JALALABAD_SEPT],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_feda_mohammad_we_thought_peace_will_come',
      speakerId: 'act_feda_mohammad',
      onBehalfOfId: null,
      saidOn: '2021-09-19',
      datePrecision: 'week',
      kind: 'other',
      text: 'We thought that since the Taliban have come, peace will come',
      textKind: 'quote',
      notes: 'Feda Mohammad is the brother of an 18-year-old rickshaw driver killed in one of "September 19th’s ' +
        'blasts" in Jalalabad. Undated: said between 19 and 21 Sept 2021 (the article’s date).'
    },
    incidents: [INC_JALALABAD_SEPT],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_feda_mohammad_no_peace_no_security',
      speakerId: 'act_feda_mohammad',
      onBehalfOfId: null,
      saidOn: '2021-09-19',
      datePrecision: 'week',
      kind: 'other',
      text: 'But there’s no peace, no security. You can’t hear anything except the news of bomb blasts killing this one or that',
      textKind: 'quote',
      notes: 'Continuation of Feda Mohammad’s words after his brother was killed in the Jalalabad blasts. Undated: ' +
        'said between 19 and 21 Sept 2021.'
    },
    incidents: [INC_JALALABAD_SEPT],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_21_taliban_no_evidence_of_islamic_state_or_al_qaeda',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2021-09-21',
      datePrecision: 'day',
      kind: 'denial',
      text: 'There is no evidence of Islamic State or al Qaeda militants being in the country, despite the attacks.',
      textKind: 'paraphrase',
      notes: 'Article 001: "On September 21st, the Taliban said that there was no evidence of Islamic State or al ' +
        'Qaeda militants being in the country, despite the attacks."'
    },
    incidents: [INC_JALALABAD_SEPT],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_21_mujahid_no_one_to_do_with_al_qaeda',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-21',
      datePrecision: 'day',
      kind: 'denial',
      text: 'We do not see anyone in Afghanistan who has anything to do with al Qaeda',
      textKind: 'quote',
      notes: 'Told a news conference in Kabul, rejecting accusations that al-Qaeda maintained a presence in ' +
        'Afghanistan. Article 001 introduces it right after "On September 21st, the Taliban said..."; taken to be ' +
        'the same occasion.'
    },
    incidents: [],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_21_mujahid_no_danger_to_any_country',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-21',
      datePrecision: 'day',
      kind: 'pledge',
      text: 'We are committed to the fact that, from Afghanistan, there will not be any danger to any country.',
      textKind: 'quote',
      notes: 'Mujahid "repeated pledges that there would be no attacks on third countries from Afghanistan from ' +
        'militant movements" at the same Kabul news conference (taken to be 21 Sept 2021, as above).'
    },
    incidents: [],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_mujahid_denies_islamic_state_genuine_presence',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-21',
      datePrecision: 'week',
      kind: 'denial',
      text: 'Despite the Kabul airport attack, Islamic State has no genuine presence in Afghanistan, though it ' +
        '“invisibly carries out some cowardly attacks”.',
      textKind: 'paraphrase',
      notes: 'Article 001: "Despite the significant Kabul Airport attack, Mujahid denied the movement had any genuine ' +
        'presence in Afghanistan though he said it “invisibly carries out some cowardly attacks”." Undated; ' +
        'recorded at the article’s date (upper bound), probably the same news conference.'
    },
    incidents: [INC_KABUL_AIRPORT],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_mujahid_isis_of_iraq_and_syria_does_not_exist_here',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-21',
      datePrecision: 'week',
      kind: 'denial',
      text: 'The ISIS that exists in Iraq and Syria does not exist here. Still, some people who may be our own Afghans have adopted the ISIS mentality, which is a phenomenon that the people do not support',
      textKind: 'quote',
      notes: 'Undated; recorded at the article’s date (2021-09-21) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_mujahid_security_forces_will_stop_them',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-21',
      datePrecision: 'week',
      kind: 'pledge',
      text: 'The security forces of the Islamic Emirate are ready and will stop them',
      textKind: 'quote',
      notes: '"Them": those who "have adopted the ISIS mentality". Undated; recorded at the article’s date ' +
        '(2021-09-21) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_bahiss_very_dramatic_comeback',
      speakerId: 'act_ibraheem_bahiss',
      onBehalfOfId: null,
      saidOn: '2021-09-21',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'They’re making a very dramatic comeback',
      textKind: 'quote',
      notes: 'Said of Islamic State. Bahiss is described as "an International Crisis Group consultant and an ' +
        'independent research analyst"; the article does not say he spoke for the ICG, so onBehalfOf is null. ' +
        'Undated; recorded at the article’s date (2021-09-21) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_001]
  },
  {
    row: {
      id: 'stm_2021_09_bahiss_long_term_struggle',
      speakerId: 'act_ibraheem_bahiss',
      onBehalfOfId: null,
      saidOn: '2021-09-21',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'There could be a long-term struggle between the groups.',
      textKind: 'quote',
      notes: 'The groups: Islamic State and the Taliban. Undated; recorded at the article’s date (2021-09-21) as an ' +
        'upper bound.'
    },
    incidents: [],
    sources: [SRC_001]
  },

  // =====================================================================================
  // Article 002 (2021-09-24)
  // =====================================================================================
  {
    row: {
      id: 'stm_2021_09_mujahid_downplays_iskp_danger',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2021-09-24',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'Zabihullah Mujahid downplayed the danger posed by the local branch of Daesh (ISKP).',
      textKind: 'paraphrase',
      notes: 'Article 002: "Zabihullah Mujahid, a spokesman for the Taliban government, downplayed the danger posed ' +
        'by the local branch of Daesh." Undated; recorded at the article’s date (2021-09-24) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_002]
  },
  {
    row: {
      id: 'stm_2021_09_taliban_commanders_raise_alarm_over_iskp',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2021-09-24',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'Taliban commanders are raising the alarm about the danger posed by ISKP.',
      textKind: 'paraphrase',
      notes: 'Article 002: "However, Reuters reported that Taliban commanders are raising the alarm instead." The ' +
        'commanders are not named. Undated; recorded at the article’s date (2021-09-24) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_002, SRC_REUTERS]
  },
  {
    row: {
      id: 'stm_2021_un_iskp_can_muster_2000_3000_fighters',
      speakerId: 'act_united_nations',
      onBehalfOfId: null,
      saidOn: '2021-09-24',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'ISKP can muster around 2,000 to 3,000 fighters, compared to 100,000 at the disposal of the Taliban.',
      textKind: 'paraphrase',
      notes: 'Article 002: "According to the United Nations, ISKP can muster around 2,000 to 3,000 fighters, ' +
        'compared to 100,000 at the disposal of the Taliban." Which UN body or document is not said (the comparison ' +
        'with the Taliban may be the article’s). Undated; recorded at the article’s date (2021-09-24) as an upper ' +
        'bound.'
    },
    incidents: [],
    sources: [SRC_002, SRC_UN_ESTIMATE]
  },
  {
    row: {
      id: 'stm_2021_09_taliban_afghanistan_will_not_be_terrorist_haven',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2021-09-24',
      datePrecision: 'month',
      kind: 'pledge',
      text: 'Under Taliban rule Afghanistan will not go back to being a haven for terrorist groups such as the ' +
        'Islamic State and al-Qaeda.',
      textKind: 'paraphrase',
      notes: 'Article 002: "The Taliban have repeatedly stated that under their rule Afghanistan will not go back to ' +
        'being a haven for terrorist groups such as the Islamic State and al-Qaeda. Many analysts are sceptical." ' +
        'Said repeatedly; recorded at the article’s date (2021-09-24) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_002]
  },
  {
    row: {
      id: 'stm_2021_09_23_blinken_unity_of_purpose_on_taliban',
      speakerId: 'act_antony_blinken',
      onBehalfOfId: 'act_united_states',
      saidOn: '2021-09-23',
      datePrecision: 'day',
      kind: 'other',
      text: 'After talks with his counterparts from China, Russia and Pakistan, Antony Blinken said there is unity ' +
        'of purpose in exerting pressure on the Taliban, especially to prevent Afghanistan from becoming again a ' +
        'base for terrorist groups.',
      textKind: 'paraphrase',
      notes: '"Yesterday" in article 002 (2021-09-24) resolves to 2021-09-23.'
    },
    incidents: [],
    sources: [SRC_002]
  },

  // =====================================================================================
  // Article 003 (about 2021-11-02)
  // =====================================================================================
  {
    row: {
      id: 'stm_2021_11_02_bilal_karimi_confirms_kabul_hospital_explosions',
      speakerId: 'act_bilal_karimi',
      onBehalfOfId: TAL,
      saidOn: '2021-11-02',
      datePrecision: 'week',
      kind: 'other',
      text: 'Bilal Karimi confirmed the explosions near the Sardar Mohammad Daud Khan military hospital in Kabul.',
      textKind: 'paraphrase',
      notes: 'Article 003: "The information about the explosions was confirmed by the representative of the ' +
        'Taliban movement Bilal Karimi." Undated; the article itself dates to on or shortly after 2 Nov 2021.'
    },
    incidents: [INC_KABUL_HOSPITAL],
    sources: [SRC_003]
  },
  {
    row: {
      id: 'stm_2021_10_taliban_dismantled_daesh_hideout_in_kabul',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2021-10-01',
      datePrecision: 'month',
      kind: 'other',
      text: 'The Taliban claimed to have dismantled a Daesh hideout in the capital Kabul, blamed for many attacks.',
      textKind: 'paraphrase',
      notes: 'Article 003: "In October, the Taliban claimed to have dismantled a Daesh hideout in the capital Kabul, ' +
        'blamed for many attacks." October 2021; no day given. Not linked to an incident: the operation has no ' +
        'reported outcome and "many attacks" are not named.'
    },
    incidents: [],
    sources: [SRC_003]
  },
  {
    row: {
      id: STM_ISKP_CLAIMS_VIA_ANADOLU,
      speakerId: ISKP,
      onBehalfOfId: null,
      saidOn: '2021-10-01',
      datePrecision: 'month',
      kind: 'claim_of_responsibility',
      text: 'The group (Daesh) claimed a massive suicide bombing in Kandahar, targeted killings in Nangarhar and ' +
        'Parwan provinces, and a massive suicide bombing in a Shia community mosque in the northern Kunduz province ' +
        'that killed more than 100 people.',
      textKind: 'paraphrase',
      notes: 'Article 003, citing Anadolu Agency: "According to Anadolu Agency, the group claimed a massive suicide ' +
        'bombing in Kandahar, ...". "The group" refers back to the "Daesh" whose Kabul hideout the Taliban said they ' +
        'dismantled, i.e. the local branch, ISKP. Earlier the same article says that "no one has claimed ' +
        'responsibility" for the Kandahar and Kunduz explosions; both statements are kept. Undated: claims of ' +
        'October 2021 attacks reported before about 2 Nov 2021; recorded as October 2021 (month precision). The ' +
        'targeted killings in Nangarhar and Parwan are not recorded as incidents (no date, place or figure).'
    },
    incidents: [INC_KANDAHAR_MOSQUE, INC_KUNDUZ_MOSQUE],
    sources: [SRC_003, SRC_ANADOLU]
  },
  {
    row: {
      id: 'stm_2021_11_wsj_former_intelligence_personnel_joining_iskp',
      speakerId: 'act_wall_street_journal',
      onBehalfOfId: null,
      saidOn: '2021-11-02',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'Members of the intelligence body of the previous Afghan government, mostly US-trained Afghan spies, are ' +
        'affiliating with ISIS-K in northern Afghanistan in order to survive and resist the Taliban.',
      textKind: 'paraphrase',
      notes: 'A Wall Street Journal report cited by article 003 ("In recent days, there’s been reports that former ' +
        'security officers ... joined the ranks of ISIS-K"). Recorded at article 003’s date (about 2021-11-02) as ' +
        'an upper bound.'
    },
    incidents: [],
    sources: [SRC_003, SRC_WSJ]
  },

  // =====================================================================================
  // Article 004 (2022-12-05)
  // =====================================================================================
  // -- Jalalabad blast near Charan Singh's shop (Saturday 2022-12-03)
  {
    row: {
      id: 'stm_2022_12_nangarhar_information_head_confirms_six_civilians_injured',
      speakerId: 'act_taliban_nangarhar_information_and_culture',
      onBehalfOfId: TAL,
      saidOn: '2022-12-03',
      datePrecision: 'week',
      kind: 'other',
      text: 'The Taliban’s head of information and culture in Nangarhar confirmed that six civilians were injured in ' +
        'the blast in Jalalabad.',
      textKind: 'paraphrase',
      notes: 'The official is not named; the speaker is recorded as his office. Undated: between the blast ' +
        '(2022-12-03) and the article (2022-12-05).'
    },
    incidents: [INC_JALALABAD_CHARAN_SINGH],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_taliban_neutralise_two_landmines_near_jalalabad_blast',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2022-12-03',
      datePrecision: 'week',
      kind: 'other',
      text: 'Local Taliban officials announced the discovery and neutralization of two more landmines near the blast ' +
        'site in Jalalabad.',
      textKind: 'paraphrase',
      notes: 'Unnamed "local Taliban officials". Undated: between 2022-12-03 and 2022-12-05.'
    },
    incidents: [INC_JALALABAD_CHARAN_SINGH],
    sources: [SRC_004]
  },

  // -- Pakistani embassy (Friday 2022-12-02)
  {
    row: {
      id: STM_ISKP_CLAIMS_PAKISTAN_EMBASSY,
      speakerId: ISKP,
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'claim_of_responsibility',
      text: 'ISKP claimed responsibility for the 2 December 2022 armed attack on the Pakistani embassy in Kabul.',
      textKind: 'paraphrase',
      notes: 'Article 004: "Although the ISKP has claimed responsibility for this attack, the government of Pakistan ' +
        'views the announcement of this group with suspicion." Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_pakistani_officials_ambassador_targeted_in_compound',
      speakerId: 'act_pakistan',
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'other',
      text: 'Pakistani officials reported that ambassador Obaid ul-Rehman Nizamani was patrolling inside the embassy ' +
        'compound when he was targeted by assassins.',
      textKind: 'paraphrase',
      notes: 'Unnamed "Pakistani officials". Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_taliban_arrest_suspect_near_pakistani_embassy',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'other',
      text: 'After the shooting, Taliban forces arrived at the site and arrested a suspect with two guns in a ' +
        'building near the Pakistani embassy.',
      textKind: 'paraphrase',
      notes: 'Article 004: "The Taliban have also announced that after the shooting, its forces arrived at the site, ' +
        'arresting a suspect with two guns from a building near the Pakistani embassy." Undated: between 2022-12-02 ' +
        'and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_pakistan_mofa_serious_security_error',
      speakerId: PAK_MOFA,
      onBehalfOfId: 'act_pakistan',
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'serious security error',
      textKind: 'quote',
      notes: 'Article 004: "The Ministry of Foreign Affairs of Pakistan called the assassination attempt a “serious ' +
        'security error,” adding that this event very worrying." Probably from the ministry’s Friday (2022-12-02) ' +
        'statement, but the article does not say so; recorded with week precision.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_02_pakistan_mofa_summons_taliban_ambassador',
      speakerId: PAK_MOFA,
      onBehalfOfId: 'act_pakistan',
      saidOn: '2022-12-02',
      datePrecision: 'day',
      kind: 'other',
      text: 'The ministry has summoned the Taliban ambassador in Islamabad in connection with the shooting at its ' +
        'embassy in Kabul.',
      textKind: 'paraphrase',
      notes: '"The ministry said in a statement on Friday": Friday resolves to 2022-12-02.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004, SRC_PAKISTAN_MOFA]
  },
  {
    row: {
      id: 'stm_2022_12_pakistan_mofa_security_is_interim_government_responsibility',
      speakerId: PAK_MOFA,
      onBehalfOfId: 'act_pakistan',
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'other',
      text: 'Providing security and protection to Pakistan’s diplomatic missions and employees is the responsibility ' +
        'of the “interim government” of Afghanistan.',
      textKind: 'paraphrase',
      notes: 'The "interim government" is the Taliban administration. Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_pakistan_mofa_suspicious_of_iskp_claim_will_investigate',
      speakerId: PAK_MOFA,
      onBehalfOfId: 'act_pakistan',
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'other',
      text: 'The government of Pakistan views the ISKP claim with suspicion; its foreign ministry will independently ' +
        'investigate the attack in consultation with the Taliban and verify the ISKP claim.',
      textKind: 'paraphrase',
      notes: 'A reported position, not a denial by the claimant: Pakistan questions the claim without blaming ' +
        'anyone else, so no responsibility row is derived from it. No details of the investigation were given. ' +
        'Undated: between the claim and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_mumtaz_baloch_terrorism_threat_reminder',
      speakerId: 'act_mumtaz_baloch',
      onBehalfOfId: PAK_MOFA,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'The attack is another reminder of the threat that terrorism poses to peace and stability in Afghanistan ' +
        'and the region.',
      textKind: 'paraphrase',
      notes: 'Mumtaz Baloch, spokesperson of Pakistan’s Ministry of Foreign Affairs. Undated: between 2022-12-02 and ' +
        '2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_united_states_condemns_pakistani_embassy_attack',
      speakerId: 'act_united_states',
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'The authorities of the United States condemned the attack on the Pakistani embassy in Kabul.',
      textKind: 'paraphrase',
      notes: 'Article 004: "The authorities of the United States of America, Great Britain and a number of other ' +
        'countries have condemned this attack." No official is named. Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_united_kingdom_condemns_pakistani_embassy_attack',
      speakerId: 'act_united_kingdom',
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'The authorities of Great Britain condemned the attack on the Pakistani embassy in Kabul.',
      textKind: 'paraphrase',
      notes: 'Article 004 (see the US condemnation). The "number of other countries" are not named and are not ' +
        'recorded. Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_PAKISTAN_EMBASSY],
    sources: [SRC_004]
  },

  // -- Hizb-e-Islami office (Friday 2022-12-02)
  {
    row: {
      id: 'stm_2022_12_hekmatyar_condemns_attack_in_video_message',
      speakerId: 'act_gulbuddin_hekmatyar',
      onBehalfOfId: 'act_hizb_e_islami',
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'Hekmatyar condemned the attack on his party’s office, saying the suicide attackers had approached the ' +
        'mosque in women’s clothes but were killed by his bodyguards before the explosion.',
      textKind: 'paraphrase',
      notes: 'In a video message. Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_HIZB_OFFICE],
    sources: [SRC_004, SRC_HEKMATYAR_VIDEO]
  },
  {
    row: {
      id: 'stm_2022_12_03_muttaqi_assures_hekmatyar_of_security',
      speakerId: 'act_amir_khan_muttaqi',
      onBehalfOfId: TAL,
      saidOn: '2022-12-03',
      datePrecision: 'day',
      kind: 'pledge',
      text: 'Visiting Gulbuddin Hekmatyar, Amir Khan Muttaqi assured him of providing his security and of arresting ' +
        'and punishing the perpetrators of the attack.',
      textKind: 'paraphrase',
      notes: '"One day after this attack" (2022-12-02) resolves to 2022-12-03.'
    },
    incidents: [INC_HIZB_OFFICE],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_karzai_condemns_hizb_e_islami_office_attack',
      speakerId: 'act_hamid_karzai',
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'Hamid Karzai condemned the attack on the office of Hizb-e-Islami.',
      textKind: 'paraphrase',
      notes: 'Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_HIZB_OFFICE],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_abdullah_condemns_hizb_e_islami_office_attack',
      speakerId: 'act_abdullah_abdullah',
      onBehalfOfId: null,
      saidOn: '2022-12-02',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'Abdullah Abdullah condemned the attack on the office of Hizb-e-Islami.',
      textKind: 'paraphrase',
      notes: 'Undated: between 2022-12-02 and 2022-12-05.'
    },
    incidents: [INC_HIZB_OFFICE],
    sources: [SRC_004]
  },

  // -- Aybak madrassa (Wednesday 2022-11-30)
  {
    row: {
      id: 'stm_2022_11_unama_aybak_toll_19_killed_23_injured',
      speakerId: 'act_unama',
      onBehalfOfId: null,
      saidOn: '2022-11-30',
      datePrecision: 'week',
      kind: 'other',
      text: '19 people were killed and 23 others were injured as a result of the explosion at the al-Jihadiya ' +
        'madrassa in Aybak.',
      textKind: 'paraphrase',
      notes: 'From UNAMA’s "latest report", as relayed by article 004. Undated: between 2022-11-30 and 2022-12-05.'
    },
    incidents: [INC_AYBAK_MADRASSA],
    sources: [SRC_004, SRC_UNAMA_AYBAK]
  },
  {
    row: {
      id: 'stm_2022_11_unama_announces_aybak_investigation',
      speakerId: 'act_unama',
      onBehalfOfId: null,
      saidOn: '2022-11-30',
      datePrecision: 'week',
      kind: 'other',
      text: 'UNAMA announced a comprehensive investigation of the deadly explosion and asked the officials of the ' +
        'madrassa to be accountable.',
      textKind: 'paraphrase',
      notes: 'Undated: between 2022-11-30 and 2022-12-05.'
    },
    incidents: [INC_AYBAK_MADRASSA],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_11_rina_amiri_barbaric_attack_heartbreaking',
      speakerId: 'act_rina_amiri',
      onBehalfOfId: 'act_united_states',
      saidOn: '2022-11-30',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'The barbaric attack in Samangan, which resulted in the deaths and injuries of dozens of people, mostly children, is very heartbreaking',
      textKind: 'quote',
      notes: 'In a tweet in which she "described the attack on al-Jihadiya school as “barbaric”". As relayed in ' +
        'English translation by article 004. Undated: between 2022-11-30 and 2022-12-05.'
    },
    incidents: [INC_AYBAK_MADRASSA],
    sources: [SRC_004, SRC_AMIRI_TWEET]
  },
  {
    row: {
      id: 'stm_2022_11_rina_amiri_cowardly_violence_against_children',
      speakerId: 'act_rina_amiri',
      onBehalfOfId: 'act_united_states',
      saidOn: '2022-11-30',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'Such cowardly violence against children is an attack on Afghanistan’s future and must be stopped.',
      textKind: 'quote',
      notes: '"She added", following the words of her tweet; as relayed by article 004. Undated: between ' +
        '2022-11-30 and 2022-12-05.'
    },
    incidents: [INC_AYBAK_MADRASSA],
    sources: [SRC_004, SRC_AMIRI_TWEET]
  },
  {
    row: {
      id: 'stm_2022_11_karen_decker_hateful_attack',
      speakerId: 'act_karen_decker',
      onBehalfOfId: 'act_us_embassy_in_afghanistan',
      saidOn: '2022-11-30',
      datePrecision: 'week',
      kind: 'condemnation',
      text: 'Karen Decker called the attack “hateful” and said that Afghan children should be respected and protected.',
      textKind: 'paraphrase',
      notes: 'Undated: between 2022-11-30 and 2022-12-05.'
    },
    incidents: [INC_AYBAK_MADRASSA],
    sources: [SRC_004]
  },

  // -- Herat
  {
    row: {
      id: 'stm_2022_12_taliban_deny_physical_presence_of_iskp',
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2022-12-05',
      datePrecision: 'month',
      kind: 'denial',
      text: 'The Taliban have denied the physical presence of ISKP in the country.',
      textKind: 'paraphrase',
      notes: 'Article 004, about Herat: "It is said that the ISKP is planning to take root in this province, but the ' +
        'Taliban have denied the physical presence of this group in the country." Undated; recorded at the ' +
        'article’s date (2022-12-05) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: STM_ISKP_CLAIMS_HERAT_MINIBUS,
      speakerId: ISKP,
      onBehalfOfId: null,
      saidOn: '2022-11-01',
      datePrecision: 'month',
      kind: 'claim_of_responsibility',
      text: 'ISKP claimed responsibility for the armed attack on a minibus carrying employees of the Taliban’s ' +
        'al-Farooq corps in Herat, saying that one of its fighters shot at the occupants.',
      textKind: 'paraphrase',
      notes: 'Undated, like the attack itself (recorded as November 2022, month precision; see the incident).'
    },
    incidents: [INC_HERAT_MINIBUS],
    sources: [SRC_004]
  },

  // -- Kaj Academy (about 2022-09-28)
  {
    row: {
      id: 'stm_2022_amnesty_kaj_attack_horrific_taliban_failure',
      speakerId: 'act_amnesty_international',
      onBehalfOfId: null,
      saidOn: '2022-09-28',
      datePrecision: 'month',
      kind: 'condemnation',
      text: 'Amnesty International described the attack as horrific, saying that such attacks on the Hazara minority ' +
        'neighborhoods show the shameful inability and complete failure of the Taliban to protect the citizens’ life.',
      textKind: 'paraphrase',
      notes: 'In a published statement, as relayed by article 004. Undated: between the attack (about 2022-09-28) ' +
        'and 2022-12-05; recorded at the attack’s date with month precision.'
    },
    incidents: [INC_KAJ_ACADEMY],
    sources: [SRC_004, SRC_AMNESTY_KAJ]
  },
  {
    row: {
      id: STM_TALIBAN_ATTRIBUTES_KAJ,
      speakerId: TAL,
      onBehalfOfId: null,
      saidOn: '2022-09-28',
      datePrecision: 'month',
      kind: 'attribution',
      text: 'The Taliban attributed the attack on the Kaj Academy to ISKP, saying that the perpetrators who carried ' +
        'out the attack had been killed.',
      textKind: 'paraphrase',
      notes: 'Undated: between the attack (about 2022-09-28) and 2022-12-05; recorded at the attack’s date with ' +
        'month precision.'
    },
    incidents: [INC_KAJ_ACADEMY],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_mujahid_operation_on_iskp_hideout_8th_district',
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2022-12-05',
      datePrecision: 'month',
      kind: 'other',
      text: 'Zabihullah Mujahid announced that a military campaign had been carried out to wipe out ISKP and its ' +
        'affiliates in the 8th security district of Kabul city: an operation on one of ISKP’s hideouts in which a ' +
        'number of its fighters were killed.',
      textKind: 'paraphrase',
      notes: 'Article 004: "a bunch of its fighters were killed". Undated: after the Kaj attack (about 2022-09-28) ' +
        'and before 2022-12-05; recorded at the article’s date as an upper bound. The operation is not recorded ' +
        'as an incident (no date, no figure, reported only by the Taliban).'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: STM_MUJAHID_KAJ_PERPETRATORS,
      speakerId: MUJAHID,
      onBehalfOfId: TAL,
      saidOn: '2022-12-05',
      datePrecision: 'month',
      kind: 'attribution',
      text: 'The ISKP fighters killed in this operation were those who were involved in the recent explosions in the Wazir Muhammad Akbar Khan mosque, the Kaj education center in Dasht-e Barchi, and some other crimes against civilians',
      textKind: 'quote',
      notes: '"Mujahid detailed", about the operation in Kabul’s 8th security district. Attributes the Kaj ' +
        'education center attack (and the Wazir Muhammad Akbar Khan mosque explosion, which is not recorded as an ' +
        'incident for lack of a date or outcome) to ISKP. Undated; recorded at the article’s date as an upper bound.'
    },
    incidents: [INC_KAJ_ACADEMY],
    sources: [SRC_004]
  },

  // -- Herat Security Dialogue in Dushanbe and other assessments
  {
    row: {
      id: 'stm_2022_12_massoud_afghanistan_center_of_terrorism',
      speakerId: 'act_ahmad_massoud',
      onBehalfOfId: 'act_national_resistance_front',
      saidOn: '2022-12-05',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'Ahmad Massoud warned that Afghanistan has become a center of terrorism and a recruiting ground for ' +
        'terrorist groups.',
      textKind: 'paraphrase',
      notes: 'Around the two-day "Herat Security Dialogue" in Dushanbe, Tajikistan (no date given; "the past 16 ' +
        'months" since August 2021 points to late November or early December 2022). Recorded at article 004’s date ' +
        '(2022-12-05) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_massoud_taliban_completely_failed',
      speakerId: 'act_ahmad_massoud',
      onBehalfOfId: 'act_national_resistance_front',
      saidOn: '2022-12-05',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'The incidents of the past 16 months in Afghanistan and the findings of the two-day Herat security Dialogue in Dushanbe indicate that the Taliban have completely failed in their claim to bring peace and stability to the country and are unable to control the situation',
      textKind: 'quote',
      notes: 'After the two-day Herat Security Dialogue in Dushanbe. Recorded at article 004’s date (2022-12-05) as ' +
        'an upper bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_khatak_afghanistan_field_of_great_power_competition',
      speakerId: 'act_afrasiab_khatak',
      onBehalfOfId: 'act_awami_national_party',
      saidOn: '2022-12-05',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'Afrasiab Khatak said at the Herat Security Dialogue that Afghanistan has become a field of strategic ' +
        'competition between great powers.',
      textKind: 'paraphrase',
      notes: 'Herat Security Dialogue in Dushanbe; recorded at article 004’s date (2022-12-05) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_khatak_taliban_extreme_and_primitive',
      speakerId: 'act_afrasiab_khatak',
      onBehalfOfId: 'act_awami_national_party',
      saidOn: '2022-12-05',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'Afrasiab Khatak said the Taliban will not last, as they are “extreme and primitive” and do not have the ' +
        'ability to govern.',
      textKind: 'paraphrase',
      notes: 'Recorded at article 004’s date (2022-12-05) as an upper bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_12_farhad_salim_concern_over_terrorist_activity',
      speakerId: 'act_farhad_salim',
      onBehalfOfId: 'act_tajikistan_ministry_of_foreign_affairs',
      saidOn: '2022-12-05',
      datePrecision: 'week',
      kind: 'assessment',
      text: 'Farhad Salim expressed concern about the increase in terrorist activities in Afghanistan and emphasized ' +
        'the formation of an inclusive political system in Afghanistan.',
      textKind: 'paraphrase',
      notes: 'At the Herat Security Dialogue in Dushanbe; recorded at article 004’s date (2022-12-05) as an upper ' +
        'bound.'
    },
    incidents: [],
    sources: [SRC_004]
  },
  {
    row: {
      id: 'stm_2022_08_mckenzie_warns_of_isis_resurgence',
      speakerId: 'act_kenneth_mckenzie',
      onBehalfOfId: 'act_us_central_command',
      saidOn: '2022-08-01',
      datePrecision: 'month',
      kind: 'assessment',
      text: 'General Kenneth McKenzie warned the Senate Armed Forces Committee about the resumption of ISIS ' +
        'activities in Afghanistan in the summer, saying that the Taliban are “failing” in their efforts to ' +
        'suppress ISIS and that ISIS attacks are likely to increase as the summer approaches.',
      textKind: 'paraphrase',
      notes: 'Article 004 (December 2022) says McKenzie "had warned in last August"; resolved literally to August ' +
        '2022 (month precision). The same article says the US warned of a rise in ISKP offensives "during the summer ' +
        'this year" and McKenzie spoke of attacks increasing "as the summer approaches", which fits a warning made ' +
        'before summer 2022 better; the translated "last August" is kept as given but the date is uncertain.'
    },
    incidents: [],
    sources: [SRC_004]
  }
]

export const statements: StatementRow[] = specs.map((s) => s.row)

export const statementIncidents: StatementIncidentRow[] = specs.flatMap((s) =>
  s.incidents.map((incidentId) => ({ statementId: s.row.id, incidentId }))
)

export const statementSources: StatementSourceRow[] = specs.flatMap((s) =>
  s.sources.map((sourceId) => ({ statementId: s.row.id, sourceId }))
)
