-- Trigram index for the incidents `q` filter: case-insensitive substring search over title, summary, district
-- and place without a sequential scan. The expression must match incidentSearchText in src/routes/incidents/queries.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "incidents_search_text_trgm_idx" ON "incidents" USING gin (
  (coalesce("title", '') || E'\x01' || coalesce("summary", '') || E'\x01' || coalesce("district", '') || E'\x01' || coalesce("place", '')) gin_trgm_ops
);
