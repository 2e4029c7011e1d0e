/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n": typeof types.EditionFiguresDocument,
    "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n": typeof types.EditionActivitiesDocument,
    "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n": typeof types.EditionBreakdownDocument,
    "\n  query History {\n    editions {\n      id\n      year\n      summary {\n        year\n        totals {\n          kind\n          value\n          precision\n        }\n      }\n    }\n  }\n": typeof types.HistoryDocument,
    "\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SocietiesDocument,
    "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SocietyPageDocument,
};
const documents: Documents = {
    "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n": types.EditionFiguresDocument,
    "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n": types.EditionActivitiesDocument,
    "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n": types.EditionBreakdownDocument,
    "\n  query History {\n    editions {\n      id\n      year\n      summary {\n        year\n        totals {\n          kind\n          value\n          precision\n        }\n      }\n    }\n  }\n": types.HistoryDocument,
    "\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n": types.HomeDocument,
    "\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n": types.SocietiesDocument,
    "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SocietyPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query History {\n    editions {\n      id\n      year\n      summary {\n        year\n        totals {\n          kind\n          value\n          precision\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query History {\n    editions {\n      id\n      year\n      summary {\n        year\n        totals {\n          kind\n          value\n          precision\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              id\n              kind\n              channel\n              value\n              precision\n              scope\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;