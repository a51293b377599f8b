/** toCslItem: each source kind to its CSL type, bylines split only when plainly a person's, dates as precise as known, nothing invented. */
import t from 'tap'
import { cslName, toCslItem, type CitableSource } from '../../src/core/citation/csl.ts'
import { sourceKinds } from '../../src/domain/vocabulary.ts'
import { cslTypes } from '../../src/schemas/citation.ts'

const bare: CitableSource = {
  id: 'src_x', title: null, publisher: null, author: null, published_on: null, date_precision: null, url: null, language: null, kind: 'other'
}

t.test('an unknown field is left out, never null or made up', async (t) => {
  t.same(toCslItem(bare), { id: 'src_x', type: 'document' })
})

t.test('a news article with everything known', async (t) => {
  t.same(toCslItem({
    ...bare,
    kind: 'news_article',
    title: 'Twin blasts rock Jalalabad',
    publisher: 'Hasht-e Subh',
    author: 'Fahim Amin',
    published_on: '2022-12-05',
    date_precision: 'day',
    url: 'https://example.org/a',
    language: 'en'
  }), {
    id: 'src_x',
    type: 'article-newspaper',
    title: 'Twin blasts rock Jalalabad',
    'container-title': 'Hasht-e Subh',
    author: [{ family: 'Amin', given: 'Fahim' }],
    issued: { 'date-parts': [[2022, 12, 5]] },
    URL: 'https://example.org/a',
    language: 'en'
  })
})

t.test('every source kind has a CSL 1.0.2 type; the publisher is a container only for articles and posts', async (t) => {
  const expected = {
    news_article: 'article-newspaper',
    news_agency_report: 'article-newspaper',
    un_report: 'report',
    ngo_report: 'report',
    social_media: 'post',
    official_statement: 'document',
    video: 'motion_picture',
    other: 'document'
  } as const
  for (const kind of sourceKinds) {
    const item = toCslItem({ ...bare, kind, publisher: 'P' })
    t.equal(item.type, expected[kind], kind)
    t.ok((cslTypes as readonly string[]).includes(item.type), `${kind}: a type the schema lists`)
    const container = item.type === 'article-newspaper' || item.type === 'post'
    t.same(container ? item['container-title'] : item.publisher, 'P', `${kind}: publisher as ${container ? 'container-title' : 'publisher'}`)
  }
})

t.test('dates: a day as it is, a week circa, a month or a year without the parts that are not known', async (t) => {
  const issued = (date_precision: CitableSource['date_precision']) => toCslItem({ ...bare, published_on: '2021-10-01', date_precision }).issued
  t.same(issued('day'), { 'date-parts': [[2021, 10, 1]] })
  t.same(issued('week'), { 'date-parts': [[2021, 10, 1]], circa: true })
  t.same(issued('month'), { 'date-parts': [[2021, 10]] })
  t.same(issued('year'), { 'date-parts': [[2021]] })
})

t.test('bylines: given and family only when plainly two personal names', async (t) => {
  t.same(cslName('Tyler Durden'), { family: 'Durden', given: 'Tyler' })
  t.same(cslName('  Rina   Amiri '), { family: 'Amiri', given: 'Rina' })
  t.same(cslName('Abdul-Qahar Balkhi'), { family: 'Balkhi', given: 'Abdul-Qahar' })
  for (const literal of ['News Desk', 'Staff Reporter', 'Reuters', 'Gulbuddin', 'J. Smith', 'Ludwig van Beethoven', 'AFP Kabul', 'ذبیح الله مجاهد', 'al Jazeera']) {
    t.same(cslName(literal), { literal }, `"${literal}" stays literal`)
  }
  t.same(toCslItem({ ...bare, author: 'Fahim Amin; News Desk' }).author, [{ family: 'Amin', given: 'Fahim' }, { literal: 'News Desk' }], 'several bylines separated by ";"')
})
