/**
 * Actors of the seed dataset: every group, government, body, organisation, outlet and person the five seed
 * articles name. Descriptions say only what the articles support, plus uncontroversial identity facts.
 * `parentId` records membership (a spokesman's parent is the Taliban, ISKP's parent is the Islamic State,
 * a ministry's parent is its government).
 */
import type { ActorRow } from '../types.ts'

export const actors: ActorRow[] = [
  // ---- Armed groups, movements and parties ----
  {
    id: 'act_islamic_state',
    slug: 'islamic-state',
    name: 'Islamic State',
    aliases: ['IS', 'ISIS', 'ISIL', 'Daesh', 'so-called Islamic State'],
    kind: 'armed_group',
    parentId: null,
    description: 'Jihadist group active in Syria and Iraq ("the so-called Islamic State (Daesh) group active in Syria ' +
      'and Iraq", article 002); ISKP is its Afghan branch. "Daesh" is the Arabic acronym of this group and is kept ' +
      'here; note that article 003 also uses "Daesh" for the local branch (a "Daesh hideout in the capital Kabul"), ' +
      'and article 002 speaks of "the local branch of Daesh", so in Afghan reporting "Daesh" often means ISKP. ' +
      'Where an article writes "ISIS"/"IS" about attacks in Afghanistan without naming the branch, the dataset keeps ' +
      'the literal attribution to this actor and explains it in the record.'
  },
  {
    id: 'act_iskp',
    slug: 'iskp',
    name: 'Islamic State Khorasan Province',
    aliases: [
      'ISKP',
      'ISIS-K',
      'IS-K',
      'ISIS Khorasan',
      'Islamic State of Khorasan',
      'Islamic State–Khorasan Province',
      'Islamic State Khorasan',
      'Islamic State in Khurasan Province',
      'Islamic State in Khorasan Province',
      'Daesh Khorasan'
    ],
    kind: 'armed_group',
    parentId: 'act_islamic_state',
    description: 'The Afghan branch of the Islamic State ("the Afghan branch of the so-called Islamic State (Daesh)", ' +
      'article 002; "Afghanistan’s Islamic State offshoot", article 003). According to the United Nations (via ' +
      'article 002) it can muster around 2,000 to 3,000 fighters. Afghan reports often call it simply "Daesh" ' +
      '(article 003: "a Daesh hideout in the capital Kabul"); that alias is kept on the parent, Islamic State. ' +
      'Claimed, per the articles, the 2 Nov 2021 Kabul military hospital attack, the Sept 2021 Jalalabad blasts, ' +
      'the Oct 2021 Kandahar and Kunduz mosque bombings (via Anadolu Agency), the 2 Dec 2022 attack on the ' +
      'Pakistani embassy in Kabul and an attack on a Taliban al-Farooq corps minibus in Herat.'
  },
  {
    id: 'act_taliban',
    slug: 'taliban',
    name: 'Taliban',
    aliases: [
      'Islamic Emirate',
      'Islamic Emirate of Afghanistan',
      'Taliban movement',
      'Taliban government',
      'Taliban authorities',
      'Taliban forces',
      'interim government'
    ],
    kind: 'government',
    parentId: null,
    description: 'Movement that captured all major Afghan cities in August 2021 (in power since 15 August 2021, ' +
      'article 000) and in September 2021 formed an interim government headed by Mohammad Hasan Akhund (article ' +
      '003); the de facto authorities of Afghanistan, which call themselves the Islamic Emirate. Its forces are the ' +
      'target of many ISKP attacks in the dataset. Pakistan’s foreign ministry calls it the "interim government".'
  },
  {
    id: 'act_al_qaeda',
    slug: 'al-qaeda',
    name: 'al-Qaeda',
    aliases: ['al Qaeda', 'Al-Qaeda', 'al-Qaida', 'Al Qaeda'],
    kind: 'armed_group',
    parentId: null,
    description: 'Jihadist group. The Taliban deny it has any presence in Afghanistan (article 001) and say ' +
      'Afghanistan will not again be a haven for groups such as it (article 002).'
  },
  {
    id: 'act_hizb_e_islami',
    slug: 'hizb-e-islami',
    name: 'Hizb-e-Islami',
    aliases: ['Hezb-e-Islami', 'Hizb-e Islami', 'Hezb-e Islami', 'Hizb-i-Islami'],
    kind: 'political_party',
    parentId: null,
    description: 'Afghan party led by Gulbuddin Hekmatyar; its office in the Dar-ul-Aman area of Kabul was attacked ' +
      'on 2 Dec 2022 (article 004).'
  },
  {
    id: 'act_national_resistance_front',
    slug: 'national-resistance-front',
    name: 'National Resistance Front',
    aliases: ['NRF', 'National Resistance Front of Afghanistan', 'northern resistance'],
    kind: 'armed_group',
    parentId: null,
    description: 'Anti-Taliban resistance led by Ahmad Massoud (article 004). Article 003 describes the "northern ' +
      'resistance" in Panjshir, co-led by Ahmad Masoud and former first vice president Amrullah Saleh, as the only ' +
      'group that resisted after the Taliban takeover; it is recorded as the same movement.'
  },
  {
    id: 'act_awami_national_party',
    slug: 'awami-national-party',
    name: 'Awami National Party',
    aliases: ['Awami National', 'ANP'],
    kind: 'political_party',
    parentId: null,
    description: 'Pakistani political party ("Pakistan’s “Awami National” party", article 004) whose leader, per ' +
      'article 004, is Afrasiab Khatak.'
  },
  {
    id: 'act_former_afghan_government',
    slug: 'former-afghan-government',
    name: 'Former Afghan government (before August 2021)',
    aliases: ['previous Afghan government', 'previous government', 'Islamic Republic of Afghanistan'],
    kind: 'government',
    parentId: null,
    description: 'The internationally backed Afghan government that the Taliban replaced in August 2021 ("the ' +
      'previous Afghan government", article 003). Per a Wall Street Journal report cited by article 003, members ' +
      'of its intelligence body were joining ISIS-K.'
  },
  {
    id: 'act_supreme_reconciliation_council',
    slug: 'supreme-reconciliation-council',
    name: 'Supreme Reconciliation Council',
    aliases: ['High Council for National Reconciliation'],
    kind: 'government_body',
    parentId: 'act_former_afghan_government',
    description: 'Body of the former Afghan government that Abdullah Abdullah headed (article 004 calls him "the ' +
      'former head of the Supreme Reconciliation Council").'
  },
  {
    id: 'act_taliban_al_farooq_corps',
    slug: 'taliban-al-farooq-corps',
    name: 'al-Farooq corps (Taliban)',
    aliases: ['al-Farooq corps', 'Al-Farooq Corps', 'al-Farooq military corps'],
    kind: 'government_body',
    parentId: 'act_taliban',
    description: 'Taliban corps in Herat whose employees’ minibus was attacked; ISKP claimed the attack (article 004).'
  },
  {
    id: 'act_taliban_nangarhar_information_and_culture',
    slug: 'taliban-nangarhar-information-and-culture',
    name: 'Taliban Department of Information and Culture, Nangarhar',
    aliases: ['Taliban’s head of information and culture in Nangarhar'],
    kind: 'government_body',
    parentId: 'act_taliban',
    description: 'The Taliban’s provincial information and culture office in Nangarhar; its head (not named) ' +
      'confirmed that six civilians were injured in the 3 Dec 2022 Jalalabad blast (article 004).'
  },

  // ---- Governments and their bodies ----
  {
    id: 'act_united_states',
    slug: 'united-states',
    name: 'United States',
    aliases: ['US', 'U.S.', 'USA', 'United States of America', 'US government'],
    kind: 'government',
    parentId: null,
    description: 'The United States government. Its forces withdrew from Afghanistan in August 2021; its authorities ' +
      'condemned the 2 Dec 2022 attack on the Pakistani embassy in Kabul (article 004).'
  },
  {
    id: 'act_us_department_of_state',
    slug: 'us-department-of-state',
    name: 'US Department of State',
    aliases: ['State Department', 'Department of State'],
    kind: 'government_body',
    parentId: 'act_united_states',
    description: 'US foreign ministry, headed by the Secretary of State (Antony Blinken in article 002).'
  },
  {
    id: 'act_us_embassy_in_afghanistan',
    slug: 'us-embassy-in-afghanistan',
    name: 'US Embassy in Afghanistan',
    aliases: ['US Embassy Kabul', 'U.S. Embassy in Afghanistan'],
    kind: 'government_body',
    parentId: 'act_united_states',
    description: 'US diplomatic mission to Afghanistan; Karen Decker is its chargé d’affaires (article 004).'
  },
  {
    id: 'act_us_central_command',
    slug: 'us-central-command',
    name: 'US Central Command',
    aliases: ['CENTCOM', 'Central Command of the United States Army', 'United States Central Command'],
    kind: 'government_body',
    parentId: 'act_united_states',
    description: 'US military command whose head was General Kenneth McKenzie (article 004 calls it "the Central ' +
      'Command of the United States Army").'
  },
  {
    id: 'act_us_senate_armed_services_committee',
    slug: 'us-senate-armed-services-committee',
    name: 'US Senate Armed Services Committee',
    aliases: ['Senate Armed Forces Committee', 'Senate Armed Services Committee'],
    kind: 'government_body',
    parentId: 'act_united_states',
    description: 'US Senate committee before which General Kenneth McKenzie warned of a resumption of ISIS ' +
      'activities in Afghanistan (article 004 calls it the "Senate Armed Forces Committee").'
  },
  {
    id: 'act_united_kingdom',
    slug: 'united-kingdom',
    name: 'United Kingdom',
    aliases: ['UK', 'Great Britain', 'Britain', 'British government'],
    kind: 'government',
    parentId: null,
    description: 'The UK government; its authorities condemned the 2 Dec 2022 attack on the Pakistani embassy in ' +
      'Kabul (article 004 says "Great Britain").'
  },
  {
    id: 'act_pakistan',
    slug: 'pakistan',
    name: 'Pakistan',
    aliases: ['Government of Pakistan', 'Pakistani government', 'Pakistani officials'],
    kind: 'government',
    parentId: null,
    description: 'The government of Pakistan. Its embassy in Kabul was attacked on 2 Dec 2022; it views the ISKP ' +
      'claim of that attack with suspicion (article 004). With the US, China and Russia it is putting pressure on ' +
      'the Taliban (article 002).'
  },
  {
    id: 'act_pakistan_ministry_of_foreign_affairs',
    slug: 'pakistan-ministry-of-foreign-affairs',
    name: 'Ministry of Foreign Affairs of Pakistan',
    aliases: ['Pakistan Ministry of Foreign Affairs', 'Pakistani Foreign Ministry', 'Pakistan MoFA', 'Foreign Office of Pakistan'],
    kind: 'government_body',
    parentId: 'act_pakistan',
    description: 'Pakistan’s foreign ministry; its spokesperson is Mumtaz Baloch (article 004).'
  },
  {
    id: 'act_pakistan_embassy_kabul',
    slug: 'pakistan-embassy-kabul',
    name: 'Embassy of Pakistan in Kabul',
    aliases: ['Pakistani embassy in Kabul', 'Pakistani embassy'],
    kind: 'government_body',
    parentId: 'act_pakistan_ministry_of_foreign_affairs',
    description: 'Pakistan’s diplomatic mission in the Karta-e Parwan area of Kabul, attacked on 2 Dec 2022 ' +
      '(article 004). Ambassador: Obaid ul-Rehman Nizamani.'
  },
  {
    id: 'act_china',
    slug: 'china',
    name: 'China',
    aliases: ['People’s Republic of China', 'PRC', 'Chinese government'],
    kind: 'government',
    parentId: null,
    description: 'The Chinese government. Called, with Russia and Iran, for urgent humanitarian assistance to ' +
      'Afghanistan (article 000); held talks with the US, Russia and Pakistan on Afghanistan (article 002).'
  },
  {
    id: 'act_russia',
    slug: 'russia',
    name: 'Russia',
    aliases: ['Russian Federation', 'Russian government'],
    kind: 'government',
    parentId: null,
    description: 'The Russian government. Called, with China and Iran, for urgent humanitarian assistance to ' +
      'Afghanistan (article 000); held talks with the US, China and Pakistan on Afghanistan (article 002).'
  },
  {
    id: 'act_iran',
    slug: 'iran',
    name: 'Iran',
    aliases: ['Islamic Republic of Iran', 'Iranian government'],
    kind: 'government',
    parentId: null,
    description: 'The Iranian government. Called, with Russia and China, for urgent humanitarian assistance to ' +
      'Afghanistan (article 000).'
  },
  {
    id: 'act_tajikistan',
    slug: 'tajikistan',
    name: 'Tajikistan',
    aliases: ['Republic of Tajikistan', 'Tajik government'],
    kind: 'government',
    parentId: null,
    description: 'The Tajik government; its capital Dushanbe hosted the two-day "Herat Security Dialogue" on ' +
      'Afghanistan (article 004).'
  },
  {
    id: 'act_tajikistan_ministry_of_foreign_affairs',
    slug: 'tajikistan-ministry-of-foreign-affairs',
    name: 'Ministry of Foreign Affairs of Tajikistan',
    aliases: ['Tajik Foreign Ministry', 'Tajikistan MoFA'],
    kind: 'government_body',
    parentId: 'act_tajikistan',
    description: 'Tajikistan’s foreign ministry; Farhad Salim is a deputy minister (article 004).'
  },

  // ---- International organisations, NGOs, research ----
  {
    id: 'act_united_nations',
    slug: 'united-nations',
    name: 'United Nations',
    aliases: ['UN', 'U.N.'],
    kind: 'international_organization',
    parentId: null,
    description: 'Estimates that ISKP can muster around 2,000 to 3,000 fighters (article 002). Mohammad Hasan Akhund ' +
      'is under UN sanctions (article 003).'
  },
  {
    id: 'act_unama',
    slug: 'unama',
    name: 'United Nations Assistance Mission in Afghanistan',
    aliases: ['UNAMA', 'UN Assistance Mission in Afghanistan'],
    kind: 'international_organization',
    parentId: 'act_united_nations',
    description: 'UN mission in Afghanistan; reported 19 killed and 23 injured in the Aybak madrassa blast and ' +
      'announced an investigation (article 004).'
  },
  {
    id: 'act_nato',
    slug: 'nato',
    name: 'NATO',
    aliases: ['North Atlantic Treaty Organization'],
    kind: 'international_organization',
    parentId: null,
    description: 'Military alliance whose forces, with US forces, withdrew from Afghanistan in August 2021 (article 002).'
  },
  {
    id: 'act_amnesty_international',
    slug: 'amnesty-international',
    name: 'Amnesty International',
    aliases: ['Amnesty'],
    kind: 'ngo',
    parentId: null,
    description: 'Human rights NGO; published a statement describing the Kaj Academy attack as horrific (article 004).'
  },
  {
    id: 'act_international_crisis_group',
    slug: 'international-crisis-group',
    name: 'International Crisis Group',
    aliases: ['ICG', 'Crisis Group'],
    kind: 'ngo',
    parentId: null,
    description: 'Conflict-analysis NGO; Ibraheem Bahiss is described as one of its consultants (article 001).'
  },

  // ---- Media outlets ----
  {
    id: 'act_reuters',
    slug: 'reuters',
    name: 'Reuters',
    aliases: [],
    kind: 'media_outlet',
    parentId: null,
    description: 'News agency; reported that Taliban commanders were raising the alarm about ISKP (cited by article 002).'
  },
  {
    id: 'act_anadolu_agency',
    slug: 'anadolu-agency',
    name: 'Anadolu Agency',
    aliases: ['Anadolu', 'AA'],
    kind: 'media_outlet',
    parentId: null,
    description: 'News agency; reported the group’s (Daesh/ISKP) claims of the October 2021 Kandahar and Kunduz ' +
      'mosque bombings and of targeted killings in Nangarhar and Parwan (cited by article 003).'
  },
  {
    id: 'act_wall_street_journal',
    slug: 'wall-street-journal',
    name: 'The Wall Street Journal',
    aliases: ['Wall Street Journal', 'WSJ'],
    kind: 'media_outlet',
    parentId: null,
    description: 'Newspaper; reported that former Afghan intelligence personnel were joining ISIS-K (cited by article 003).'
  },
  {
    id: 'act_hasht_e_subh',
    slug: 'hasht-e-subh',
    name: 'Hasht-e Subh',
    aliases: ['Hasht-e Subh Daily', '8am', 'Hasht-e-Subh'],
    kind: 'media_outlet',
    parentId: null,
    description: 'Afghan news outlet; publisher of seed article 004 ("Local sources told Hasht-e Subh"), which ' +
      'it publishes in an English translation.'
  },
  {
    id: 'act_xinhua',
    slug: 'xinhua',
    name: 'Xinhua',
    aliases: ['Xinhua News Agency'],
    kind: 'media_outlet',
    parentId: null,
    description: 'News agency; credited for the photo illustrating article 000.'
  },
  {
    id: 'act_southfront',
    slug: 'southfront',
    name: 'SouthFront',
    aliases: ['Southfront.org', 'South Front'],
    kind: 'media_outlet',
    parentId: null,
    description: 'Website from which article 001 is republished ("Via Southfront.org").'
  },

  // ---- People: Taliban ----
  {
    id: 'act_zabihullah_mujahid',
    slug: 'zabihullah-mujahid',
    name: 'Zabihullah Mujahid',
    aliases: ['Mujahid', 'Zabiullah Mujahid'],
    kind: 'person',
    parentId: 'act_taliban',
    description: 'Taliban spokesman ("a spokesman for the Taliban government", article 002).'
  },
  {
    id: 'act_bilal_karimi',
    slug: 'bilal-karimi',
    name: 'Bilal Karimi',
    aliases: [],
    kind: 'person',
    parentId: 'act_taliban',
    description: 'Taliban representative ("the representative of the Taliban movement", article 003); confirmed the ' +
      '2 Nov 2021 explosions near the Kabul military hospital.'
  },
  {
    id: 'act_mohammad_hasan_akhund',
    slug: 'mohammad-hasan-akhund',
    name: 'Mohammad Hasan Akhund',
    aliases: ['Mullah Mohammad Hasan Akhund', 'Hasan Akhund'],
    kind: 'person',
    parentId: 'act_taliban',
    description: 'Head of the Taliban interim government formed in September 2021; foreign minister during the first ' +
      'Taliban government; under UN sanctions (article 003).'
  },
  {
    id: 'act_amir_khan_muttaqi',
    slug: 'amir-khan-muttaqi',
    name: 'Amir Khan Muttaqi',
    aliases: ['Muttaqi'],
    kind: 'person',
    parentId: 'act_taliban',
    description: 'Acting foreign minister of the Taliban (article 004); visited Gulbuddin Hekmatyar the day after the ' +
      '2 Dec 2022 attack on the Hizb-e-Islami office.'
  },

  // ---- People: others ----
  {
    id: 'act_feda_mohammad',
    slug: 'feda-mohammad',
    name: 'Feda Mohammad',
    aliases: [],
    kind: 'person',
    parentId: null,
    description: 'Brother of an 18-year-old rickshaw driver killed, along with a 10-year-old cousin, in one of the ' +
      'September 2021 Jalalabad blasts (article 001).'
  },
  {
    id: 'act_ibraheem_bahiss',
    slug: 'ibraheem-bahiss',
    name: 'Ibraheem Bahiss',
    aliases: ['Ibrahim Bahiss'],
    kind: 'person',
    parentId: 'act_international_crisis_group',
    description: 'International Crisis Group consultant and independent research analyst (article 001).'
  },
  {
    id: 'act_antony_blinken',
    slug: 'antony-blinken',
    name: 'Antony Blinken',
    aliases: ['Blinken'],
    kind: 'person',
    parentId: 'act_us_department_of_state',
    description: 'US Secretary of State (article 002).'
  },
  {
    id: 'act_gulbuddin_hekmatyar',
    slug: 'gulbuddin-hekmatyar',
    name: 'Gulbuddin Hekmatyar',
    aliases: ['Hekmatyar'],
    kind: 'person',
    parentId: 'act_hizb_e_islami',
    description: 'Leader of Hizb-e-Islami; the 2 Dec 2022 attack on his party’s office aimed to assassinate him, and ' +
      'he was unhurt (article 004).'
  },
  {
    id: 'act_hamid_karzai',
    slug: 'hamid-karzai',
    name: 'Hamid Karzai',
    aliases: ['Karzai'],
    kind: 'person',
    parentId: null,
    description: 'Former president of Afghanistan (article 004).'
  },
  {
    id: 'act_abdullah_abdullah',
    slug: 'abdullah-abdullah',
    name: 'Abdullah Abdullah',
    aliases: [],
    kind: 'person',
    parentId: null,
    description: 'Former head of the Supreme Reconciliation Council (article 004).'
  },
  {
    id: 'act_amrullah_saleh',
    slug: 'amrullah-saleh',
    name: 'Amrullah Saleh',
    aliases: ['Saleh'],
    kind: 'person',
    parentId: 'act_national_resistance_front',
    description: 'Former first vice president of Afghanistan; co-led the northern resistance in Panjshir with Ahmad ' +
      'Massoud after the Taliban takeover (article 003).'
  },
  {
    id: 'act_ahmad_massoud',
    slug: 'ahmad-massoud',
    name: 'Ahmad Massoud',
    aliases: ['Ahmad Masoud', 'Massoud'],
    kind: 'person',
    parentId: 'act_national_resistance_front',
    description: 'Leader of the National Resistance Front (article 004); co-led the northern resistance in Panjshir ' +
      '(article 003, spelled "Ahmad Masoud").'
  },
  {
    id: 'act_rina_amiri',
    slug: 'rina-amiri',
    name: 'Rina Amiri',
    aliases: [],
    kind: 'person',
    parentId: 'act_united_states',
    description: 'US special representative for Afghan women (article 004).'
  },
  {
    id: 'act_karen_decker',
    slug: 'karen-decker',
    name: 'Karen Decker',
    aliases: [],
    kind: 'person',
    parentId: 'act_us_embassy_in_afghanistan',
    description: 'Chargé d’affaires of the US Embassy in Afghanistan (article 004).'
  },
  {
    id: 'act_mumtaz_baloch',
    slug: 'mumtaz-baloch',
    name: 'Mumtaz Baloch',
    aliases: ['Mumtaz Zahra Baloch'],
    kind: 'person',
    parentId: 'act_pakistan_ministry_of_foreign_affairs',
    description: 'Spokesperson of Pakistan’s Ministry of Foreign Affairs (article 004).'
  },
  {
    id: 'act_obaid_ul_rehman_nizamani',
    slug: 'obaid-ul-rehman-nizamani',
    name: 'Obaid ul-Rehman Nizamani',
    aliases: ['Ubaid-ur-Rehman Nizamani', 'Nizamani'],
    kind: 'person',
    parentId: 'act_pakistan_embassy_kabul',
    description: 'Pakistan’s ambassador in Kabul; the target, unharmed, of the 2 Dec 2022 assassination attempt on the ' +
      'embassy (article 004).'
  },
  {
    id: 'act_israr_mohammad',
    slug: 'israr-mohammad',
    name: 'Israr Mohammad',
    aliases: [],
    kind: 'person',
    parentId: 'act_pakistan_embassy_kabul',
    description: 'Security guard of the Pakistani embassy in Kabul, injured in the 2 Dec 2022 attack (article 004).'
  },
  {
    id: 'act_afrasiab_khatak',
    slug: 'afrasiab-khatak',
    name: 'Afrasiab Khatak',
    aliases: ['Afrasiab Khattak', 'Khatak'],
    kind: 'person',
    parentId: 'act_awami_national_party',
    description: 'Pakistani politician, described by article 004 as the leader of the "Awami National" party; spoke ' +
      'at the Herat Security Dialogue in Dushanbe.'
  },
  {
    id: 'act_farhad_salim',
    slug: 'farhad-salim',
    name: 'Farhad Salim',
    aliases: [],
    kind: 'person',
    parentId: 'act_tajikistan_ministry_of_foreign_affairs',
    description: 'Deputy Minister of Foreign Affairs of Tajikistan (article 004).'
  },
  {
    id: 'act_kenneth_mckenzie',
    slug: 'kenneth-mckenzie',
    name: 'Kenneth McKenzie',
    aliases: ['General Kenneth McKenzie', 'Frank McKenzie', 'McKenzie'],
    kind: 'person',
    parentId: 'act_us_central_command',
    description: 'US general, head of US Central Command (article 004).'
  },
  {
    id: 'act_charan_singh',
    slug: 'charan-singh',
    name: 'Charan Singh',
    aliases: [],
    kind: 'person',
    parentId: null,
    description: 'Described by article 004 as the only remaining Hindu in Nangarhar province; an explosive device ' +
      'planted near his shop in Jalalabad exploded on 3 Dec 2022.'
  },
  {
    id: 'act_fahim_amin',
    slug: 'fahim-amin',
    name: 'Fahim Amin',
    aliases: [],
    kind: 'person',
    parentId: 'act_hasht_e_subh',
    description: 'Author of seed article 004 ("Written by Fahim Amin"), published by Hasht-e Subh.'
  },
  {
    id: 'act_tyler_durden',
    slug: 'tyler-durden',
    name: 'Tyler Durden',
    aliases: [],
    kind: 'person',
    parentId: null,
    description: 'Name signing seed article 001 (republished via Southfront.org); the text says nothing more.'
  },
  {
    id: 'act_saifurahman_safi',
    slug: 'saifurahman-safi',
    name: 'Saifurahman Safi',
    aliases: [],
    kind: 'person',
    parentId: 'act_xinhua',
    description: 'Photographer credited with Xinhua for the photo illustrating article 000 ("Xinhua/Saifurahman Safi").'
  }
]
