CREATE TYPE "public"."actor_kind" AS ENUM('armed_group', 'government', 'government_body', 'political_party', 'political_movement', 'international_organization', 'ngo', 'media_outlet', 'research_organization', 'person');--> statement-breakpoint
CREATE TYPE "public"."casualty_outcome" AS ENUM('killed', 'wounded');--> statement-breakpoint
CREATE TYPE "public"."date_precision" AS ENUM('day', 'week', 'month', 'year');--> statement-breakpoint
CREATE TYPE "public"."incident_type" AS ENUM('suicide_bombing', 'bombing', 'ied', 'armed_assault', 'complex_attack', 'assassination_attempt', 'targeted_killing', 'other');--> statement-breakpoint
CREATE TYPE "public"."location_precision" AS ENUM('exact', 'neighborhood', 'district', 'city', 'province');--> statement-breakpoint
CREATE TYPE "public"."responsibility_kind" AS ENUM('claimed', 'attributed', 'suspected', 'denied');--> statement-breakpoint
CREATE TYPE "public"."source_kind" AS ENUM('news_article', 'news_agency_report', 'official_statement', 'un_report', 'ngo_report', 'social_media', 'video', 'other');--> statement-breakpoint
CREATE TYPE "public"."statement_kind" AS ENUM('claim_of_responsibility', 'denial', 'condemnation', 'attribution', 'assessment', 'pledge', 'other');--> statement-breakpoint
CREATE TYPE "public"."statement_text_kind" AS ENUM('quote', 'paraphrase');--> statement-breakpoint
CREATE TYPE "public"."target_type" AS ENUM('civilians', 'religious_site', 'school', 'students', 'diplomatic_mission', 'hospital', 'taliban_forces', 'foreign_forces', 'airport', 'political_party', 'political_figure', 'religious_minority', 'business', 'vehicle');--> statement-breakpoint
CREATE TYPE "public"."victim_group" AS ENUM('civilians', 'children', 'women', 'students', 'worshippers', 'taliban_forces', 'foreign_military', 'security_personnel');--> statement-breakpoint
CREATE TABLE "actors" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"kind" "actor_kind" NOT NULL,
	"parent_id" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actors_slug_unique" UNIQUE("slug"),
	CONSTRAINT "actors_slug_format" CHECK ("actors"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "actors_not_own_parent" CHECK ("actors"."parent_id" is null or "actors"."parent_id" <> "actors"."id")
);
--> statement-breakpoint
CREATE TABLE "casualty_breakdowns" (
	"incident_id" text NOT NULL,
	"outcome" "casualty_outcome" NOT NULL,
	"victim_group" "victim_group" NOT NULL,
	"count" integer NOT NULL,
	"source_id" text NOT NULL,
	CONSTRAINT "casualty_breakdowns_incident_id_outcome_victim_group_source_id_pk" PRIMARY KEY("incident_id","outcome","victim_group","source_id"),
	CONSTRAINT "casualty_breakdowns_count_non_negative" CHECK ("casualty_breakdowns"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incident_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"source_id" text NOT NULL,
	"occurred_on" date,
	"date_precision" date_precision,
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
	CONSTRAINT "incident_reports_incident_source_unique" UNIQUE("incident_id","source_id"),
	CONSTRAINT "incident_reports_date_precision_with_date" CHECK (("incident_reports"."occurred_on" is null) = ("incident_reports"."date_precision" is null)),
	CONSTRAINT "incident_reports_killed_non_negative" CHECK ("incident_reports"."killed_low" >= 0 and "incident_reports"."killed_best" >= 0 and "incident_reports"."killed_high" >= 0),
	CONSTRAINT "incident_reports_killed_low_le_best" CHECK ("incident_reports"."killed_low" <= "incident_reports"."killed_best"),
	CONSTRAINT "incident_reports_killed_best_le_high" CHECK ("incident_reports"."killed_best" <= "incident_reports"."killed_high"),
	CONSTRAINT "incident_reports_killed_low_le_high" CHECK ("incident_reports"."killed_low" <= "incident_reports"."killed_high"),
	CONSTRAINT "incident_reports_wounded_non_negative" CHECK ("incident_reports"."wounded_low" >= 0 and "incident_reports"."wounded_best" >= 0 and "incident_reports"."wounded_high" >= 0),
	CONSTRAINT "incident_reports_wounded_low_le_best" CHECK ("incident_reports"."wounded_low" <= "incident_reports"."wounded_best"),
	CONSTRAINT "incident_reports_wounded_best_le_high" CHECK ("incident_reports"."wounded_best" <= "incident_reports"."wounded_high"),
	CONSTRAINT "incident_reports_wounded_low_le_high" CHECK ("incident_reports"."wounded_low" <= "incident_reports"."wounded_high")
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"occurred_on" date NOT NULL,
	"date_precision" date_precision NOT NULL,
	"province_code" text,
	"district" text,
	"place" text,
	"latitude" double precision,
	"longitude" double precision,
	"location_precision" "location_precision",
	"type" "incident_type" NOT NULL,
	"targets" "target_type"[] DEFAULT '{}'::target_type[] NOT NULL,
	"summary" text,
	"killed_best" integer,
	"killed_low" integer,
	"killed_high" integer,
	"wounded_best" integer,
	"wounded_low" integer,
	"wounded_high" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_latitude_range" CHECK ("incidents"."latitude" between -90 and 90),
	CONSTRAINT "incidents_longitude_range" CHECK ("incidents"."longitude" between -180 and 180),
	CONSTRAINT "incidents_coordinates_together" CHECK (("incidents"."latitude" is null) = ("incidents"."longitude" is null)),
	CONSTRAINT "incidents_location_precision_with_coordinates" CHECK (("incidents"."latitude" is null) = ("incidents"."location_precision" is null)),
	CONSTRAINT "incidents_killed_non_negative" CHECK ("incidents"."killed_low" >= 0 and "incidents"."killed_best" >= 0 and "incidents"."killed_high" >= 0),
	CONSTRAINT "incidents_killed_low_le_best" CHECK ("incidents"."killed_low" <= "incidents"."killed_best"),
	CONSTRAINT "incidents_killed_best_le_high" CHECK ("incidents"."killed_best" <= "incidents"."killed_high"),
	CONSTRAINT "incidents_killed_low_le_high" CHECK ("incidents"."killed_low" <= "incidents"."killed_high"),
	CONSTRAINT "incidents_wounded_non_negative" CHECK ("incidents"."wounded_low" >= 0 and "incidents"."wounded_best" >= 0 and "incidents"."wounded_high" >= 0),
	CONSTRAINT "incidents_wounded_low_le_best" CHECK ("incidents"."wounded_low" <= "incidents"."wounded_best"),
	CONSTRAINT "incidents_wounded_best_le_high" CHECK ("incidents"."wounded_best" <= "incidents"."wounded_high"),
	CONSTRAINT "incidents_wounded_low_le_high" CHECK ("incidents"."wounded_low" <= "incidents"."wounded_high")
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"capital" text NOT NULL,
	CONSTRAINT "provinces_name_unique" UNIQUE("name"),
	CONSTRAINT "provinces_code_format" CHECK ("provinces"."code" ~ '^AF-[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "responsibilities" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"kind" "responsibility_kind" NOT NULL,
	"statement_id" text,
	"source_id" text NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responsibilities_incident_actor_kind_source_unique" UNIQUE("incident_id","actor_id","kind","source_id")
);
--> statement-breakpoint
CREATE TABLE "source_citations" (
	"source_id" text NOT NULL,
	"cited_source_id" text NOT NULL,
	"context" text,
	CONSTRAINT "source_citations_source_id_cited_source_id_pk" PRIMARY KEY("source_id","cited_source_id"),
	CONSTRAINT "source_citations_not_self" CHECK ("source_citations"."source_id" <> "source_citations"."cited_source_id")
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text,
	"publisher" text,
	"author" text,
	"published_on" date,
	"published_on_precision" date_precision,
	"url" text,
	"language" text,
	"kind" "source_kind" NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sources_date_precision_with_date" CHECK (("sources"."published_on" is null) = ("sources"."published_on_precision" is null))
);
--> statement-breakpoint
CREATE TABLE "statement_incidents" (
	"statement_id" text NOT NULL,
	"incident_id" text NOT NULL,
	CONSTRAINT "statement_incidents_statement_id_incident_id_pk" PRIMARY KEY("statement_id","incident_id")
);
--> statement-breakpoint
CREATE TABLE "statement_sources" (
	"statement_id" text NOT NULL,
	"source_id" text NOT NULL,
	CONSTRAINT "statement_sources_statement_id_source_id_pk" PRIMARY KEY("statement_id","source_id")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" text PRIMARY KEY NOT NULL,
	"speaker_id" text NOT NULL,
	"on_behalf_of_id" text,
	"said_on" date NOT NULL,
	"date_precision" date_precision NOT NULL,
	"kind" "statement_kind" NOT NULL,
	"text" text NOT NULL,
	"text_kind" "statement_text_kind" NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statements_text_not_blank" CHECK (length(trim("statements"."text")) > 0)
);
--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_parent_id_actors_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."actors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "casualty_breakdowns" ADD CONSTRAINT "casualty_breakdowns_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_reports" ADD CONSTRAINT "incident_reports_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responsibilities" ADD CONSTRAINT "responsibilities_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_citations" ADD CONSTRAINT "source_citations_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_citations" ADD CONSTRAINT "source_citations_cited_source_id_sources_id_fk" FOREIGN KEY ("cited_source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_incidents" ADD CONSTRAINT "statement_incidents_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_incidents" ADD CONSTRAINT "statement_incidents_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_sources" ADD CONSTRAINT "statement_sources_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_sources" ADD CONSTRAINT "statement_sources_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_speaker_id_actors_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_on_behalf_of_id_actors_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."actors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actors_parent_idx" ON "actors" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "incident_reports_source_idx" ON "incident_reports" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "incidents_occurred_on_idx" ON "incidents" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_province_occurred_on_idx" ON "incidents" USING btree ("province_code","occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_type_idx" ON "incidents" USING btree ("type");--> statement-breakpoint
CREATE INDEX "responsibilities_actor_kind_idx" ON "responsibilities" USING btree ("actor_id","kind","incident_id");--> statement-breakpoint
CREATE INDEX "responsibilities_incident_idx" ON "responsibilities" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "source_citations_cited_idx" ON "source_citations" USING btree ("cited_source_id");--> statement-breakpoint
CREATE INDEX "sources_published_on_idx" ON "sources" USING btree (coalesce("published_on", '0001-01-01'::date),"id");--> statement-breakpoint
CREATE INDEX "sources_publisher_idx" ON "sources" USING btree (lower("publisher"));--> statement-breakpoint
CREATE INDEX "statement_incidents_incident_idx" ON "statement_incidents" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "statement_sources_source_idx" ON "statement_sources" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "statements_said_on_idx" ON "statements" USING btree ("said_on","id");--> statement-breakpoint
CREATE INDEX "statements_speaker_idx" ON "statements" USING btree ("speaker_id");--> statement-breakpoint
CREATE INDEX "statements_on_behalf_of_idx" ON "statements" USING btree ("on_behalf_of_id");