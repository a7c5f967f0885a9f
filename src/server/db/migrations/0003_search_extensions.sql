-- Accent-insensitive, typo-tolerant search of company names (pg_trgm + unaccent; both are
-- trusted extensions since PostgreSQL 13, and PGlite ships them as contrib modules).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- unaccent() is only STABLE; this wrapper names its dictionary so it can be IMMUTABLE and indexed.
CREATE OR REPLACE FUNCTION sector_search_text(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
