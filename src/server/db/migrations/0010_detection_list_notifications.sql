-- The detection list's page cache (src/server/features/risk/detection-page-cache.ts) is emptied whenever a
-- table the list reads changes: each statement on them notifies the channel on commit (PostgreSQL sends a
-- transaction's identical notifications once, and only if it commits).
CREATE OR REPLACE FUNCTION notify_detection_list_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('sector_detection_list', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER companies_detection_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON companies
  FOR EACH STATEMENT EXECUTE FUNCTION notify_detection_list_change();--> statement-breakpoint
CREATE TRIGGER company_risk_years_detection_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON company_risk_years
  FOR EACH STATEMENT EXECUTE FUNCTION notify_detection_list_change();--> statement-breakpoint
CREATE TRIGGER follows_detection_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON follows
  FOR EACH STATEMENT EXECUTE FUNCTION notify_detection_list_change();--> statement-breakpoint
CREATE TRIGGER territories_detection_list_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON territories
  FOR EACH STATEMENT EXECUTE FUNCTION notify_detection_list_change();
