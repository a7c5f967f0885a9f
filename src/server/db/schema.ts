import { type SQL, sql } from "drizzle-orm";
import {
  bigint,
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
    /** How notifications reach the user by email: each at once, one daily digest, or none. */
    notificationDelivery: text("notification_delivery").notNull().default("immediate"),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("users_email_unique").on(table.email),
    check(
      "users_notification_delivery_known",
      sql`${table.notificationDelivery} in ('immediate', 'digest', 'none')`,
    ),
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
    // District first, then the id, with the scope's columns: the detection list's totals within a
    // district are an index-only merge join with the risk rows (ordered by company id too).
    index("companies_district_scope_idx").on(
      table.districtCode,
      table.id,
      table.countryCode,
      table.nuts3Code,
    ),
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

/**
 * The alert level of each scored company-year with the words of early-warning.md §7, projected from
 * `scores` after each scoring run so lists, dashboards and notifications read one narrow row.
 */
export const companyRiskYears = pgTable(
  "company_risk_years",
  {
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    periodEndOn: date("period_end_on").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => financialStatements.id),
    ruleSetVersion: text("rule_set_version").notNull(),
    alertLevel: text("alert_level").notNull(),
    previousAlertLevel: text("previous_alert_level"),
    isDeteriorating: boolean("is_deteriorating").notNull(),
    isFirstAlert: boolean("is_first_alert").notNull(),
    /** The most recent year on record for the company. */
    isLatest: boolean("is_latest").notNull(),
    emRating: text("em_rating"),
    /** Models signalling distress this year (altman_z_double_prime, zmijewski, springate). */
    distressModels: text("distress_models").array().notNull().default(sql`'{}'::text[]`),
    cndcecOutcome: text("cndcec_outcome"),
    breachedIndexCount: smallint("breached_index_count").notNull().default(0),
    revenueCents: bigint("revenue_cents", { mode: "number" }),
    employees: integer("employees"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.companyId, table.periodEndOn] }),
    index("company_risk_years_latest_level_idx").on(table.isLatest, table.alertLevel, table.companyId),
    index("company_risk_years_year_level_idx").on(table.fiscalYear, table.alertLevel, table.companyId),
    check("company_risk_years_level_known", sql`${table.alertLevel} in ('red', 'orange', 'green', 'grey')`),
  ],
);

/**
 * Precomputed district × sector × year aggregates for the dashboards (sector '*' = all sectors,
 * district '*' = all districts). Rebuilt after scoring; read as they are by the dashboard endpoints.
 */
export const districtRiskAggregates = pgTable(
  "district_risk_aggregates",
  {
    districtCode: text("district_code").notNull(),
    sectorCode: text("sector_code").notNull(),
    fiscalYear: smallint("fiscal_year").notNull(),
    ruleSetVersion: text("rule_set_version").notNull(),
    companyCount: integer("company_count").notNull(),
    redCount: integer("red_count").notNull(),
    orangeCount: integer("orange_count").notNull(),
    greenCount: integer("green_count").notNull(),
    greyCount: integer("grey_count").notNull(),
    distressShareByCount: doublePrecision("distress_share_by_count"),
    distressShareByEmployees: doublePrecision("distress_share_by_employees"),
    distressShareByRevenue: doublePrecision("distress_share_by_revenue"),
    revenueCents: bigint("revenue_cents", { mode: "number" }).notNull(),
    employees: bigint("employees", { mode: "number" }).notNull(),
    /** Index id → { median, companyCount }. */
    medians: jsonb("medians").notNull().default({}),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.districtCode, table.sectorCode, table.fiscalYear] })],
);

/** A user following a company or a district (exactly one of the two). */
export const follows = pgTable(
  "follows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    companyId: uuid("company_id").references(() => companies.id),
    districtCode: text("district_code").references(() => territories.code),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex("follows_user_company_unique").on(table.userId, table.companyId),
    uniqueIndex("follows_user_district_unique").on(table.userId, table.districtCode),
    index("follows_company_idx").on(table.companyId),
    index("follows_district_idx").on(table.districtCode),
    check("follows_one_subject", sql`(${table.companyId} is null) <> (${table.districtCode} is null)`),
  ],
);

/** Named filter sets of the detection list, per user. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    filters: jsonb("filters").notNull(),
    ...timestamps,
  },
  (table) => [uniqueIndex("saved_views_user_name_unique").on(table.userId, table.name)],
);

/** "Useful / not useful" feedback on a company's early-warning result, with a reason code. */
export const scoreFeedback = pgTable(
  "score_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    periodEndOn: date("period_end_on").notNull(),
    model: text("model"),
    isUseful: boolean("is_useful").notNull(),
    reasonCode: text("reason_code").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("score_feedback_company_idx").on(table.companyId, table.createdAt)],
);

/**
 * Inputs users enter for a company-year (art. 3 / 25-novies management signals, recovery-test
 * items, DSCR, market value of equity). Every save is a new row; the latest per kind is in force.
 */
export const companyUserInputs = pgTable(
  "company_user_inputs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id")
      .notNull()
      .references(() => companies.id),
    periodEndOn: date("period_end_on").notNull(),
    kind: text("kind").notNull(),
    values: jsonb("values").notNull(),
    enteredByUserId: uuid("entered_by_user_id")
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("company_user_inputs_company_kind_idx").on(table.companyId, table.kind, table.enteredAt),
    check(
      "company_user_inputs_kind_known",
      sql`${table.kind} in ('management_signals', 'recovery_test', 'market_data')`,
    ),
  ],
);

/** In-app notifications; the email copy is sent at once or in the daily digest. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    companyId: uuid("company_id").references(() => companies.id),
    districtCode: text("district_code"),
    /** What happened, as data (levels, years, series, method…); the UI words it per locale. */
    payload: jsonb("payload").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailStatus: text("email_status").notNull().default("pending"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (table) => [
    index("notifications_user_created_idx").on(table.userId, table.createdAt),
    index("notifications_email_status_idx").on(table.emailStatus, table.createdAt),
    check("notifications_kind_known", sql`${table.kind} in ('company_alert_level', 'district_alarm')`),
    check(
      "notifications_email_status_known",
      sql`${table.emailStatus} in ('pending', 'sent', 'skipped', 'failed')`,
    ),
  ],
);

/** Reusable column mappings for district-series CSV files that are neither JSON-stat nor SDMX-CSV. */
export const seriesImportProfiles = pgTable(
  "series_import_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    mapping: jsonb("mapping").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    ...timestamps,
  },
  (table) => [uniqueIndex("series_import_profiles_name_unique").on(table.name)],
);

/** One imported file of district series (the content hash makes re-imports change nothing). */
export const seriesImports = pgTable(
  "series_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    contentHash: text("content_hash").notNull(),
    format: text("format").notNull(),
    profileName: text("profile_name"),
    source: text("source").notNull(),
    releasedOn: date("released_on"),
    seriesCount: integer("series_count").notNull(),
    insertedCount: integer("inserted_count").notNull(),
    revisedCount: integer("revised_count").notNull(),
    unchangedCount: integer("unchanged_count").notNull(),
    importedByUserId: uuid("imported_by_user_id").references(() => users.id),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    index("series_imports_content_hash_idx").on(table.contentHash),
    check("series_imports_format_known", sql`${table.format} in ('json-stat', 'sdmx-csv', 'csv-profile')`),
  ],
);

/**
 * A district signal: one official statistics series, identified by every dimension of its source
 * (the key), with unit and frequency; `territoryCode` is the matched SECTOR territory when known.
 */
export const districtSeries = pgTable(
  "district_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seriesKey: text("series_key").notNull(),
    source: text("source").notNull(),
    dataset: text("dataset").notNull(),
    /** Dimension id → code, every dimension of the source kept. */
    dimensions: jsonb("dimensions").notNull(),
    indicator: text("indicator").notNull(),
    territoryCode: text("territory_code").references(() => territories.code),
    unit: text("unit").notNull(),
    frequency: text("frequency").notNull(),
    titleIt: text("title_it").notNull(),
    titleEn: text("title_en").notNull(),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("district_series_key_unique").on(table.seriesKey),
    index("district_series_territory_idx").on(table.territoryCode),
    check("district_series_frequency_known", sql`${table.frequency} in ('A', 'Q', 'M')`),
  ],
);

/** The value in force for each period of a series; a revision moves the old value to history. */
export const seriesObservations = pgTable(
  "series_observations",
  {
    seriesId: uuid("series_id")
      .notNull()
      .references(() => districtSeries.id),
    /** `2024`, `2024-Q1` or `2024-01`. */
    period: text("period").notNull(),
    periodStartOn: date("period_start_on").notNull(),
    value: doublePrecision("value"),
    statusFlag: text("status_flag"),
    releasedOn: date("released_on"),
    importId: uuid("import_id")
      .notNull()
      .references(() => seriesImports.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.seriesId, table.period] })],
);

/** Values replaced by revisions (history of `series_observations`). */
export const seriesObservationRevisions = pgTable(
  "series_observation_revisions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    seriesId: uuid("series_id")
      .notNull()
      .references(() => districtSeries.id),
    period: text("period").notNull(),
    value: doublePrecision("value"),
    statusFlag: text("status_flag"),
    releasedOn: date("released_on"),
    importId: uuid("import_id")
      .notNull()
      .references(() => seriesImports.id),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull(),
    replacedByImportId: uuid("replaced_by_import_id")
      .notNull()
      .references(() => seriesImports.id),
  },
  (table) => [index("series_observation_revisions_series_idx").on(table.seriesId, table.period)],
);

/** Whether each series' latest observation is in alarm (§5), so entering an alarm is noticed once. */
export const seriesAlarmStates = pgTable("series_alarm_states", {
  seriesId: uuid("series_id")
    .primaryKey()
    .references(() => districtSeries.id),
  isInAlarm: boolean("is_in_alarm").notNull(),
  latestPeriod: text("latest_period"),
  /** The alarm list entries: method, value, baseline, threshold. */
  reasons: jsonb("reasons").notNull().default([]),
  ruleSetVersion: text("rule_set_version").notNull(),
  evaluatedAt: timestamp("evaluated_at", { withTimezone: true }).notNull(),
});
