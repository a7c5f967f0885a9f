CREATE TABLE "scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"period_end_on" date NOT NULL,
	"model" text NOT NULL,
	"rule_set_version" text NOT NULL,
	"status" text NOT NULL,
	"value" double precision,
	"zone" text,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "scores_status_known" CHECK ("scores"."status" in ('computed', 'not_computable'))
);
--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_statement_id_financial_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."financial_statements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scores_statement_model_version_unique" ON "scores" USING btree ("statement_id","model","rule_set_version");--> statement-breakpoint
CREATE INDEX "scores_company_period_idx" ON "scores" USING btree ("company_id","period_end_on");--> statement-breakpoint
CREATE INDEX "scores_model_zone_idx" ON "scores" USING btree ("model","zone");