/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What a society did for IDoR (kinds seen in the sources of the IDoR reports). */
export type ActivityKind =
  /** An awards ceremony. */
  | 'AWARDS_CEREMONY'
  /** A printed or downloadable book or booklet. */
  | 'BOOK'
  /** Figures published about an edition as a whole (participating societies, all mentions), owned by the society that published them. */
  | 'CAMPAIGN_REPORT'
  /** Community outreach. */
  | 'COMMUNITY_OUTREACH'
  /** A photo or video contest. */
  | 'CONTEST'
  /** A hands-on demonstration. */
  | 'DEMONSTRATION'
  /** A gathering such as a banquet or party in an imaging department. */
  | 'EVENT'
  /** A collection of experience reports sent in by professionals. */
  | 'EXPERIENCE_REPORTS'
  /** An electronic book, e.g. a collection of experience reports. */
  | 'E_BOOK'
  /** A fundraising action. */
  | 'FUNDRAISING'
  /** A package of recorded lectures on an online platform. */
  | 'LECTURE_PACKAGE'
  /** An interview or appearance in the media. */
  | 'MEDIA_APPEARANCE'
  /** A dedicated website. */
  | 'MICROSITE'
  /** An open day or department tour. */
  | 'OPEN_DAY'
  /** Anything else. */
  | 'OTHER'
  /** Information material for patients. */
  | 'PATIENT_INFORMATION'
  /** A photo series. */
  | 'PHOTO_SERIES'
  /** A poster, possibly in many languages. */
  | 'POSTER'
  /** A press release. */
  | 'PRESS_RELEASE'
  /** A lecture open to the public. */
  | 'PUBLIC_LECTURE'
  /** A quiz. */
  | 'QUIZ'
  /** A scientific meeting or course. */
  | 'SCIENTIFIC_MEETING'
  /** A social-media campaign: hashtags, post series. */
  | 'SOCIAL_MEDIA_CAMPAIGN'
  /** A video or expert interview. */
  | 'VIDEO'
  /** A live online seminar. */
  | 'WEBINAR';

/** Where a figure was measured. A metric without a channel counts all channels together. */
export type Channel =
  /** E-mail. */
  | 'EMAIL'
  /** Facebook. */
  | 'FACEBOOK'
  /** Instagram. */
  | 'INSTAGRAM'
  /** On site, in person. */
  | 'IN_PERSON'
  /** LinkedIn. */
  | 'LINKEDIN'
  /** An online learning or event platform (e.g. ESR Connect). */
  | 'ONLINE_PLATFORM'
  /** Any other channel. */
  | 'OTHER'
  /** Print. */
  | 'PRINT'
  /** Twitter / X. */
  | 'TWITTER'
  /** A website. */
  | 'WEBSITE'
  /** YouTube. */
  | 'YOUTUBE';

/** What a figure counts. */
export type MetricKind =
  /** Countries that took part (not additive). */
  | 'COUNTRIES'
  /** Downloads of a book or file. */
  | 'DOWNLOADS'
  /** Likes, shares, comments and other interactions. */
  | 'ENGAGEMENTS'
  /** Times content was shown. */
  | 'IMPRESSIONS'
  /** Languages a piece was published in (not additive). */
  | 'LANGUAGES'
  /** Lectures given or offered. */
  | 'LECTURES'
  /** Separate mentions or posts (e.g. tweets) about IDoR. */
  | 'MENTIONS'
  /** New followers or fans gained. */
  | 'NEW_FOLLOWERS'
  /** People who took part. */
  | 'PARTICIPANTS'
  /** Societies that took part in the edition (not additive). */
  | 'PARTICIPATING_SOCIETIES'
  /** People or feeds reached. */
  | 'REACH'
  /** People who registered. */
  | 'REGISTRATIONS'
  /** Experience reports received. */
  | 'REPORTS_RECEIVED'
  /** Views of a video, page or lecture. */
  | 'VIEWS';

/** Whose reach a figure measures. */
export type MetricScope =
  /** A measurement of the whole IDoR campaign (e.g. ESR's count of all mentions); it already contains every society's own figures. */
  | 'CAMPAIGN'
  /** The society's own reach; OWN figures of different societies add up. */
  | 'OWN';

/** How exact a published figure is. */
export type Precision =
  /** A lower bound: "more than 2,000" is stored as 2,000 AT_LEAST. */
  | 'AT_LEAST'
  /** Rounded or approximate ("about 170"); a figure given only in words ("tens of thousands") is its lower bound as an ESTIMATE, with the words in the note. */
  | 'ESTIMATE'
  /** The figure as counted. */
  | 'EXACT';

/** The profession a society represents. */
export type Profession =
  /** Both, or other imaging professionals. */
  | 'MIXED'
  /** Radiographers and radiological technologists. */
  | 'RADIOGRAPHY'
  /** Radiologists. */
  | 'RADIOLOGY';

/** What kind of organisation a society is. */
export type SocietyKind =
  /** One of the three founders of IDoR: ESR, RSNA and ACR. */
  | 'FOUNDING_PARTNER'
  /** An international or regional body (no single country). */
  | 'INTERNATIONAL'
  /** A national society of one country. */
  | 'NATIONAL'
  /** A subspecialty or allied society. */
  | 'SUBSPECIALTY';

export type EditionFiguresQueryVariables = Exact<{
  year: number;
}>;


export type EditionFiguresQuery = { edition: { id: string, year: number, date: string, theme: string | null, themeSource: string | null } | null, summary: { year: number, participatingSocieties: number, countries: number, activityCount: number, totals: Array<{ kind: MetricKind, value: number, precision: Precision }>, records: Array<{ kind: MetricKind, channel: Channel | null, previousYear: number | null }> } | null };

export type EditionActivitiesQueryVariables = Exact<{
  year: number;
}>;


export type EditionActivitiesQuery = { edition: { id: string, activities: { totalCount: number, edges: Array<{ node: { id: string, title: string, kind: ActivityKind, url: string | null, society: { id: string, slug: string, acronym: string, name: string, countryCode: string | null }, metrics: Array<{ id: string, kind: MetricKind, channel: Channel | null, value: number, precision: Precision, scope: MetricScope }> } }> } } | null, events: { totalCount: number, edges: Array<{ node: { id: string, title: string, society: { id: string, slug: string, acronym: string }, event: { startsAt: string, timeZone: string, city: string | null, countryCode: string | null, venue: string | null, online: boolean, joinUrl: string | null } | null } }> } };

export type EditionBreakdownQueryVariables = Exact<{
  year: number;
  kind: MetricKind;
}>;


export type EditionBreakdownQuery = { summary: { year: number, byChannel: Array<{ channel: Channel, value: number, precision: Precision }>, bySociety: Array<{ value: number, precision: Precision, share: number | null, society: { id: string, slug: string, acronym: string, name: string } }>, byCountry: Array<{ countryCode: string | null, value: number, precision: Precision, societies: number, share: number | null }> } | null };

export type HistoryQueryVariables = Exact<{ [key: string]: never; }>;


export type HistoryQuery = { editions: Array<{ id: string, year: number, summary: { year: number, totals: Array<{ kind: MetricKind, value: number, precision: Precision }> } }> };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { editions: Array<{ id: string, year: number, theme: string | null }> };

export type SocietiesQueryVariables = Exact<{ [key: string]: never; }>;


export type SocietiesQuery = { societies: { totalCount: number, edges: Array<{ node: { id: string, slug: string, acronym: string, name: string, countryCode: string | null, kind: SocietyKind } }> } };

export type SocietyPageQueryVariables = Exact<{
  slug: string;
}>;


export type SocietyPageQuery = { society: { id: string, slug: string, acronym: string, name: string, countryCode: string | null, website: string | null, kind: SocietyKind, profession: Profession, foundedYear: number | null, note: string | null, activities: { totalCount: number, edges: Array<{ node: { id: string, title: string, kind: ActivityKind, url: string | null, source: string | null, startsOn: string | null, edition: { id: string, year: number }, metrics: Array<{ id: string, kind: MetricKind, channel: Channel | null, value: number, precision: Precision, scope: MetricScope, source: string | null }> } }> } } | null };


export const EditionFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditionFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}},{"kind":"Field","name":{"kind":"Name","value":"themeSource"}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"participatingSocieties"}},{"kind":"Field","name":{"kind":"Name","value":"countries"}},{"kind":"Field","name":{"kind":"Name","value":"activityCount"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"records"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"previousYear"}}]}}]}}]}}]} as unknown as DocumentNode<EditionFiguresQuery, EditionFiguresQueryVariables>;
export const EditionActivitiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditionActivities"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"society"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}}]}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"events"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"society"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}}]}},{"kind":"Field","name":{"kind":"Name","value":"event"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"timeZone"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"venue"}},{"kind":"Field","name":{"kind":"Name","value":"online"}},{"kind":"Field","name":{"kind":"Name","value":"joinUrl"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EditionActivitiesQuery, EditionActivitiesQueryVariables>;
export const EditionBreakdownDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EditionBreakdown"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MetricKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"byChannel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySociety"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"society"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCountry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"societies"}},{"kind":"Field","name":{"kind":"Name","value":"share"}}]}}]}}]}}]} as unknown as DocumentNode<EditionBreakdownQuery, EditionBreakdownQueryVariables>;
export const HistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"History"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"summary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HistoryQuery, HistoryQueryVariables>;
export const HomeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Home"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"theme"}}]}}]}}]} as unknown as DocumentNode<HomeQuery, HomeQueryVariables>;
export const SocietiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Societies"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"societies"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SocietiesQuery, SocietiesQueryVariables>;
export const SocietyPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SocietyPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"society"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"acronym"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}},{"kind":"Field","name":{"kind":"Name","value":"website"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"profession"}},{"kind":"Field","name":{"kind":"Name","value":"foundedYear"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"activities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"edition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"year"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"precision"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<SocietyPageQuery, SocietyPageQueryVariables>;