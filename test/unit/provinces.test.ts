/** The province reference data and the spellings the `province` filter accepts. */
import t from 'tap'
import { findProvince, provinces } from '../../src/domain/provinces.ts'

t.test('there are 34 provinces with unique ISO 3166-2:AF codes and names', async (t) => {
  t.equal(provinces.length, 34)
  t.equal(new Set(provinces.map((p) => p.code)).size, 34)
  t.equal(new Set(provinces.map((p) => p.name)).size, 34)
  for (const p of provinces) t.match(p.code, /^AF-[A-Z]{3}$/)
})

t.test('findProvince matches codes, names and common spellings, ignoring case and spacing', async (t) => {
  t.equal(findProvince('AF-NAN')?.name, 'Nangarhar')
  t.equal(findProvince('af-nan')?.name, 'Nangarhar')
  t.equal(findProvince('Nangarhar')?.code, 'AF-NAN')
  t.equal(findProvince('ningarhar')?.code, 'AF-NAN')
  t.equal(findProvince('  KABUL ')?.code, 'AF-KAB')
  t.equal(findProvince('Sar-i Pul')?.code, 'AF-SAR')
  t.equal(findProvince('sar e pul')?.code, 'AF-SAR')
  t.equal(findProvince('Panjshri')?.code, 'AF-PAN', 'the spelling used in one of the seed articles')
  t.equal(findProvince('Atlantis'), undefined)
  t.equal(findProvince(''), undefined)
})
