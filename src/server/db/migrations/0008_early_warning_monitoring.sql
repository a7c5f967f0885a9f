CREATE TABLE "company_risk_years" (
	"company_id" uuid NOT NULL,
	"period_end_on" date NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"statement_id" uuid NOT NULL,
	"rule_set_version" text NOT NULL,
	"alert_level" text NOT NULL,
	"previous_alert_level" text,
	"is_deteriorating" boolean NOT NULL,
	"is_first_alert" boolean NOT NULL,
	"is_latest" boolean NOT NULL,
	"em_rating" text,
	"distress_models" text[] DEFAULT '{}'::text[] NOT NULL,
	"cndcec_outcome" text,
	"breached_index_count" smallint DEFAULT 0 NOT NULL,
	"revenue_cents" bigint,
	"employees" integer,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_risk_years_company_id_period_end_on_pk" PRIMARY KEY("company_id","period_end_on"),
	CONSTRAINT "company_risk_years_level_known" CHECK ("company_risk_years"."alert_level" in ('red', 'orange', 'green', 'grey'))
);
--> statement-breakpoint
CREATE TABLE "company_user_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"period_end_on" date NOT NULL,
	"kind" text NOT NULL,
	"values" jsonb NOT NULL,
	"entered_by_user_id" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "company_user_inputs_kind_known" CHECK ("company_user_inputs"."kind" in ('management_signals', 'recovery_test', 'market_data'))
);
--> statement-breakpoint
CREATE TABLE "district_risk_aggregates" (
	"district_code" text NOT NULL,
	"sector_code" text NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"rule_set_version" text NOT NULL,
	"company_count" integer NOT NULL,
	"red_count" integer NOT NULL,
	"orange_count" integer NOT NULL,
	"green_count" integer NOT NULL,
	"grey_count" integer NOT NULL,
	"distress_share_by_count" double precision,
	"distress_share_by_employees" double precision,
	"distress_share_by_revenue" double precision,
	"revenue_cents" bigint NOT NULL,
	"employees" bigint NOT NULL,
	"medians" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "district_risk_aggregates_district_code_sector_code_fiscal_year_pk" PRIMARY KEY("district_code","sector_code","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "district_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_key" text NOT NULL,
	"source" text NOT NULL,
	"dataset" text NOT NULL,
	"dimensions" jsonb NOT NULL,
	"indicator" text NOT NULL,
	"territory_code" text,
	"unit" text NOT NULL,
	"frequency" text NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_series_frequency_known" CHECK ("district_series"."frequency" in ('A', 'Q', 'M'))
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid,
	"district_code" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "follows_one_subject" CHECK (("follows"."company_id" is null) <> ("follows"."district_code" is null))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"company_id" uuid,
	"district_code" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text DEFAULT 'pending' NOT NULL,
	"emailed_at" timestamp with time zone,
	CONSTRAINT "notifications_kind_known" CHECK ("notifications"."kind" in ('company_alert_level', 'district_alarm')),
	CONSTRAINT "notifications_email_status_known" CHECK ("notifications"."email_status" in ('pending', 'sent', 'skipped', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "score_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"period_end_on" date NOT NULL,
	"model" text,
	"is_useful" boolean NOT NULL,
	"reason_code" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series_alarm_states" (
	"series_id" uuid PRIMARY KEY NOT NULL,
	"is_in_alarm" boolean NOT NULL,
	"latest_period" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rule_set_version" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series_import_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_hash" text NOT NULL,
	"format" text NOT NULL,
	"profile_name" text,
	"source" text NOT NULL,
	"released_on" date,
	"series_count" integer NOT NULL,
	"inserted_count" integer NOT NULL,
	"revised_count" integer NOT NULL,
	"unchanged_count" integer NOT NULL,
	"imported_by_user_id" uuid,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "series_imports_format_known" CHECK ("series_imports"."format" in ('json-stat', 'sdmx-csv', 'csv-profile'))
);
--> statement-breakpoint
CREATE TABLE "series_observation_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"period" text NOT NULL,
	"value" double precision,
	"status_flag" text,
	"released_on" date,
	"import_id" uuid NOT NULL,
	"replaced_at" timestamp with time zone NOT NULL,
	"replaced_by_import_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "series_observations" (
	"series_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start_on" date NOT NULL,
	"value" double precision,
	"status_flag" text,
	"released_on" date,
	"import_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "series_observations_series_id_period_pk" PRIMARY KEY("series_id","period")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_delivery" text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
ALTER TABLE "company_risk_years" ADD CONSTRAINT "company_risk_years_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_risk_years" ADD CONSTRAINT "company_risk_years_statement_id_financial_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."financial_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_user_inputs" ADD CONSTRAINT "company_user_inputs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_user_inputs" ADD CONSTRAINT "company_user_inputs_entered_by_user_id_users_id_fk" FOREIGN KEY ("entered_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_series" ADD CONSTRAINT "district_series_territory_code_territories_code_fk" FOREIGN KEY ("territory_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_district_code_territories_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_feedback" ADD CONSTRAINT "score_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_feedback" ADD CONSTRAINT "score_feedback_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_alarm_states" ADD CONSTRAINT "series_alarm_states_series_id_district_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."district_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_import_profiles" ADD CONSTRAINT "series_import_profiles_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_imports" ADD CONSTRAINT "series_imports_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_observation_revisions" ADD CONSTRAINT "series_observation_revisions_series_id_district_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."district_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_observation_revisions" ADD CONSTRAINT "series_observation_revisions_import_id_series_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."series_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_observation_revisions" ADD CONSTRAINT "series_observation_revisions_replaced_by_import_id_series_imports_id_fk" FOREIGN KEY ("replaced_by_import_id") REFERENCES "public"."series_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_observations" ADD CONSTRAINT "series_observations_series_id_district_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."district_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "series_observations" ADD CONSTRAINT "series_observations_import_id_series_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."series_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_risk_years_latest_level_idx" ON "company_risk_years" USING btree ("is_latest","alert_level","company_id");--> statement-breakpoint
CREATE INDEX "company_risk_years_year_level_idx" ON "company_risk_years" USING btree ("fiscal_year","alert_level");--> statement-breakpoint
CREATE INDEX "company_user_inputs_company_kind_idx" ON "company_user_inputs" USING btree ("company_id","kind","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "district_series_key_unique" ON "district_series" USING btree ("series_key");--> statement-breakpoint
CREATE INDEX "district_series_territory_idx" ON "district_series" USING btree ("territory_code");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_user_company_unique" ON "follows" USING btree ("user_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_user_district_unique" ON "follows" USING btree ("user_id","district_code");--> statement-breakpoint
CREATE INDEX "follows_company_idx" ON "follows" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "follows_district_idx" ON "follows" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_email_status_idx" ON "notifications" USING btree ("email_status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_unique" ON "saved_views" USING btree ("user_id","name");--> statement-breakpoint
CREATE INDEX "score_feedback_company_idx" ON "score_feedback" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "series_import_profiles_name_unique" ON "series_import_profiles" USING btree ("name");--> statement-breakpoint
CREATE INDEX "series_imports_content_hash_idx" ON "series_imports" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "series_observation_revisions_series_idx" ON "series_observation_revisions" USING btree ("series_id","period");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_notification_delivery_known" CHECK ("users"."notification_delivery" in ('immediate', 'digest', 'none'));