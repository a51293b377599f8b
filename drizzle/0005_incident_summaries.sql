CREATE TABLE "incident_summary" (
	"province_code" text,
	"type" "incident_type" NOT NULL,
	"month" date NOT NULL,
	"start_month" date NOT NULL,
	"end_month" date NOT NULL,
	"incidents" integer NOT NULL,
	"killed_best" bigint NOT NULL,
	"killed_low" bigint NOT NULL,
	"killed_high" bigint NOT NULL,
	"killed_unknown" integer NOT NULL,
	"wounded_best" bigint NOT NULL,
	"wounded_low" bigint NOT NULL,
	"wounded_high" bigint NOT NULL,
	"wounded_unknown" integer NOT NULL,
	CONSTRAINT "incident_summary_cell" UNIQUE NULLS NOT DISTINCT("province_code","type","month","start_month","end_month")
);
--> statement-breakpoint
CREATE TABLE "responsibility_summary" (
	"actor_id" text NOT NULL,
	"kind" "responsibility_kind" NOT NULL,
	"month" date NOT NULL,
	"start_month" date NOT NULL,
	"end_month" date NOT NULL,
	"incidents" integer NOT NULL,
	"killed_best" bigint NOT NULL,
	"killed_low" bigint NOT NULL,
	"killed_high" bigint NOT NULL,
	"killed_unknown" integer NOT NULL,
	"wounded_best" bigint NOT NULL,
	"wounded_low" bigint NOT NULL,
	"wounded_high" bigint NOT NULL,
	"wounded_unknown" integer NOT NULL,
	CONSTRAINT "responsibility_summary_actor_id_kind_month_start_month_end_month_pk" PRIMARY KEY("actor_id","kind","month","start_month","end_month")
);
--> statement-breakpoint
-- The summaries of the incidents already stored (src/core/stats/summary.ts keeps them in step from here on).
INSERT INTO "incident_summary"
SELECT "province_code", "type", date_trunc('month', "occurred_on")::date, date_trunc('month', "date_start")::date, date_trunc('month', "date_end")::date,
	count(*)::int, coalesce(sum("killed_best"), 0), coalesce(sum(coalesce("killed_low", "killed_best")), 0), coalesce(sum(coalesce("killed_high", "killed_best")), 0), (count(*) filter (where "killed_best" is null))::int,
	coalesce(sum("wounded_best"), 0), coalesce(sum(coalesce("wounded_low", "wounded_best")), 0), coalesce(sum(coalesce("wounded_high", "wounded_best")), 0), (count(*) filter (where "wounded_best" is null))::int
FROM "incidents" GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO "responsibility_summary"
SELECT r."actor_id", r."kind", date_trunc('month', i."occurred_on")::date, date_trunc('month', i."date_start")::date, date_trunc('month', i."date_end")::date,
	count(*)::int, coalesce(sum(i."killed_best"), 0), coalesce(sum(coalesce(i."killed_low", i."killed_best")), 0), coalesce(sum(coalesce(i."killed_high", i."killed_best")), 0), (count(*) filter (where i."killed_best" is null))::int,
	coalesce(sum(i."wounded_best"), 0), coalesce(sum(coalesce(i."wounded_low", i."wounded_best")), 0), coalesce(sum(coalesce(i."wounded_high", i."wounded_best")), 0), (count(*) filter (where i."wounded_best" is null))::int
FROM "incidents" i JOIN (SELECT DISTINCT "incident_id", "actor_id", "kind" FROM "responsibilities") r ON r."incident_id" = i."id"
GROUP BY 1, 2, 3, 4, 5;
