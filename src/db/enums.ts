// The closed vocabularies of the hub. One list each, shared by the database (pgEnum), GraphQL and validation,
// so a value cannot be valid in one layer and rejected in another.

export const SOCIETY_KINDS = ["FOUNDING_PARTNER", "INTERNATIONAL", "NATIONAL", "SUBSPECIALTY"] as const;
export type SocietyKind = (typeof SOCIETY_KINDS)[number];

export const PROFESSIONS = ["RADIOLOGY", "RADIOGRAPHY", "MIXED"] as const;
export type Profession = (typeof PROFESSIONS)[number];

/** Kinds of activity seen in the sources (shared/domain/idor-facts.md, "Kinds of activity societies ran"). */
export const ACTIVITY_KINDS = [
  "BOOK",
  "E_BOOK",
  "PUBLIC_LECTURE",
  "SCIENTIFIC_MEETING",
  "WEBINAR",
  "LECTURE_PACKAGE",
  "OPEN_DAY",
  "PRESS_RELEASE",
  "MEDIA_APPEARANCE",
  "SOCIAL_MEDIA_CAMPAIGN",
  "PHOTO_SERIES",
  "CONTEST",
  "VIDEO",
  "POSTER",
  "EVENT",
  "QUIZ",
  "DEMONSTRATION",
  "AWARDS_CEREMONY",
  "FUNDRAISING",
  "COMMUNITY_OUTREACH",
  "MICROSITE",
  "PATIENT_INFORMATION",
  "EXPERIENCE_REPORTS",
  "CAMPAIGN_REPORT",
  "OTHER",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ["SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * One kind, one measure: a source's number goes under the kind that says exactly what it counted (tweets are POSTS,
 * not MENTIONS; page likes are PAGE_LIKES, not ENGAGEMENTS; "feed reach" is FEED_REACH, not REACH).
 */
export const METRIC_KINDS = [
  "MENTIONS",
  "POSTS",
  "IMPRESSIONS",
  "REACH",
  "FEED_REACH",
  "ENGAGEMENTS",
  "PAGE_LIKES",
  "VIEWS",
  "DOWNLOADS",
  "REGISTRATIONS",
  "PARTICIPANTS",
  "LECTURES",
  "REPORTS_RECEIVED",
  "NEW_FOLLOWERS",
  "PARTICIPATING_SOCIETIES",
  "COUNTRIES",
  "LANGUAGES",
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const CHANNELS = [
  "TWITTER",
  "FACEBOOK",
  "INSTAGRAM",
  "YOUTUBE",
  "LINKEDIN",
  "WEBSITE",
  "ONLINE_PLATFORM",
  "EMAIL",
  "PRINT",
  "IN_PERSON",
  "OTHER",
] as const;
export type Channel = (typeof CHANNELS)[number];

export const PRECISIONS = ["EXACT", "AT_LEAST", "ESTIMATE"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const METRIC_SCOPES = ["OWN", "CAMPAIGN"] as const;
export type MetricScope = (typeof METRIC_SCOPES)[number];

export const API_KEY_ROLES = ["PARTNER", "STAFF"] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];
