CREATE TYPE "public"."assertion_voice" AS ENUM('actor', 'source', 'unnamed');--> statement-breakpoint
CREATE TYPE "public"."challenge_kind" AS ENUM('disputed', 'to_be_verified');--> statement-breakpoint
CREATE TYPE "public"."estimate_measure" AS ENUM('fighters', 'members', 'other');--> statement-breakpoint
CREATE TYPE "public"."follow_up_kind" AS ENUM('arrest', 'devices_defused', 'investigation', 'security_measure', 'other');--> statement-breakpoint
CREATE TYPE "public"."incident_relation_kind" AS ENUM('same_series', 'response_to', 'same_perpetrators');--> statement-breakpoint
CREATE TYPE "public"."participant_outcome" AS ENUM('killed', 'wounded', 'unhurt', 'arrested', 'escaped');--> statement-breakpoint
CREATE TYPE "public"."participant_role" AS ENUM('perpetrator', 'target', 'responder');--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'explosion' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'security_operation' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'raid' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'armed_clash' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'arrest' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."incident_type" ADD VALUE 'foiled_attack' BEFORE 'other';--> statement-breakpoint
ALTER TYPE "public"."victim_group" ADD VALUE 'afghan_nationals';--> statement-breakpoint
CREATE TABLE "actor_estimates" (
	"id" text PRIMARY KEY NOT NULL,
	"actor_id" text NOT NULL,
	"measure" "estimate_measure" NOT NULL,
	"best" integer,
	"low" integer,
	"high" integer,
	"as_of" date NOT NULL,
	"date_precision" date_precision NOT NULL,
	"source_id" text NOT NULL,
	"statement_id" text,
	"excerpt" text,
	"notes" text,
	CONSTRAINT "actor_estimates_some_figure" CHECK ("actor_estimates"."best" is not null or "actor_estimates"."low" is not null or "actor_estimates"."high" is not null),
	CONSTRAINT "actor_estimates_figure_non_negative" CHECK ("actor_estimates"."low" >= 0 and "actor_estimates"."best" >= 0 and "actor_estimates"."high" >= 0),
	CONSTRAINT "actor_estimates_figure_low_le_best" CHECK ("actor_estimates"."low" <= "actor_estimates"."best"),
	CONSTRAINT "actor_estimates_figure_best_le_high" CHECK ("actor_estimates"."best" <= "actor_estimates"."high"),
	CONSTRAINT "actor_estimates_figure_low_le_high" CHECK ("actor_estimates"."low" <= "actor_estimates"."high")
);
--> statement-breakpoint
CREATE TABLE "incident_follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"position" integer NOT NULL,
	"kind" "follow_up_kind" NOT NULL,
	"actor_id" text,
	"description" text NOT NULL,
	"count" integer,
	"source_id" text NOT NULL,
	"statement_id" text,
	"excerpt" text,
	CONSTRAINT "incident_follow_ups_position_unique" UNIQUE("incident_id","position"),
	CONSTRAINT "incident_follow_ups_count_non_negative" CHECK ("incident_follow_ups"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incident_participants" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"position" integer NOT NULL,
	"role" "participant_role" NOT NULL,
	"actor_id" text,
	"description" text,
	"count" integer,
	"outcome" "participant_outcome",
	"source_id" text NOT NULL,
	"excerpt" text,
	"notes" text,
	CONSTRAINT "incident_participants_position_unique" UNIQUE("incident_id","position"),
	CONSTRAINT "incident_participants_identified" CHECK ("incident_participants"."actor_id" is not null or "incident_participants"."description" is not null),
	CONSTRAINT "incident_participants_count_non_negative" CHECK ("incident_participants"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incident_relations" (
	"incident_id" text NOT NULL,
	"related_incident_id" text NOT NULL,
	"kind" "incident_relation_kind" NOT NULL,
	"source_id" text,
	"notes" text,
	CONSTRAINT "incident_relations_incident_id_related_incident_id_kind_pk" PRIMARY KEY("incident_id","related_incident_id","kind"),
	CONSTRAINT "incident_relations_not_self" CHECK ("incident_relations"."incident_id" <> "incident_relations"."related_incident_id")
);
--> statement-breakpoint
CREATE TABLE "no_claim_reports" (
	"incident_id" text NOT NULL,
	"source_id" text NOT NULL,
	"as_of" date NOT NULL,
	"excerpt" text,
	"notes" text,
	CONSTRAINT "no_claim_reports_incident_id_source_id_pk" PRIMARY KEY("incident_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "tallies" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"source_id" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"period_precision" date_precision NOT NULL,
	"perpetrator_id" text,
	"killed_best" integer,
	"killed_low" integer,
	"killed_high" integer,
	"wounded_best" integer,
	"wounded_low" integer,
	"wounded_high" integer,
	"excerpt" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tallies_period_ordered" CHECK ("tallies"."period_start" <= "tallies"."period_end"),
	CONSTRAINT "tallies_killed_non_negative" CHECK ("tallies"."killed_low" >= 0 and "tallies"."killed_best" >= 0 and "tallies"."killed_high" >= 0),
	CONSTRAINT "tallies_killed_low_le_best" CHECK ("tallies"."killed_low" <= "tallies"."killed_best"),
	CONSTRAINT "tallies_killed_best_le_high" CHECK ("tallies"."killed_best" <= "tallies"."killed_high"),
	CONSTRAINT "tallies_killed_low_le_high" CHECK ("tallies"."killed_low" <= "tallies"."killed_high"),
	CONSTRAINT "tallies_wounded_non_negative" CHECK ("tallies"."wounded_low" >= 0 and "tallies"."wounded_best" >= 0 and "tallies"."wounded_high" >= 0),
	CONSTRAINT "tallies_wounded_low_le_best" CHECK ("tallies"."wounded_low" <= "tallies"."wounded_best"),
	CONSTRAINT "tallies_wounded_best_le_high" CHECK ("tallies"."wounded_best" <= "tallies"."wounded_high"),
	CONSTRAINT "tallies_wounded_low_le_high" CHECK ("tallies"."wounded_low" <= "tallies"."wounded_high")
);
--> statement-breakpoint
CREATE TABLE "tally_breakdowns" (
	"tally_id" text NOT NULL,
	"outcome" "casualty_outcome" NOT NULL,
	"victim_group" "victim_group" NOT NULL,
	"best" integer,
	"low" integer,
	"high" integer,
	CONSTRAINT "tally_breakdowns_tally_id_outcome_victim_group_pk" PRIMARY KEY("tally_id","outcome","victim_group"),
	CONSTRAINT "tally_breakdowns_some_figure" CHECK ("tally_breakdowns"."best" is not null or "tally_breakdowns"."low" is not null),
	CONSTRAINT "tally_breakdowns_count_non_negative" CHECK ("tally_breakdowns"."low" >= 0 and "tally_breakdowns"."best" >= 0 and "tally_breakdowns"."high" >= 0),
	CONSTRAINT "tally_breakdowns_count_low_le_best" CHECK ("tally_breakdowns"."low" <= "tally_breakdowns"."best"),
	CONSTRAINT "tally_breakdowns_count_best_le_high" CHECK ("tally_breakdowns"."best" <= "tally_breakdowns"."high"),
	CONSTRAINT "tally_breakdowns_count_low_le_high" CHECK ("tally_breakdowns"."low" <= "tally_breakdowns"."high")
);
--> statement-breakpoint
CREATE TABLE "tally_incidents" (
	"tally_id" text NOT NULL,
	"incident_id" text NOT NULL,
	CONSTRAINT "tally_incidents_tally_id_incident_id_pk" PRIMARY KEY("tally_id","incident_id")
);
--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" RENAME COLUMN "count" TO "best";--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" DROP CONSTRAINT "casualty_breakdowns_count_non_negative";--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD COLUMN "low" integer;--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD COLUMN "high" integer;--> statement-breakpoint
-- Breakdowns so far were exact counts.
ALTER TABLE "casualty_breakdowns" ALTER COLUMN "best" DROP NOT NULL;--> statement-breakpoint
UPDATE "casualty_breakdowns" SET "low" = "best", "high" = "best";--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "date_start" date;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "date_end" date;--> statement-breakpoint
-- Existing records get the window their precision stands for.
UPDATE "incident_reports" SET "date_start" = CASE "date_precision" WHEN 'day' THEN "occurred_on" WHEN 'week' THEN "occurred_on" WHEN 'month' THEN date_trunc('month', "occurred_on")::date ELSE date_trunc('year', "occurred_on")::date END, "date_end" = CASE "date_precision" WHEN 'day' THEN "occurred_on" WHEN 'week' THEN "occurred_on" + 6 WHEN 'month' THEN (date_trunc('month', "occurred_on") + interval '1 month' - interval '1 day')::date ELSE (date_trunc('year', "occurred_on") + interval '1 year' - interval '1 day')::date END WHERE "occurred_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_killed_best" integer;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_killed_low" integer;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_killed_high" integer;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_wounded_best" integer;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_wounded_low" integer;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD COLUMN "perpetrators_wounded_high" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "date_start" date;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "date_end" date;--> statement-breakpoint
UPDATE "incidents" SET "date_start" = CASE "date_precision" WHEN 'day' THEN "occurred_on" WHEN 'week' THEN "occurred_on" WHEN 'month' THEN date_trunc('month', "occurred_on")::date ELSE date_trunc('year', "occurred_on")::date END, "date_end" = CASE "date_precision" WHEN 'day' THEN "occurred_on" WHEN 'week' THEN "occurred_on" + 6 WHEN 'month' THEN (date_trunc('month', "occurred_on") + interval '1 month' - interval '1 day')::date ELSE (date_trunc('year', "occurred_on") + interval '1 year' - interval '1 day')::date END WHERE "occurred_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "date_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ALTER COLUMN "date_end" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_killed_best" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_killed_low" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_killed_high" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_wounded_best" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_wounded_low" integer;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "perpetrators_wounded_high" integer;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "voice" "assertion_voice" DEFAULT 'source' NOT NULL;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "asserted_by_id" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "wording" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "excerpt" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "challenge_kind" "challenge_kind";--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "challenged_by_id" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "challenge_source_id" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "challenge_statement_id" text;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD COLUMN "challenge_excerpt" text;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "date_start" date;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "date_end" date;--> statement-breakpoint
UPDATE "statements" SET "date_start" = CASE "date_precision" WHEN 'day' THEN "said_on" WHEN 'week' THEN "said_on" WHEN 'month' THEN date_trunc('month', "said_on")::date ELSE date_trunc('year', "said_on")::date END, "date_end" = CASE "date_precision" WHEN 'day' THEN "said_on" WHEN 'week' THEN "said_on" + 6 WHEN 'month' THEN (date_trunc('month', "said_on") + interval '1 month' - interval '1 day')::date ELSE (date_trunc('year', "said_on") + interval '1 year' - interval '1 day')::date END WHERE "said_on" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ALTER COLUMN "date_start" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ALTER COLUMN "date_end" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "actor_estimates" ADD CONSTRAINT "actor_estimates_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_estimates" ADD CONSTRAINT "actor_estimates_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor_estimates" ADD CONSTRAINT "actor_estimates_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_follow_ups" ADD CONSTRAINT "incident_follow_ups_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_follow_ups" ADD CONSTRAINT "incident_follow_ups_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_follow_ups" ADD CONSTRAINT "incident_follow_ups_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_follow_ups" ADD CONSTRAINT "incident_follow_ups_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_participants" ADD CONSTRAINT "incident_participants_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_related_incident_id_incidents_id_fk" FOREIGN KEY ("related_incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_relations" ADD CONSTRAINT "incident_relations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_claim_reports" ADD CONSTRAINT "no_claim_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "no_claim_reports" ADD CONSTRAINT "no_claim_reports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tallies" ADD CONSTRAINT "tallies_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tallies" ADD CONSTRAINT "tallies_perpetrator_id_actors_id_fk" FOREIGN KEY ("perpetrator_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_breakdowns" ADD CONSTRAINT "tally_breakdowns_tally_id_tallies_id_fk" FOREIGN KEY ("tally_id") REFERENCES "public"."tallies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_incidents" ADD CONSTRAINT "tally_incidents_tally_id_tallies_id_fk" FOREIGN KEY ("tally_id") REFERENCES "public"."tallies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_incidents" ADD CONSTRAINT "tally_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_estimates_actor_idx" ON "actor_estimates" USING btree ("actor_id","as_of");--> statement-breakpoint
CREATE INDEX "incident_participants_actor_idx" ON "incident_participants" USING btree ("actor_id","role");--> statement-breakpoint
CREATE INDEX "incident_relations_related_idx" ON "incident_relations" USING btree ("related_incident_id");--> statement-breakpoint
CREATE INDEX "tallies_period_idx" ON "tallies" USING btree ("period_end","id");--> statement-breakpoint
CREATE INDEX "tally_incidents_incident_idx" ON "tally_incidents" USING btree ("incident_id");--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_asserted_by_id_actors_id_fk" FOREIGN KEY ("asserted_by_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_challenged_by_id_actors_id_fk" FOREIGN KEY ("challenged_by_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_challenge_source_id_sources_id_fk" FOREIGN KEY ("challenge_source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_challenge_statement_id_statements_id_fk" FOREIGN KEY ("challenge_statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_date_start_idx" ON "incidents" USING btree ("date_start");--> statement-breakpoint
CREATE INDEX "incidents_date_end_idx" ON "incidents" USING btree ("date_end");--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_some_figure" CHECK ("casualty_breakdowns"."best" is not null or "casualty_breakdowns"."low" is not null);--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_count_low_le_best" CHECK ("casualty_breakdowns"."low" <= "casualty_breakdowns"."best");--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_count_best_le_high" CHECK ("casualty_breakdowns"."best" <= "casualty_breakdowns"."high");--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_count_low_le_high" CHECK ("casualty_breakdowns"."low" <= "casualty_breakdowns"."high");--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_count_non_negative" CHECK ("casualty_breakdowns"."low" >= 0 and "casualty_breakdowns"."best" >= 0 and "casualty_breakdowns"."high" >= 0);--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_window_with_date" CHECK (("incident_reports"."occurred_on" is null) = ("incident_reports"."date_start" is null) and ("incident_reports"."occurred_on" is null) = ("incident_reports"."date_end" is null));--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_killed_non_negative" CHECK ("incident_reports"."perpetrators_killed_low" >= 0 and "incident_reports"."perpetrators_killed_best" >= 0 and "incident_reports"."perpetrators_killed_high" >= 0);--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_killed_low_le_best" CHECK ("incident_reports"."perpetrators_killed_low" <= "incident_reports"."perpetrators_killed_best");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_killed_best_le_high" CHECK ("incident_reports"."perpetrators_killed_best" <= "incident_reports"."perpetrators_killed_high");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_killed_low_le_high" CHECK ("incident_reports"."perpetrators_killed_low" <= "incident_reports"."perpetrators_killed_high");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_wounded_non_negative" CHECK ("incident_reports"."perpetrators_wounded_low" >= 0 and "incident_reports"."perpetrators_wounded_best" >= 0 and "incident_reports"."perpetrators_wounded_high" >= 0);--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_wounded_low_le_best" CHECK ("incident_reports"."perpetrators_wounded_low" <= "incident_reports"."perpetrators_wounded_best");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_wounded_best_le_high" CHECK ("incident_reports"."perpetrators_wounded_best" <= "incident_reports"."perpetrators_wounded_high");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_perpetrators_wounded_low_le_high" CHECK ("incident_reports"."perpetrators_wounded_low" <= "incident_reports"."perpetrators_wounded_high");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_window_ordered" CHECK ("incident_reports"."date_start" <= "incident_reports"."date_end");--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_window_holds_date" CHECK ("incident_reports"."occurred_on" between "incident_reports"."date_start" and "incident_reports"."date_end");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_killed_non_negative" CHECK ("incidents"."perpetrators_killed_low" >= 0 and "incidents"."perpetrators_killed_best" >= 0 and "incidents"."perpetrators_killed_high" >= 0);--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_killed_low_le_best" CHECK ("incidents"."perpetrators_killed_low" <= "incidents"."perpetrators_killed_best");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_killed_best_le_high" CHECK ("incidents"."perpetrators_killed_best" <= "incidents"."perpetrators_killed_high");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_killed_low_le_high" CHECK ("incidents"."perpetrators_killed_low" <= "incidents"."perpetrators_killed_high");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_wounded_non_negative" CHECK ("incidents"."perpetrators_wounded_low" >= 0 and "incidents"."perpetrators_wounded_best" >= 0 and "incidents"."perpetrators_wounded_high" >= 0);--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_wounded_low_le_best" CHECK ("incidents"."perpetrators_wounded_low" <= "incidents"."perpetrators_wounded_best");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_wounded_best_le_high" CHECK ("incidents"."perpetrators_wounded_best" <= "incidents"."perpetrators_wounded_high");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_perpetrators_wounded_low_le_high" CHECK ("incidents"."perpetrators_wounded_low" <= "incidents"."perpetrators_wounded_high");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_window_ordered" CHECK ("incidents"."date_start" <= "incidents"."date_end");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_window_holds_date" CHECK ("incidents"."occurred_on" between "incidents"."date_start" and "incidents"."date_end");--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_voice_actor" CHECK (("responsibilities"."voice" = 'actor') = ("responsibilities"."asserted_by_id" is not null));--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_challenge_complete" CHECK (("responsibilities"."challenge_kind" is null) = ("responsibilities"."challenged_by_id" is null) and ("responsibilities"."challenge_kind" is null) = ("responsibilities"."challenge_source_id" is null));--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_window_ordered" CHECK ("statements"."date_start" <= "statements"."date_end");--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_window_holds_date" CHECK ("statements"."said_on" between "statements"."date_start" and "statements"."date_end");