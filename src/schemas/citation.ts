/** API schema for CSL-JSON (Citation Style Language 1.0.2): a source as reference managers import it. */
import { Type } from '@sinclair/typebox'
import { StringEnum } from './common.ts'

/** The CSL item types a source maps to (src/core/citation/csl.ts), from the CSL 1.0.2 list. */
export const cslTypes = ['article-newspaper', 'report', 'post', 'document', 'motion_picture'] as const

const CslName = Type.Object({
  family: Type.Optional(Type.String({ description: 'Family name, when the byline is plainly "Given Family".', examples: ['Amin'] })),
  given: Type.Optional(Type.String({ description: 'Given name, beside `family`.', examples: ['Fahim'] })),
  literal: Type.Optional(Type.String({ description: 'The byline as written, when it is not plainly a given and a family name (an organisation, a desk, a single name).', examples: ['News Desk'] }))
}, { description: 'A CSL name: `family` and `given`, or `literal`.', additionalProperties: false })

const CslDate = Type.Object({
  'date-parts': Type.Array(Type.Array(Type.Integer(), { minItems: 1, maxItems: 3 }), {
    description: 'One date as [year, month, day], [year, month] or [year], as precise as the source\'s `date_precision`.',
    examples: [[[2022, 12, 5]]]
  }),
  circa: Type.Optional(Type.Boolean({ description: 'true when the date is only known to within about a week.' }))
}, { description: 'A CSL date.', additionalProperties: false })

export const CslItem = Type.Object({
  id: Type.String({ description: 'The source id.', examples: ['src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks'] }),
  type: StringEnum(cslTypes, {
    description: 'CSL item type, from the source\'s `kind`: `article-newspaper` for news articles and agency reports, `report` for UN and NGO reports, `post` for social media, `document` for official statements and other sources, `motion_picture` for videos.',
    examples: ['article-newspaper']
  }),
  title: Type.Optional(Type.String({ description: 'Headline or title.' })),
  'container-title': Type.Optional(Type.String({ description: 'The outlet or platform an article or post appeared in (the source\'s `publisher`).', examples: ['Hasht-e Subh'] })),
  publisher: Type.Optional(Type.String({ description: 'The organisation that issued a report, statement, video or other document (the source\'s `publisher`).', examples: ['United Nations Assistance Mission in Afghanistan (UNAMA)'] })),
  author: Type.Optional(Type.Array(CslName, { description: 'The byline.' })),
  issued: Type.Optional(CslDate),
  URL: Type.Optional(Type.String({ description: 'Link to the report (given only when known, never invented).' })),
  language: Type.Optional(Type.String({ description: 'ISO 639-1 language code.', examples: ['en'] }))
}, {
  $id: 'CslItem',
  description: 'A source as one CSL-JSON item (Citation Style Language 1.0.2), for Zotero, Mendeley, Pandoc and citeproc. As CSL-JSON wants, unknown fields are left out rather than null.',
  additionalProperties: false,
  examples: [{
    id: 'src_hasht_e_subh_2022_12_05_96_people_killed_iskp_attacks',
    type: 'article-newspaper',
    title: '96 People Killed in the Last Two Months As ISKP Members Intensify Targeted Attacks in Taliban-Occupied Afghanistan',
    'container-title': 'Hasht-e Subh',
    author: [{ family: 'Amin', given: 'Fahim' }],
    issued: { 'date-parts': [[2022, 12, 5]] },
    language: 'en'
  }]
})
