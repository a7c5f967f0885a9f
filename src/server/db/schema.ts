import { type SQL, sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * One row describing this SECTOR installation: when it was first started and the language
 * new users see first. Created by the first migration-aware start, read by the system status.
 */
export const installations = pgTable(
  "installations",
  {
    id: smallint("id").primaryKey().default(1),
    defaultLocale: text("default_locale").notNull().default("it"),
    /** Digest of the reference-data files last loaded, so unchanged data is not reloaded. */
    referenceDataHash: text("reference_data_hash"),
    demoLoadedAt: timestamp("demo_loaded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("installations_single_row", sql`${table.id} = 1`),
    check("installations_default_locale_known", sql`${table.defaultLocale} in ('it', 'en')`),
  ],
);

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Countries (NUTS 0), NUTS 1–3 regions and industrial districts; grants are scoped to these. */
export const territories = pgTable(
  "territories",
  {
    code: text("code").primaryKey(),
    kind: text("kind").notNull(),
    parentCode: text("parent_code"),
    countryCode: text("country_code").notNull(),
    nameIt: text("name_it").notNull(),
    nameEn: text("name_en").notNull(),
    nameLocal: text("name_local").notNull(),
    centroidLatitude: doublePrecision("centroid_latitude"),
    centroidLongitude: doublePrecision("centroid_longitude"),
    ...timestamps,
  },
  (table) => [
    check("territories_kind_known", sql`${table.kind} in ('country', 'nuts1', 'nuts2', 'nuts3', 'district')`),
    index("territories_parent_code_idx").on(table.parentCode),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash"),
    locale: text("locale").notNull().default("it"),
    status: text("status").notNull().default("invited"),
    lockedReason: text("locked_reason"),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("users_email_unique").on(table.email),
    check("users_status_known", sql`${table.status} in ('invited', 'active', 'locked')`),
    check("users_locale_known", sql`${table.locale} in ('it', 'en')`),
    check("users_email_lowercase", sql`${table.email} = lower(${table.email})`),
  ],
);

export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("user_sessions_token_hash_unique").on(table.tokenHash),
    index("user_sessions_user_id_idx").on(table.userId),
  ],
);

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    countryCode: text("country_code").notNull(),
    taxCode: text("tax_code").notNull(),
    name: text("name").notNull(),
    legalForm: text("legal_form").notNull().default("other"),
    atecoCode: text("ateco_code"),
    address: text("address"),
    municipalityCode: text("municipality_code").references(() => municipalities.istatCode),
    nuts3Code: text("nuts3_code"),
    districtCode: text("district_code").references(() => territories.code),
    /** How the district was set: from the municipality's district, by hand, or not at all. */
    districtSource: text("district_source"),
    headcount: integer("headcount"),
    /** EU SME class (Recommendation 2003/361/EC) from headcount and the latest statement. */
    sizeClass: text("size_class").notNull().default("unknown"),
    isDemo: boolean("is_demo").notNull().default(false),
    searchText: text("search_text").generatedAlwaysAs(
      (): SQL => sql`sector_search_text(${companies.name} || ' ' || ${companies.taxCode})`,
    ),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("companies_country_tax_code_unique").on(table.countryCode, table.taxCode),
    index("companies_nuts3_code_idx").on(table.nuts3Code),
    index("companies_district_code_idx").on(table.districtCode),
    index("companies_name_idx").on(table.name, table.id),
    index("companies_search_text_trgm_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
    check(
      "companies_size_class_known",
      sql`${table.sizeClass} in ('micro', 'small', 'medium', 'large', 'unknown')`,
    ),
    check(
      "companies_district_source_known",
      sql`${table.districtSource} is null or ${table.districtSource} in ('municipality', 'manual')`,
    ),
  ],
);

/** Italian regions (ISTAT codes); Trentino-Alto Adige spans two NUTS 2 units. */
export const italianRegions = pgTable("italian_regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nuts1Code: text("nuts1_code").notNull(),
  nuts2Codes: text("nuts2_codes").array().notNull(),
});

/** Italian provinces, metropolitan cities and free consortia (ISTAT supra-municipal units). */
export const italianProvinces = pgTable("italian_provinces", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  plateCode: text("plate_code").notNull(),
  regionCode: text("region_code")
    .notNull()
    .references(() => italianRegions.code),
  nuts3Code: text("nuts3_code").notNull(),
});

export const municipalities = pgTable(
  "municipalities",
  {
    istatCode: text("istat_code").primaryKey(),
    name: text("name").notNull(),
    nameOtherLanguage: text("name_other_language"),
    provinceCode: text("province_code")
      .notNull()
      .references(() => italianProvinces.code),
    nuts3Code: text("nuts3_code").notNull(),
    cadastralCode: text("cadastral_code").notNull(),
    isProvincialCapital: boolean("is_provincial_capital").notNull(),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    searchText: text("search_text").generatedAlwaysAs(
      (): SQL => sql`sector_search_text(${municipalities.name})`,
    ),
  },
  (table) => [
    index("municipalities_nuts3_idx").on(table.nuts3Code),
    index("municipalities_search_text_trgm_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
  ],
);

/** Which municipalities make up a district (a company placed in one inherits the district). */
export const districtMunicipalities = pgTable(
  "district_municipalities",
  {
    districtCode: text("district_code")
      .notNull()
      .references(() => territories.code),
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.istatCode),
  },
  (table) => [
    primaryKey({ columns: [table.districtCode, table.municipalityCode] }),
    index("district_municipalities_municipality_idx").on(table.municipalityCode),
  ],
);

/** NACE Rev. 2 / ATECO 2007 hierarchy with the CNDCEC sector group of each code. */
export const sectors = pgTable(
  "sectors",
  {
    code: text("code").primaryKey(),
    level: text("level").notNull(),
    parentCode: text("parent_code"),
    sectionCode: text("section_code").notNull(),
    titleIt: text("title_it").notNull(),
    titleEn: text("title_en"),
    cndcecGroup: smallint("cndcec_group"),
    cndcecStatus: text("cndcec_status").notNull(),
  },
  (table) => [
    index("sectors_parent_idx").on(table.parentCode),
    check(
      "sectors_level_known",
      sql`${table.level} in ('section', 'division', 'group', 'class', 'category', 'subcategory')`,
    ),
  ],
);

/** Organisations of the partnership (agencies, chambers, unions, consultants, public bodies). */
export const partners = pgTable("partners", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  countryCode: text("country_code").notNull(),
  ...timestamps,
});

export const companyPartners = pgTable(
  "company_partners",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    partnerId: uuid("partner_id")
      .notNull()
      .references(() => partners.id),
    relation: text("relation").notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.partnerId] })],
);

/** A role held by a user, scoped to a territory or (for linked roles) to listed companies. */
export const roleGrants = pgTable(
  "role_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    territoryCode: text("territory_code").references(() => territories.code),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastReviewedAt: timestamp("last_reviewed_at", { withTimezone: true }).notNull().defaultNow(),
    lastReviewedByUserId: uuid("last_reviewed_by_user_id").references(() => users.id),
    reviewRemindedAt: timestamp("review_reminded_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedByUserId: uuid("revoked_by_user_id").references(() => users.id),
  },
  (table) => [
    index("role_grants_user_id_idx").on(table.userId),
    check(
      "role_grants_role_known",
      sql`${table.role} in ('administrator', 'analyst', 'committee_member', 'expert', 'company_representative', 'worker_representative', 'trainer')`,
    ),
    check(
      "role_grants_staff_scoped",
      sql`${table.role} not in ('administrator', 'analyst', 'committee_member') or ${table.territoryCode} is not null`,
    ),
  ],
);

export const roleGrantCompanies = pgTable(
  "role_grant_companies",
  {
    grantId: uuid("grant_id")
      .notNull()
      .references(() => roleGrants.id),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
  },
  (table) => [
    primaryKey({ columns: [table.grantId, table.companyId] }),
    index("role_grant_companies_company_id_idx").on(table.companyId),
  ],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    ipAddress: text("ip_address").notNull(),
    isSuccess: boolean("is_success").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("login_attempts_email_idx").on(table.email, table.attemptedAt),
    index("login_attempts_ip_idx").on(table.ipAddress, table.attemptedAt),
  ],
);

/** Single-use emailed tokens (password reset, invitation); only their hash is stored. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("one_time_tokens_token_hash_unique").on(table.tokenHash),
    check("one_time_tokens_purpose_known", sql`${table.purpose} in ('password_reset', 'invitation')`),
  ],
);

/** Every email SECTOR sends, with its delivery state; without SMTP it is the readable outbox. */
export const outboundEmails = pgTable(
  "outbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    purpose: text("purpose").notNull(),
    status: text("status").notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    check("outbound_emails_status_known", sql`${table.status} in ('outbox', 'sent', 'failed')`),
    index("outbound_emails_created_at_idx").on(table.createdAt),
  ],
);

/** A time-limited access to one company's confidential data outside the user's scope. */
export const outOfScopeAccesses = pgTable(
  "out_of_scope_accesses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("out_of_scope_accesses_user_company_idx").on(table.userId, table.companyId, table.expiresAt),
  ],
);

/** Append-only: no code path updates or deletes; a trigger refuses both (migration 0002). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    companyId: uuid("company_id"),
    subjectUserId: uuid("subject_user_id"),
    reason: text("reason"),
    details: jsonb("details").notNull().default({}),
    ipAddress: text("ip_address"),
    requestId: text("request_id"),
  },
  (table) => [
    index("audit_events_occurred_at_idx").on(table.occurredAt),
    index("audit_events_actor_idx").on(table.actorUserId, table.id),
    index("audit_events_company_idx").on(table.companyId, table.id),
    index("audit_events_action_idx").on(table.action, table.id),
  ],
);

/** Financial statements, one row per version of a company's period (see early-warning.md §6). */
export const financialStatements = pgTable(
  "financial_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    periodStartOn: date("period_start_on").notNull(),
    periodEndOn: date("period_end_on").notNull(),
    format: text("format").notNull(),
    currency: text("currency").notNull().default("EUR"),
    legalForm: text("legal_form"),
    /** Line-item id → integer amount in minor units (headcount in persons). Absent key = not in the format. */
    items: jsonb("items").notNull(),
    isOwnPeriod: boolean("is_own_period").notNull(),
    isCurrent: boolean("is_current").notNull(),
    sourceKind: text("source_kind").notNull(),
    sourceFileName: text("source_file_name"),
    sourceContentHash: text("source_content_hash").notNull(),
    importerVersion: text("importer_version").notNull(),
    filedOn: date("filed_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("financial_statements_version_unique").on(
      table.companyId,
      table.periodEndOn,
      table.sourceContentHash,
      table.isOwnPeriod,
    ),
    index("financial_statements_company_period_idx").on(table.companyId, table.periodEndOn),
    check(
      "financial_statements_format_known",
      sql`${table.format} in ('ordinary', 'abridged', 'micro', 'consolidated')`,
    ),
  ],
);

/**
 * Early-warning results: one row per statement version, model and rule-set version (history is
 * kept when rule sets or statements change). `inputs` holds the numbers used, so explanations are
 * derived on demand.
 */
export const scores = pgTable(
  "scores",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => financialStatements.id),
    periodEndOn: date("period_end_on").notNull(),
    model: text("model").notNull(),
    ruleSetVersion: text("rule_set_version").notNull(),
    status: text("status").notNull(),
    value: doublePrecision("value"),
    zone: text("zone"),
    inputs: jsonb("inputs").notNull().default({}),
    details: jsonb("details").notNull().default({}),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("scores_statement_model_version_unique").on(
      table.statementId,
      table.model,
      table.ruleSetVersion,
    ),
    index("scores_company_period_idx").on(table.companyId, table.periodEndOn),
    index("scores_model_zone_idx").on(table.model, table.zone),
    check("scores_status_known", sql`${table.status} in ('computed', 'not_computable')`),
  ],
);

/** Background work and its progress, as administrators see it (the queue itself is pg-boss). */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    state: text("state").notNull(),
    reason: text("reason").notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    error: text("error"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    index("job_runs_queued_at_idx").on(table.queuedAt),
    check("job_runs_state_known", sql`${table.state} in ('queued', 'running', 'succeeded', 'failed')`),
  ],
);

/** Personal API tokens (for the CLI and scripts); only their hash is stored. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("api_tokens_token_hash_unique").on(table.tokenHash),
    index("api_tokens_user_idx").on(table.userId),
  ],
);
