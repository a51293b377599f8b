/** The OpenAPI document's static parts: info, servers and tags. Paths and components come from the routes. */
import { citationLine, datasetRelease } from '../release/dataset-release.ts'

export const apiDescription = `An open, queryable record of political violence in Afghanistan since August 2021:
**incidents** (attacks, armed clashes, security operations, raids, arrests), the **actors** involved (armed groups,
governments, organisations, media outlets, people) and their roles, their **statements** (claims of
responsibility, denials, condemnations, attributions), the **sources** (reports) that carry each figure, claim and
quote, and **tallies** (a report's own count over a period, beside the incidents it sums).

## Coverage
The dataset starts from five curated news articles published between September 2021 and December 2022 and covers
attacks in Kabul, Nangarhar, Kandahar, Kunduz, Samangan and Herat provinces from August 2021 to December 2022. It
grows as sources are curated. Every incident keeps each source's own date and casualty figures
(\`GET /v1/incidents/{id}\` \`reports\`), so conflicting accounts stay visible; the incident's own \`killed\` and
\`wounded\` are \`{ best, low, high }\` reconciled from them. \`null\` always means unknown; \`0\` is a known zero.
Dates are the best date the sources support, with a \`date_precision\` (\`day\`, \`week\`, \`month\`, \`year\`)
and a window \`date_start\`..\`date_end\` that the true date lies in ("over the weekend" is two days). Date filters
match records whose window overlaps the asked range; \`date_match=within\` keeps only records certainly inside it.
Responsibility says who voices each claim or attribution, in the report's own verb, and whether a party disputes it;
"no claim known" as of a report's date is kept as a record of its own. Victims and perpetrators are counted apart.

## Citing
This is dataset release **${datasetRelease.version}**, released ${datasetRelease.released_on} under ${datasetRelease.license}
(\`info.x-dataset-version\`); every response names the release that answered in its \`Dataset-Version\` header.
Cite it as: *${citationLine()}*, with the ids of the records you use, and cite the underlying report for every
figure or quote: \`GET /v1/sources/{id}/citation\` gives a source as CSL-JSON for reference managers. A release is
also published as a Frictionless data package (the CSV exports with their Table Schemas) with a \`CITATION.cff\`.

## Pagination
Lists use keyset pagination: \`limit\` (default 50, max 500) and an opaque \`cursor\`. Responses are
\`{ "data": [...], "next_cursor": "..." | null }\` with a \`Link: <...>; rel="next"\` header. Orderings are stable
(incidents: newest \`occurred_on\` first, then id descending), so walking every page sees every row exactly once.

## Filters
Every filter combines with every other (AND). \`province\` takes ISO 3166-2:AF codes or English names
(\`AF-NAN\`, \`Nangarhar\`, \`Ningarhar\`), comma-separated for OR. Actor filters (\`claimed_by\`, \`attributed_to\`,
\`actor\`, \`speaker\`) take an actor id, slug or alias (\`iskp\`, \`isis-k\`); \`include_branches=true\` adds an
actor's branches and members. \`type\` takes several comma-separated types. Unknown parameters, malformed values, an unknown province or actor,
and \`start_date\` after \`end_date\` are \`400\` errors, never silently ignored.

## Writes
Reads are public. Writes need \`Authorization: Bearer <key>\` with the \`write\` scope (401 without a valid key, 403
without the scope); keys are made with \`npm run key:create -- --name <name> --scope write\`. Records are written in
the **record format**, the format of the curated data files: \`GET /v1/{resource}/{id}/record\` shows any record in
it. \`POST\` creates (201, \`Location\`, \`ETag\`) and honours \`Idempotency-Key\`. \`PATCH\` takes a JSON Merge Patch
(\`application/merge-patch+json\`) of the record; links (per-source reports, responsibility, participants,
follow-ups, a statement's incidents and sources) are parts of their record and are edited with it. \`PATCH\` and
\`DELETE\` need \`If-Match\` with the record's ETag (\`"<version>-…"\`): 428 without, 412 when someone changed it
first. Every change is a revision (\`/v1/{resource}/{id}/revisions\`, each past version readable); a deleted record
answers 410 with a pointer to its last revision; \`GET /v1/changes\` lists every change in commit order.

## Errors
Errors are RFC 9457 problem details (\`application/problem+json\`) with \`type\`, \`title\`, \`status\`, \`detail\`,
\`instance\`, a stable \`code\` (\`invalid_parameter\`, \`not_found\`, \`gone\`, \`unauthorized\`, \`forbidden\`,
\`precondition_required\`, \`stale_version\`, \`invalid_record\`, \`already_exists\`, \`in_use\`, \`internal_error\`) and, for validation failures,
\`errors: [{ in, name, message }]\`.`

export const tags = [
  { name: 'incidents', description: 'Attacks and armed clashes: where, when, casualties as best/low/high, who claimed or was blamed, and each source\'s own account.' },
  { name: 'actors', description: 'Armed groups, governments and ministries, parties, organisations, media outlets and people, with slugs, aliases and parent organisations.' },
  { name: 'statements', description: 'What actors said: claims of responsibility, denials, condemnations, attributions, assessments and pledges, each with the reports that carry it.' },
  { name: 'sources', description: 'The reports behind the data, with their citation chains ("according to Anadolu Agency").' },
  { name: 'provinces', description: 'Reference list of the 34 provinces (ISO 3166-2:AF).' },
  { name: 'changes', description: 'One feed of every create, update and delete, in commit order, for keeping a copy in sync.' },
  { name: 'stats', description: 'Counts and casualty sums of the incidents a filter matches, by province, year, month, type, actor or kind of responsibility.' },
  { name: 'tallies', description: 'Reports\' own counts over a period, linked to the incidents they sum, so where they agree or differ is visible.' },
  { name: 'health', description: 'Liveness and readiness of this instance, for load balancers and orchestrators.' }
]
