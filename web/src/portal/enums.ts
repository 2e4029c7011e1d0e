// The schema's enum values the forms and the CSV template offer. `satisfies` makes tsc refuse a value the generated
// types (from schema/schema.graphql) do not have.
import type { ActivityKind, Channel, MetricKind, MetricScope, Precision } from "../gql/graphql";

export const ACTIVITY_KINDS = [
  "AWARDS_CEREMONY", "BOOK", "CAMPAIGN_REPORT", "COMMUNITY_OUTREACH", "CONTEST", "DEMONSTRATION", "EVENT",
  "EXPERIENCE_REPORTS", "E_BOOK", "FUNDRAISING", "LECTURE_PACKAGE", "MEDIA_APPEARANCE", "MICROSITE", "OPEN_DAY", "OTHER",
  "PATIENT_INFORMATION", "PHOTO_SERIES", "POSTER", "PRESS_RELEASE", "PUBLIC_LECTURE", "QUIZ", "SCIENTIFIC_MEETING",
  "SOCIAL_MEDIA_CAMPAIGN", "VIDEO", "WEBINAR",
] as const satisfies readonly ActivityKind[];

export const METRIC_KINDS = [
  "COUNTRIES", "DOWNLOADS", "ENGAGEMENTS", "IMPRESSIONS", "LANGUAGES", "LECTURES", "MENTIONS", "NEW_FOLLOWERS",
  "PARTICIPANTS", "PARTICIPATING_SOCIETIES", "REACH", "REGISTRATIONS", "REPORTS_RECEIVED", "VIEWS",
] as const satisfies readonly MetricKind[];

export const CHANNELS = [
  "EMAIL", "FACEBOOK", "INSTAGRAM", "IN_PERSON", "LINKEDIN", "ONLINE_PLATFORM", "OTHER", "PRINT", "TWITTER", "WEBSITE", "YOUTUBE",
] as const satisfies readonly Channel[];

export const PRECISIONS = ["EXACT", "AT_LEAST", "ESTIMATE"] as const satisfies readonly Precision[];
export const SCOPES = ["OWN", "CAMPAIGN"] as const satisfies readonly MetricScope[];
