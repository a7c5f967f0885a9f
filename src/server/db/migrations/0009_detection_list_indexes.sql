DROP INDEX "companies_district_code_idx";--> statement-breakpoint
DROP INDEX "company_risk_years_year_level_idx";--> statement-breakpoint
CREATE INDEX "companies_district_scope_idx" ON "companies" USING btree ("district_code","id","country_code","nuts3_code");--> statement-breakpoint
CREATE INDEX "company_risk_years_year_level_idx" ON "company_risk_years" USING btree ("fiscal_year","alert_level","company_id");