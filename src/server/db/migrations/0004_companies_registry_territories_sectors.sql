CREATE TABLE "company_partners" (
	"company_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "company_partners_company_id_partner_id_pk" PRIMARY KEY("company_id","partner_id")
);
--> statement-breakpoint
CREATE TABLE "district_municipalities" (
	"district_code" text NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "district_municipalities_district_code_municipality_code_pk" PRIMARY KEY("district_code","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "italian_provinces" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"plate_code" text NOT NULL,
	"region_code" text NOT NULL,
	"nuts3_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "italian_regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"nuts1_code" text NOT NULL,
	"nuts2_codes" text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"istat_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_other_language" text,
	"province_code" text NOT NULL,
	"nuts3_code" text NOT NULL,
	"cadastral_code" text NOT NULL,
	"is_provincial_capital" boolean NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"search_text" text GENERATED ALWAYS AS (sector_search_text("municipalities"."name")) STORED
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"section_code" text NOT NULL,
	"title_it" text NOT NULL,
	"title_en" text,
	"cndcec_group" smallint,
	"cndcec_status" text NOT NULL,
	CONSTRAINT "sectors_level_known" CHECK ("sectors"."level" in ('section', 'division', 'group', 'class', 'category', 'subcategory'))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "district_source" text;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "headcount" integer;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "size_class" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "is_demo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "search_text" text GENERATED ALWAYS AS (sector_search_text("companies"."name" || ' ' || "companies"."tax_code")) STORED;--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "reference_data_hash" text;--> statement-breakpoint
ALTER TABLE "installations" ADD COLUMN "demo_loaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "company_partners" ADD CONSTRAINT "company_partners_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_partners" ADD CONSTRAINT "company_partners_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_municipalities" ADD CONSTRAINT "district_municipalities_district_code_territories_code_fk" FOREIGN KEY ("district_code") REFERENCES "public"."territories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_municipalities" ADD CONSTRAINT "district_municipalities_municipality_code_municipalities_istat_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "italian_provinces" ADD CONSTRAINT "italian_provinces_region_code_italian_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."italian_regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_province_code_italian_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."italian_provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "district_municipalities_municipality_idx" ON "district_municipalities" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "municipalities_nuts3_idx" ON "municipalities" USING btree ("nuts3_code");--> statement-breakpoint
CREATE INDEX "municipalities_search_text_trgm_idx" ON "municipalities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sectors_parent_idx" ON "sectors" USING btree ("parent_code");--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_municipality_code_municipalities_istat_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("istat_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "companies_search_text_trgm_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_size_class_known" CHECK ("companies"."size_class" in ('micro', 'small', 'medium', 'large', 'unknown'));--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_district_source_known" CHECK ("companies"."district_source" is null or "companies"."district_source" in ('municipality', 'manual'));