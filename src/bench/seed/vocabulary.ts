/** The weighted choices synthetic rows draw from: kinds, types, precisions, and the words titles and summaries use. */
import type {
  DatePrecision, IncidentType, ResponsibilityKind, SourceKind, StatementKind
} from '../../domain/vocabulary.ts'
import type { Weights } from './sql-random.ts'

/** Indexes 1..4 as in calendar.ts windowStart. */
export const datePrecisionWeights: Weights<DatePrecision> = [['day', 85], ['week', 5], ['month', 7], ['year', 3]]

export const incidentTypeWeights: Weights<IncidentType> = [
  ['armed_clash', 18], ['ied', 14], ['targeted_killing', 12], ['raid', 8], ['security_operation', 8],
  ['armed_assault', 8], ['bombing', 7], ['explosion', 7], ['arrest', 6], ['suicide_bombing', 4],
  ['assassination_attempt', 3], ['complex_attack', 2], ['foiled_attack', 2], ['other', 1]
]

/** How each type reads at the start of a title, in the order of incidentTypeWeights. */
export const incidentTypeLabels: Record<IncidentType, string> = {
  armed_clash: 'Armed clash',
  ied: 'Roadside bomb blast',
  targeted_killing: 'Targeted killing',
  raid: 'Night raid',
  security_operation: 'Security operation',
  armed_assault: 'Armed assault',
  bombing: 'Bombing',
  explosion: 'Explosion',
  arrest: 'Arrests',
  suicide_bombing: 'Suicide bombing',
  assassination_attempt: 'Assassination attempt',
  complex_attack: 'Complex attack',
  foiled_attack: 'Foiled attack',
  other: 'Incident'
}

/** Where it happened, in the title: `mosque`, `checkpoint`, `bazaar` and `wedding` are what text searches look for. */
export const settingWeights: Weights = [
  ['at a mosque', 3], ['at a checkpoint', 4], ['in a bazaar', 3], ['at a wedding', 1],
  ['in a village', 24], ['at a house', 14], ['in a residential area', 11], ['on a highway', 8],
  ['near a government office', 6], ['at a security post', 6], ['near a school', 3], ['at a shop', 5],
  ['at a madrasa', 2], ['near a hospital', 2], ['in the district centre', 8]
]

/** A second sentence in the summary, with the same search words now and then. */
export const detailWeights: Weights = [
  ['Witnesses said it happened near the entrance of a mosque.', 2],
  ['It happened close to a checkpoint on the main road.', 2],
  ['Shops in the nearby bazaar closed for the day.', 2],
  ['Guests had gathered for a wedding nearby.', 1],
  ['Local officials confirmed the casualties.', 18],
  ['No group had claimed it at the time of reporting.', 15],
  ['Residents reported gunfire for several hours.', 12],
  ['Security forces cordoned off the area.', 16],
  ['Details could not be independently verified.', 20],
  ['The wounded were taken to the provincial hospital.', 12]
]

/** Target lists, as Postgres array literals. */
export const targetWeights: Weights = [
  ['{}', 10], ['{civilians}', 22], ['{taliban_forces}', 22], ['{civilians,religious_site}', 5],
  ['{religious_site,religious_minority}', 2], ['{school,students}', 2], ['{civilians,business}', 6], ['{business}', 3],
  ['{vehicle}', 5], ['{taliban_forces,vehicle}', 6], ['{political_figure}', 4], ['{civilians,vehicle}', 4],
  ['{hospital}', 1], ['{diplomatic_mission}', 1], ['{foreign_forces}', 1], ['{airport}', 0.5],
  ['{political_party,political_figure}', 1]
]

/** Location precisions; `province` (the centroid itself) gets no jitter. */
export const locationWeights: Weights = [['city', 40], ['district', 30], ['exact', 10], ['neighborhood', 10], ['province', 10]]

export const sourceKindWeights: Weights<SourceKind> = [
  ['news_article', 45], ['news_agency_report', 20], ['official_statement', 10], ['social_media', 10],
  ['un_report', 4], ['ngo_report', 4], ['video', 3], ['other', 4]
]

export const languageWeights: Weights = [['en', 70], ['fa', 15], ['ps', 10], ['ar', 3], ['ur', 2]]

export const responsibilityKindWeights: Weights<ResponsibilityKind> = [['claimed', 35], ['attributed', 35], ['suspected', 20], ['denied', 10]]

/** The wording a report uses, by responsibility kind in the order above. */
export const responsibilityWordings = ['claimed responsibility', 'blamed', 'suspected of carrying out', 'denied involvement']

export const voiceWeights: Weights = [['source', 80], ['actor', 12], ['unnamed', 8]]

export const challengeWeights: Weights = [['disputed', 70], ['to_be_verified', 30]]

export const statementKindWeights: Weights<StatementKind> = [
  ['claim_of_responsibility', 15], ['denial', 10], ['condemnation', 30], ['attribution', 10],
  ['assessment', 15], ['pledge', 10], ['other', 10]
]

/** What a statement says, by kind in the order above. */
export const statementTexts = [
  'We carried out the attack and will continue.',
  'We had no part in this attack.',
  'We condemn this attack on innocent people.',
  'Those responsible belong to a known armed group.',
  'The security situation in the province remains fragile.',
  'We will bring those responsible to justice.',
  'Investigations are under way.'
]

export const participantDescriptions = [
  'unidentified gunmen', 'a suicide bomber', 'two armed men', 'security guards', 'civilians at the site', 'local residents'
]

export const participantOutcomeWeights: Weights = [['killed', 25], ['wounded', 20], ['unhurt', 20], ['arrested', 20], ['escaped', 15]]
