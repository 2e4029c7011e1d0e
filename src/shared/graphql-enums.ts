// Registers the closed vocabularies of src/db/enums.ts as GraphQL enums, each value described.
import { registerEnumType } from "type-graphql";
import * as vocabulary from "../db/enums.js";

export function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const SocietyKindEnum = enumObject(vocabulary.SOCIETY_KINDS);
registerEnumType(SocietyKindEnum, {
  name: "SocietyKind",
  description: "What kind of organisation a society is.",
  valuesConfig: {
    FOUNDING_PARTNER: { description: "One of the three founders of IDoR: ESR, RSNA and ACR." },
    INTERNATIONAL: { description: "An international or regional body (no single country)." },
    NATIONAL: { description: "A national society of one country." },
    SUBSPECIALTY: { description: "A subspecialty or allied society." },
  },
});

export const ProfessionEnum = enumObject(vocabulary.PROFESSIONS);
registerEnumType(ProfessionEnum, {
  name: "Profession",
  description: "The profession a society represents.",
  valuesConfig: {
    RADIOLOGY: { description: "Radiologists." },
    RADIOGRAPHY: { description: "Radiographers and radiological technologists." },
    MIXED: { description: "Both, or other imaging professionals." },
  },
});

export const ActivityKindEnum = enumObject(vocabulary.ACTIVITY_KINDS);
registerEnumType(ActivityKindEnum, {
  name: "ActivityKind",
  description: "What a society did for IDoR (kinds seen in the sources of the IDoR reports).",
  valuesConfig: {
    BOOK: { description: "A printed or downloadable book or booklet." },
    E_BOOK: { description: "An electronic book, e.g. a collection of experience reports." },
    PUBLIC_LECTURE: { description: "A lecture open to the public." },
    SCIENTIFIC_MEETING: { description: "A scientific meeting or course." },
    WEBINAR: { description: "A live online seminar." },
    LECTURE_PACKAGE: { description: "A package of recorded lectures on an online platform." },
    OPEN_DAY: { description: "An open day or department tour." },
    PRESS_RELEASE: { description: "A press release." },
    MEDIA_APPEARANCE: { description: "An interview or appearance in the media." },
    SOCIAL_MEDIA_CAMPAIGN: { description: "A social-media campaign: hashtags, post series." },
    PHOTO_SERIES: { description: "A photo series." },
    CONTEST: { description: "A photo or video contest." },
    VIDEO: { description: "A video or expert interview." },
    POSTER: { description: "A poster, possibly in many languages." },
    EVENT: { description: "A gathering such as a banquet or party in an imaging department." },
    QUIZ: { description: "A quiz." },
    DEMONSTRATION: { description: "A hands-on demonstration." },
    AWARDS_CEREMONY: { description: "An awards ceremony." },
    FUNDRAISING: { description: "A fundraising action." },
    COMMUNITY_OUTREACH: { description: "Community outreach." },
    MICROSITE: { description: "A dedicated website." },
    PATIENT_INFORMATION: { description: "Information material for patients." },
    EXPERIENCE_REPORTS: { description: "A collection of experience reports sent in by professionals." },
    CAMPAIGN_REPORT: {
      description:
        "Figures published about an edition as a whole (participating societies, all mentions), owned by the society that published them.",
    },
    OTHER: { description: "Anything else." },
  },
});

export const ActivityStatusEnum = enumObject(vocabulary.ACTIVITY_STATUSES);
registerEnumType(ActivityStatusEnum, {
  name: "ActivityStatus",
  description: "Where an activity stands in ESR's review. The public sees only APPROVED activities.",
  valuesConfig: {
    SUBMITTED: { description: "Sent by a partner, waiting for review." },
    APPROVED: { description: "Reviewed and published." },
    REJECTED: { description: "Reviewed and not published." },
    WITHDRAWN: { description: "Withdrawn by its society." },
  },
});

export const MetricKindEnum = enumObject(vocabulary.METRIC_KINDS);
registerEnumType(MetricKindEnum, {
  name: "MetricKind",
  description: "What a figure counts.",
  valuesConfig: {
    MENTIONS: { description: "Separate mentions of IDoR, by anyone, on the platforms the figure covers (posts that name IDoR or its hashtag)." },
    POSTS: { description: "Posts published (tweets, Facebook posts...), counted as posts: a source that says \"5,200 tweets\" gives POSTS, not MENTIONS." },
    IMPRESSIONS: { description: "Times content was shown." },
    REACH: { description: "Distinct people or accounts reached." },
    FEED_REACH: { description: "What a source calls \"feed reach\": the audience the posts could reach in feeds (potential impressions), not people reached." },
    ENGAGEMENTS: { description: "Interactions with posts: likes of posts, shares, comments, clicks." },
    PAGE_LIKES: { description: "Likes (fans) of a page, e.g. \"7,800 Facebook likes\"; new fans gained are NEW_FOLLOWERS." },
    VIEWS: { description: "Views of a video, page or lecture." },
    DOWNLOADS: { description: "Downloads of a book or file." },
    REGISTRATIONS: { description: "People who registered." },
    PARTICIPANTS: { description: "People who took part." },
    LECTURES: { description: "Lectures given or offered." },
    REPORTS_RECEIVED: { description: "Experience reports received." },
    NEW_FOLLOWERS: { description: "New followers or fans gained." },
    PARTICIPATING_SOCIETIES: { description: "Societies that took part in the edition (not additive)." },
    COUNTRIES: { description: "Countries that took part (not additive)." },
    LANGUAGES: { description: "Languages a piece was published in (not additive)." },
  },
});

export const ChannelEnum = enumObject(vocabulary.CHANNELS);
registerEnumType(ChannelEnum, {
  name: "Channel",
  description: "Where a figure was measured. A figure covers one channel, a named set of channels, or all of them (see Coverage).",
  valuesConfig: {
    TWITTER: { description: "Twitter / X." },
    FACEBOOK: { description: "Facebook." },
    INSTAGRAM: { description: "Instagram." },
    YOUTUBE: { description: "YouTube." },
    LINKEDIN: { description: "LinkedIn." },
    WEBSITE: { description: "A website." },
    ONLINE_PLATFORM: { description: "An online learning or event platform (e.g. ESR Connect)." },
    EMAIL: { description: "E-mail." },
    PRINT: { description: "Print." },
    IN_PERSON: { description: "On site, in person." },
    OTHER: { description: "Any other channel." },
  },
});

export const PrecisionEnum = enumObject(vocabulary.PRECISIONS);
registerEnumType(PrecisionEnum, {
  name: "Precision",
  description: "How exact a published figure is.",
  valuesConfig: {
    EXACT: { description: "The figure as counted." },
    AT_LEAST: { description: 'A lower bound: "more than 2,000" is stored as 2,000 AT_LEAST.' },
    ESTIMATE: {
      description:
        'Rounded or approximate ("about 170"); a figure given only in words ("tens of thousands") is its lower bound as an ESTIMATE, with the words in the note.',
    },
  },
});

export const MetricScopeEnum = enumObject(vocabulary.METRIC_SCOPES);
registerEnumType(MetricScopeEnum, {
  name: "MetricScope",
  description: "Whose reach a figure measures.",
  valuesConfig: {
    OWN: { description: "The society's own reach; OWN figures of different societies add up." },
    CAMPAIGN: {
      description:
        "A measurement of the whole IDoR campaign (e.g. ESR's count of all mentions); it already contains every society's own figures.",
    },
  },
});
