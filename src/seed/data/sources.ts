/**
 * Sources of the seed dataset: the five seed articles (src/seed/articles/000..004) and the reports they cite.
 *
 * Nothing here is invented: no URL is given by any article, so `url` is always null; a title, publisher,
 * author or date that the text does not give is null, and every inference is explained in `notes`.
 */
import type { SourceCitationRow, SourceRow } from '../types.ts'

/** Article 000 (src/seed/articles/000_df058620d7e6d41b.txt). */
export const SRC_000 = 'src_2021_11_07_twin_blasts_rock_jalalabad'
/** Article 001 (src/seed/articles/001_e8aa0ffba7751739.txt). */
export const SRC_001 = 'src_2021_09_21_taliban_say_no_isis_al_qaeda_in_country'
/** Article 002 (src/seed/articles/002_8e67d7e17c46e3f3.txt). */
export const SRC_002 = 'src_2021_09_24_islamic_state_targeting_taliban_leaders'
/** Article 003 (src/seed/articles/003_f548904bbe22a22a.txt). */
export const SRC_003 = 'src_2021_11_02_kabul_military_hospital_explosions'
/** Article 004 (src/seed/articles/004_cd875d34d6ffdbd4.txt). */
export const SRC_004 = 'src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks'

// Reports cited by the articles, known only through the citing article.
export const SRC_SOUTHFRONT = 'src_southfront_taliban_no_isis_al_qaeda_original'
export const SRC_XINHUA_PHOTO = 'src_xinhua_photo_nangarhar_2018_05_13'
export const SRC_REUTERS = 'src_reuters_2021_taliban_commanders_raise_alarm_iskp'
export const SRC_UN_ESTIMATE = 'src_un_2021_iskp_fighter_estimate'
export const SRC_LOCAL_TV = 'src_local_tv_2021_11_02_kabul_military_hospital'
export const SRC_WSJ = 'src_wsj_2021_former_intelligence_joining_iskp'
export const SRC_ANADOLU = 'src_anadolu_2021_iskp_claims_kandahar_kunduz'
export const SRC_UNAMA_AYBAK = 'src_unama_2022_aybak_madrassa_report'
export const SRC_AMNESTY_KAJ = 'src_amnesty_2022_kaj_academy_statement'
export const SRC_HEKMATYAR_VIDEO = 'src_hekmatyar_2022_12_video_message'
export const SRC_AMIRI_TWEET = 'src_rina_amiri_2022_aybak_tweet'
export const SRC_PAKISTAN_MOFA = 'src_pakistan_mofa_2022_12_02_statement'

/** Which seed file each seed article comes from (used by tests and tooling; relative to src/seed/articles). */
export const seedArticleFiles: Record<string, string> = {
  [SRC_000]: '000_df058620d7e6d41b.txt',
  [SRC_001]: '001_e8aa0ffba7751739.txt',
  [SRC_002]: '002_8e67d7e17c46e3f3.txt',
  [SRC_003]: '003_f548904bbe22a22a.txt',
  [SRC_004]: '004_cd875d34d6ffdbd4.txt'
}

export const sources: SourceRow[] = [
  // ---- The five seed articles ----
  {
    id: SRC_000,
    title: 'Twin blasts rock Jalalabad, Afghanistan',
    publisher: null,
    author: 'News Desk',
    publishedOn: '2021-11-07',
    publishedOnPrecision: 'day',
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Seed article 000. Dateline "By News Desk - November 07 2021" gives the date and the byline. ' +
      'The outlet is not named in the text, so publisher is null; the Xinhua credit is for the (2018) photo only, ' +
      'not for the article. Standfirst: "Concerns grow over the increased presence of ISIS fighters in Afghanistan, ' +
      'as the Taliban hopes to attain official international recognition". Reports the 7 Nov 2021 Jalalabad twin ' +
      'blasts, the 18 Sept 2021 Jalalabad explosions and the 2 Nov 2021 Kabul military hospital attack.'
  },
  {
    id: SRC_001,
    title: 'Taliban Say No ISIS, Al-Qaeda In Country Despite String Of ISIS-K Terror Attacks',
    publisher: null,
    author: 'Tyler Durden',
    publishedOn: '2021-09-21',
    publishedOnPrecision: 'day',
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Seed article 001. Signed "Tyler Durden, Tue, 09/21/2021 – 12:10", which gives the date. The text is ' +
      'republished "Via Southfront.org" (recorded as a cited source); the republishing outlet itself is not named ' +
      'in the text, so publisher is null. The body speaks of "ISIS" while the headline calls the attacks "ISIS-K" ' +
      'attacks; this dataset reads its "ISIS" claims and attributions as ISKP accordingly.'
  },
  {
    id: SRC_002,
    title: 'Islamic State targeting Taliban leaders',
    publisher: null,
    author: null,
    publishedOn: '2021-09-24',
    publishedOnPrecision: 'day',
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Seed article 002. Header "publish: 24 September 2021, time: 6:35 pm, category: Politics, No: 18793". ' +
      'Neither the outlet nor an author is named. Standfirst: ISKP carried out more bomb attacks in Jalalabad after ' +
      'the Kabul airport attack; it can field 2,000-3,000 fighters against 100,000 for the Taliban. "Yesterday" in ' +
      'the text resolves to 2021-09-23.'
  },
  {
    id: SRC_003,
    title: null,
    publisher: null,
    author: null,
    publishedOn: '2021-11-02',
    publishedOnPrecision: 'week',
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Seed article 003. The text carries no headline, byline, outlet or date (it ends with "MORE ON THE TOPIC:"). ' +
      'Date inferred from content: it reports the 2 November (2021, "In August this year" = the Taliban takeover) ' +
      'Kabul military hospital explosions as news, with "no immediate claim of responsibility" and no comment yet ' +
      'from Taliban officials, while article 000 (7 Nov 2021) already reports the ISIS-K claim. So it was written on ' +
      'or within a few days after 2021-11-02; recorded as 2021-11-02 with week precision. Cites local TV channels, ' +
      'the Wall Street Journal and Anadolu Agency.'
  },
  {
    id: SRC_004,
    title: '96 People Killed in the Last Two Months As ISKP Members Intensify Targeted Attacks in Taliban-Occupied Afghanistan',
    publisher: 'Hasht-e Subh',
    author: 'Fahim Amin',
    publishedOn: '2022-12-05',
    publishedOnPrecision: 'day',
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Seed article 004. "Written by Fahim Amin | Translated by English Section Editor" (an English translation). ' +
      'Publisher inferred from the text itself: "Local sources told Hasht-e Subh" refers to the publishing outlet. ' +
      'The article gives no date; it says the Pakistani embassy attack was "three days ago (Friday, December 2nd)", ' +
      'and 2022-12-02 is a Friday (the Herat Security Dialogue and "the past 16 months" since August 2021 confirm ' +
      'late 2022), so it was written on Monday 2022-12-05 (day precision). Relative dates in it ("on Saturday", ' +
      '"on Wednesday", "two months and seven days ago", "last August") are resolved against that date. Its own tally: ' +
      'at least 96 killed in ISKP attacks in the last two months (73 civilians, 23 Taliban members) and 141 civilians ' +
      'and 21 Taliban fighters wounded; that aggregate is not an incident and is kept here only.'
  },

  // ---- Reports cited by the articles ----
  {
    id: SRC_SOUTHFRONT,
    title: null,
    publisher: 'SouthFront',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'The original of article 001, which is republished "Via Southfront.org". Known only through article 001; ' +
      'its title and date are not given (it predates or equals 2021-09-21).'
  },
  {
    id: SRC_XINHUA_PHOTO,
    title: null,
    publisher: 'Xinhua',
    author: 'Saifurahman Safi',
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'other',
    notes: 'Photograph illustrating article 000: "Smoke rising from the site of an attack in Nangarhar province, ' +
      'Afghanistan. 13 May, 2018. (Photo credit: Xinhua/Saifurahman Safi)". 13 May 2018 is the date the photo shows, ' +
      'not a publication date, so publishedOn is null. It evidences no incident in this dataset (2018 is out of scope).'
  },
  {
    id: SRC_REUTERS,
    title: null,
    publisher: 'Reuters',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: 'en',
    kind: 'news_agency_report',
    notes: 'Cited by article 002: "Reuters reported that Taliban commanders are raising the alarm instead" (about the ' +
      'danger of ISKP). Known only through article 002; published on or before 2021-09-24.'
  },
  {
    id: SRC_UN_ESTIMATE,
    title: null,
    publisher: 'United Nations',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'un_report',
    notes: 'Cited by article 002: "According to the United Nations, ISKP can muster around 2,000 to 3,000 fighters". ' +
      'Which UN document is not said; known only through article 002; on or before 2021-09-24.'
  },
  {
    id: SRC_LOCAL_TV,
    title: null,
    publisher: null,
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'other',
    notes: 'Cited by article 003: "According to local TV channels, citing eyewitnesses, another explosion followed" ' +
      '(Kabul military hospital attack, 2 Nov 2021). The channels are not named; television broadcasts, hence kind other.'
  },
  {
    id: SRC_WSJ,
    title: null,
    publisher: 'The Wall Street Journal',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: 'en',
    kind: 'news_article',
    notes: 'Cited by article 003 ("According to a Wall Street Journal’s report"): members of the previous ' +
      'government’s intelligence body, mostly US-trained Afghan spies, are joining ISIS-K in northern Afghanistan. ' +
      'Known only through article 003; "in recent days" before about 2021-11-02.'
  },
  {
    id: SRC_ANADOLU,
    title: null,
    publisher: 'Anadolu Agency',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'news_agency_report',
    notes: 'Cited by article 003: "According to Anadolu Agency, the group [Daesh] claimed a massive suicide bombing in ' +
      'Kandahar, besides orchestrating targeted killings in Nangarhar and Parwan provinces as well as a massive ' +
      'suicide bombing in a Shia community mosque in the northern Kunduz province, killing more than 100 people." ' +
      'Known only through article 003; published after the October 2021 attacks and before about 2021-11-02.'
  },
  {
    id: SRC_UNAMA_AYBAK,
    title: null,
    publisher: 'United Nations Assistance Mission in Afghanistan (UNAMA)',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'un_report',
    notes: 'Cited by article 004: "In its latest report, UNAMA announced that 19 people were killed and 23 others ' +
      'were injured" in the Aybak al-Jihadiya madrassa blast (30 Nov 2022). Known only through article 004; ' +
      'published between 2022-11-30 and 2022-12-05.'
  },
  {
    id: SRC_AMNESTY_KAJ,
    title: null,
    publisher: 'Amnesty International',
    author: null,
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'ngo_report',
    notes: 'The statement Amnesty International published on the Kaj Academy attack, cited by article 004 ("described ' +
      'this attack as horrific by publishing a statement"). Known only through article 004; published after the ' +
      'attack (resolved to about 2022-09-28) and before 2022-12-05.'
  },
  {
    id: SRC_HEKMATYAR_VIDEO,
    title: null,
    publisher: null,
    author: 'Gulbuddin Hekmatyar',
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'video',
    notes: 'Video message in which Gulbuddin Hekmatyar condemned the 2 Dec 2022 attack on the Hizb-e-Islami office, ' +
      'cited by article 004. Known only through article 004; released between 2022-12-02 and 2022-12-05 (exact ' +
      'day not given), so publishedOn is null.'
  },
  {
    id: SRC_AMIRI_TWEET,
    title: null,
    publisher: 'Twitter',
    author: 'Rina Amiri',
    publishedOn: null,
    publishedOnPrecision: null,
    url: null,
    language: null,
    kind: 'social_media',
    notes: 'Tweet by Rina Amiri, US special representative for Afghan women, on the Aybak madrassa attack, cited by ' +
      'article 004 ("described the attack on al-Jihadiya school as “barbaric” in a tweet"). Publisher recorded as ' +
      'Twitter because the article calls it a tweet. Posted between 2022-11-30 and 2022-12-05.'
  },
  {
    id: SRC_PAKISTAN_MOFA,
    title: null,
    publisher: 'Ministry of Foreign Affairs of Pakistan',
    author: null,
    publishedOn: '2022-12-02',
    publishedOnPrecision: 'day',
    url: null,
    language: null,
    kind: 'official_statement',
    notes: 'Statement of Pakistan’s Ministry of Foreign Affairs on the shooting at its Kabul embassy, cited by article ' +
      '004: "The ministry said in a statement on Friday that it has summoned the Taliban ambassador in Islamabad". ' +
      'Friday resolves to 2022-12-02 against the article’s date (2022-12-05).'
  }
]

/** Which source relies on which, with the citing words (verbatim from the citing article). */
export const sourceCitations: SourceCitationRow[] = [
  {
    sourceId: SRC_001,
    citedSourceId: SRC_SOUTHFRONT,
    context: 'Via Southfront.org,'
  },
  {
    sourceId: SRC_000,
    citedSourceId: SRC_XINHUA_PHOTO,
    context: '(Photo credit: Xinhua/Saifurahman Safi)'
  },
  {
    sourceId: SRC_002,
    citedSourceId: SRC_REUTERS,
    // The article has no-break spaces around "Reuters"; kept so the context is verbatim.
    context: 'However,\u00a0Reuters\u00a0reported that Taliban commanders are raising the alarm instead.'
  },
  {
    sourceId: SRC_002,
    citedSourceId: SRC_UN_ESTIMATE,
    context: 'According to the United Nations, ISKP can muster around 2,000 to 3,000 fighters, compared to 100,000 at the disposal of the Taliban.'
  },
  {
    sourceId: SRC_003,
    citedSourceId: SRC_LOCAL_TV,
    context: 'According to local TV channels, citing eyewitnesses, another explosion followed. A group of suicide bombers entered the building, and a firefight broke out with the Taliban forces.'
  },
  {
    sourceId: SRC_003,
    citedSourceId: SRC_WSJ,
    context: 'According to a Wall Street Journal’s report, members of the intelligence body of the previous government in Afghanistan are now affiliating with ISIS-K in order to survive and resist the Taliban.'
  },
  {
    sourceId: SRC_003,
    citedSourceId: SRC_ANADOLU,
    context: 'According to Anadolu Agency, the group claimed a massive suicide bombing in Kandahar, besides orchestrating targeted killings in Nangarhar and Parwan provinces as well as a massive suicide bombing in a Shia community mosque in the northern Kunduz province, killing more than 100 people.'
  },
  {
    sourceId: SRC_004,
    citedSourceId: SRC_UNAMA_AYBAK,
    context: 'In its latest report, UNAMA announced that 19 people were killed and 23 others were injured as a result of this explosion.'
  },
  {
    sourceId: SRC_004,
    citedSourceId: SRC_AMNESTY_KAJ,
    context: 'Amnesty International described this attack as horrific by publishing a statement, saying that such attacks on the Hazara minority neighborhoods show the shameful inability and complete failure of the Taliban to protect the citizens’ life.'
  },
  {
    sourceId: SRC_004,
    citedSourceId: SRC_HEKMATYAR_VIDEO,
    context: 'Mr. Hekmatyar condemned the attack in a video message, saying that the suicide attackers had approached the mosque in women’s clothes, but before the explosion, they were killed by his bodyguards.'
  },
  {
    sourceId: SRC_004,
    citedSourceId: SRC_AMIRI_TWEET,
    context: 'Rina Amiri, the US special representative for Afghan women, described the attack on al-Jihadiya school as “barbaric” in a tweet.'
  },
  {
    sourceId: SRC_004,
    citedSourceId: SRC_PAKISTAN_MOFA,
    context: 'The ministry said in a statement on Friday that it has summoned the Taliban ambassador in Islamabad in connection with the shooting at its embassy in Kabul.'
  }
]
