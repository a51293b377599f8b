DROP INDEX "statements_speaker_idx";--> statement-breakpoint
DROP INDEX "statements_on_behalf_of_idx";--> statement-breakpoint
CREATE INDEX "incidents_window_after_idx" ON "incidents" USING btree (("date_end" - "occurred_on"));--> statement-breakpoint
CREATE INDEX "incidents_window_before_idx" ON "incidents" USING btree (("occurred_on" - "date_start"));--> statement-breakpoint
CREATE INDEX "statements_speaker_said_on_idx" ON "statements" USING btree ("speaker_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_on_behalf_of_said_on_idx" ON "statements" USING btree ("on_behalf_of_id","said_on","id");