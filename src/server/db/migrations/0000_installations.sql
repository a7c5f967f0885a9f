CREATE TABLE "installations" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"default_locale" text DEFAULT 'it' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installations_single_row" CHECK ("installations"."id" = 1),
	CONSTRAINT "installations_default_locale_known" CHECK ("installations"."default_locale" in ('it', 'en'))
);
