DROP INDEX "incidents_date_start_idx";--> statement-breakpoint
DROP INDEX "incidents_date_end_idx";--> statement-breakpoint
DROP INDEX "statements_speaker_idx";--> statement-breakpoint
DROP INDEX "statements_on_behalf_of_idx";--> statement-breakpoint
CREATE INDEX "incidents_short_window_occurred_on_idx" ON "incidents" USING btree ("occurred_on","id") WHERE ("incidents"."date_end" - "incidents"."date_start") > 0 and ("incidents"."date_end" - "incidents"."date_start") <= 92;--> statement-breakpoint
CREATE INDEX "incidents_short_window_province_occurred_on_idx" ON "incidents" USING btree ("province_code","occurred_on","id") WHERE ("incidents"."date_end" - "incidents"."date_start") > 0 and ("incidents"."date_end" - "incidents"."date_start") <= 92;--> statement-breakpoint
CREATE INDEX "incidents_long_window_occurred_on_idx" ON "incidents" USING btree ("occurred_on","id") WHERE ("incidents"."date_end" - "incidents"."date_start") > 92;--> statement-breakpoint
CREATE INDEX "incidents_long_window_province_occurred_on_idx" ON "incidents" USING btree ("province_code","occurred_on","id") WHERE ("incidents"."date_end" - "incidents"."date_start") > 92;--> statement-breakpoint
CREATE INDEX "incidents_window_span_idx" ON "incidents" USING btree (("date_end" - "date_start"));--> statement-breakpoint
CREATE INDEX "statements_speaker_said_on_idx" ON "statements" USING btree ("speaker_id","said_on","id");--> statement-breakpoint
CREATE INDEX "statements_window_span_idx" ON "statements" USING btree (("date_end" - "date_start"));--> statement-breakpoint
CREATE INDEX "statements_short_window_said_on_idx" ON "statements" USING btree ("said_on","id") WHERE ("statements"."date_end" - "statements"."date_start") > 0 and ("statements"."date_end" - "statements"."date_start") <= 92;--> statement-breakpoint
CREATE INDEX "statements_long_window_said_on_idx" ON "statements" USING btree ("said_on","id") WHERE ("statements"."date_end" - "statements"."date_start") > 92;--> statement-breakpoint
CREATE INDEX "statements_on_behalf_of_said_on_idx" ON "statements" USING btree ("on_behalf_of_id","said_on","id");