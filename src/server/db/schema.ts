import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One row describing this SECTOR installation: when it was first started and the language
 * new users see first. Created by the first migration-aware start, read by the system status.
 */
export const installations = pgTable(
  "installations",
  {
    id: smallint("id").primaryKey().default(1),
    defaultLocale: text("default_locale").notNull().default("it"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("installations_single_row", sql`${table.id} = 1`),
    check("installations_default_locale_known", sql`${table.defaultLocale} in ('it', 'en')`),
  ],
);
