/** The curated dataset: the record files under src/seed/data, checked and turned into table rows. */
import { checkRecordFiles, formatProblem, type Problem } from './check.ts'
import { dataDir, groupRecords, readRecordFiles, type Records } from './records.ts'
import { recordsToDataset } from './to-rows.ts'
import type { Dataset } from './types.ts'

export class DatasetError extends Error {
  constructor (readonly problems: Problem[]) {
    super(`the dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`)
  }
}

/** Reads and checks the record files; throws a DatasetError listing every problem. */
export function readRecords (dir: string = dataDir): Records {
  const files = readRecordFiles(dir)
  const problems = checkRecordFiles(files)
  if (problems.length > 0) throw new DatasetError(problems)
  return groupRecords(files)
}

/** The checked record files as table rows. */
export function readDataset (dir: string = dataDir): Dataset {
  return recordsToDataset(readRecords(dir))
}
