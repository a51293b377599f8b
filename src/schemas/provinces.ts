/** API schemas for the province reference list. */
import { Type } from '@sinclair/typebox'
import { ref } from './common.ts'

export const Province = Type.Object({
  code: Type.String({ description: 'ISO 3166-2:AF code.', examples: ['AF-NAN'] }),
  name: Type.String({ description: 'English name (ISO 3166-2).', examples: ['Nangarhar'] }),
  aliases: Type.Array(Type.String(), { description: 'Other spellings accepted by the `province` filter.', examples: [['Ningarhar', 'Nangrahar']] }),
  capital: Type.String({ description: 'Provincial capital.', examples: ['Jalalabad'] })
}, { $id: 'Province', description: 'One of the 34 provinces of Afghanistan.', additionalProperties: false })

export const ProvinceList = Type.Object({
  data: Type.Array(ref(Province), { description: 'All 34 provinces, ordered by code.' }),
  next_cursor: Type.Null({ description: 'Always null: the list is complete in one page.' })
}, { $id: 'ProvinceList', description: 'The provinces of Afghanistan.', additionalProperties: false })
