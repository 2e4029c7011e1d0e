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
    "\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment MetricFields on Metric {\n    id\n    kind\n    channel\n    value\n    precision\n    scope\n  }\n": typeof types.MetricFieldsFragmentDoc,
    "\n  fragment EventFields on ActivityEvent {\n    startsAt\n    endsAt\n    timeZone\n    venue\n    city\n    countryCode\n    online\n    joinUrl\n  }\n": typeof types.EventFieldsFragmentDoc,
    "\n  fragment ActivityContent on Activity {\n    id\n    title\n    kind\n    status\n    version\n    description\n    url\n    source\n    startsOn\n    endsOn\n    event {\n      ...EventFields\n    }\n    society {\n      id\n      slug\n      acronym\n    }\n    edition {\n      id\n      year\n    }\n    metrics {\n      ...MetricFields\n      asOf\n      source\n      note\n      derived\n      overrideNote\n      coverage {\n        channels\n      }\n    }\n    pendingChange {\n      title\n      kind\n      description\n      url\n      source\n      startsOn\n      endsOn\n      event {\n        ...EventFields\n      }\n      metrics {\n        kind\n        channel\n        value\n        precision\n        scope\n        asOf\n        source\n        note\n      }\n    }\n  }\n": typeof types.ActivityContentFragmentDoc,
    "\n  fragment ActivityWriteResult on ActivityPayload {\n    activity {\n      id\n      status\n      version\n      title\n      pendingChange {\n        title\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": typeof types.ActivityWriteResultFragmentDoc,
    "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n": typeof types.EditionFiguresDocument,
    "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              ...MetricFields\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n": typeof types.EditionActivitiesDocument,
    "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n": typeof types.EditionBreakdownDocument,
    "\n  query HistoryEditions {\n    editions {\n      id\n      year\n    }\n  }\n": typeof types.HistoryEditionsDocument,
    "\n  query HistoryYear($year: Int!) {\n    summary(year: $year) {\n      year\n      totals {\n        kind\n        value\n        precision\n      }\n    }\n  }\n": typeof types.HistoryYearDocument,
    "\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n": typeof types.HomeDocument,
    "\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SocietiesDocument,
    "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              ...MetricFields\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SocietyPageDocument,
    "\n  mutation SubmitActivity($input: SubmitActivityInput!) {\n    submitActivity(input: $input) {\n      replayed\n      activity {\n        id\n        status\n        version\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SubmitActivityDocument,
    "\n  mutation SubmitActivities($input: SubmitActivitiesInput!) {\n    submitActivities(input: $input) {\n      activities {\n        id\n        status\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SubmitActivitiesDocument,
    "\n  query PartnerActivities($slug: String!) {\n    editions {\n      id\n      year\n    }\n    activities(filter: { societySlug: $slug }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...ActivityContent\n          reviewNote\n        }\n      }\n    }\n  }\n": typeof types.PartnerActivitiesDocument,
    "\n  mutation UpdateActivity($input: UpdateActivityInput!) {\n    updateActivity(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": typeof types.UpdateActivityDocument,
    "\n  mutation RecordMetrics($input: RecordMetricsInput!) {\n    recordMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": typeof types.RecordMetricsDocument,
    "\n  mutation RemoveMetrics($input: RemoveMetricsInput!) {\n    removeMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": typeof types.RemoveMetricsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      keyPrefix\n      society {\n        id\n        slug\n        acronym\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    prefix\n    label\n    role\n    createdAt\n    revokedAt\n    society {\n      id\n      slug\n      acronym\n    }\n  }\n": typeof types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($includeRevoked: Boolean!) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      totalCount\n      edges {\n        node {\n          ...ApiKeyFields\n        }\n      }\n    }\n    societies(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          acronym\n        }\n      }\n    }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.IssueApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        prefix\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query AuditLog($after: String, $action: String) {\n    auditLog(first: 25, after: $after, filter: { action: $action }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          sequence\n          at\n          action\n          actorRole\n          actorKeyPrefix\n          actorSociety {\n            id\n            acronym\n          }\n          society {\n            id\n            acronym\n          }\n          targetType\n          targetId\n          before\n          after\n          requestId\n        }\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query ReportYears {\n    editions {\n      id\n      year\n    }\n  }\n": typeof types.ReportYearsDocument,
    "\n  query ReviewQueue($after: String) {\n    activities(filter: { awaitingReview: true }, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ActivityContent\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation ReviewActivity($input: ReviewActivityInput!) {\n    reviewActivity(input: $input) {\n      activity {\n        id\n        status\n        version\n        reviewNote\n        pendingChange {\n          title\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ReviewActivityDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment MetricFields on Metric {\n    id\n    kind\n    channel\n    value\n    precision\n    scope\n  }\n": types.MetricFieldsFragmentDoc,
    "\n  fragment EventFields on ActivityEvent {\n    startsAt\n    endsAt\n    timeZone\n    venue\n    city\n    countryCode\n    online\n    joinUrl\n  }\n": types.EventFieldsFragmentDoc,
    "\n  fragment ActivityContent on Activity {\n    id\n    title\n    kind\n    status\n    version\n    description\n    url\n    source\n    startsOn\n    endsOn\n    event {\n      ...EventFields\n    }\n    society {\n      id\n      slug\n      acronym\n    }\n    edition {\n      id\n      year\n    }\n    metrics {\n      ...MetricFields\n      asOf\n      source\n      note\n      derived\n      overrideNote\n      coverage {\n        channels\n      }\n    }\n    pendingChange {\n      title\n      kind\n      description\n      url\n      source\n      startsOn\n      endsOn\n      event {\n        ...EventFields\n      }\n      metrics {\n        kind\n        channel\n        value\n        precision\n        scope\n        asOf\n        source\n        note\n      }\n    }\n  }\n": types.ActivityContentFragmentDoc,
    "\n  fragment ActivityWriteResult on ActivityPayload {\n    activity {\n      id\n      status\n      version\n      title\n      pendingChange {\n        title\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n": types.ActivityWriteResultFragmentDoc,
    "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n": types.EditionFiguresDocument,
    "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              ...MetricFields\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n": types.EditionActivitiesDocument,
    "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n": types.EditionBreakdownDocument,
    "\n  query HistoryEditions {\n    editions {\n      id\n      year\n    }\n  }\n": types.HistoryEditionsDocument,
    "\n  query HistoryYear($year: Int!) {\n    summary(year: $year) {\n      year\n      totals {\n        kind\n        value\n        precision\n      }\n    }\n  }\n": types.HistoryYearDocument,
    "\n  query Home {\n    editions {\n      id\n      year\n      theme\n    }\n  }\n": types.HomeDocument,
    "\n  query Societies {\n    societies(first: 100) {\n      totalCount\n      edges {\n        node {\n          id\n          slug\n          acronym\n          name\n          countryCode\n          kind\n        }\n      }\n    }\n  }\n": types.SocietiesDocument,
    "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              ...MetricFields\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SocietyPageDocument,
    "\n  mutation SubmitActivity($input: SubmitActivityInput!) {\n    submitActivity(input: $input) {\n      replayed\n      activity {\n        id\n        status\n        version\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SubmitActivityDocument,
    "\n  mutation SubmitActivities($input: SubmitActivitiesInput!) {\n    submitActivities(input: $input) {\n      activities {\n        id\n        status\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SubmitActivitiesDocument,
    "\n  query PartnerActivities($slug: String!) {\n    editions {\n      id\n      year\n    }\n    activities(filter: { societySlug: $slug }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...ActivityContent\n          reviewNote\n        }\n      }\n    }\n  }\n": types.PartnerActivitiesDocument,
    "\n  mutation UpdateActivity($input: UpdateActivityInput!) {\n    updateActivity(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": types.UpdateActivityDocument,
    "\n  mutation RecordMetrics($input: RecordMetricsInput!) {\n    recordMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": types.RecordMetricsDocument,
    "\n  mutation RemoveMetrics($input: RemoveMetricsInput!) {\n    removeMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n": types.RemoveMetricsDocument,
    "\n  query Viewer {\n    viewer {\n      role\n      keyPrefix\n      society {\n        id\n        slug\n        acronym\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment ApiKeyFields on ApiKey {\n    prefix\n    label\n    role\n    createdAt\n    revokedAt\n    society {\n      id\n      slug\n      acronym\n    }\n  }\n": types.ApiKeyFieldsFragmentDoc,
    "\n  query ApiKeys($includeRevoked: Boolean!) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      totalCount\n      edges {\n        node {\n          ...ApiKeyFields\n        }\n      }\n    }\n    societies(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          acronym\n        }\n      }\n    }\n  }\n": types.ApiKeysDocument,
    "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.IssueApiKeyDocument,
    "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        prefix\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query AuditLog($after: String, $action: String) {\n    auditLog(first: 25, after: $after, filter: { action: $action }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          sequence\n          at\n          action\n          actorRole\n          actorKeyPrefix\n          actorSociety {\n            id\n            acronym\n          }\n          society {\n            id\n            acronym\n          }\n          targetType\n          targetId\n          before\n          after\n          requestId\n        }\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query ReportYears {\n    editions {\n      id\n      year\n    }\n  }\n": types.ReportYearsDocument,
    "\n  query ReviewQueue($after: String) {\n    activities(filter: { awaitingReview: true }, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ActivityContent\n          createdAt\n        }\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation ReviewActivity($input: ReviewActivityInput!) {\n    reviewActivity(input: $input) {\n      activity {\n        id\n        status\n        version\n        reviewNote\n        pendingChange {\n          title\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ReviewActivityDocument,
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
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    field\n    code\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MetricFields on Metric {\n    id\n    kind\n    channel\n    value\n    precision\n    scope\n  }\n"): (typeof documents)["\n  fragment MetricFields on Metric {\n    id\n    kind\n    channel\n    value\n    precision\n    scope\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventFields on ActivityEvent {\n    startsAt\n    endsAt\n    timeZone\n    venue\n    city\n    countryCode\n    online\n    joinUrl\n  }\n"): (typeof documents)["\n  fragment EventFields on ActivityEvent {\n    startsAt\n    endsAt\n    timeZone\n    venue\n    city\n    countryCode\n    online\n    joinUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityContent on Activity {\n    id\n    title\n    kind\n    status\n    version\n    description\n    url\n    source\n    startsOn\n    endsOn\n    event {\n      ...EventFields\n    }\n    society {\n      id\n      slug\n      acronym\n    }\n    edition {\n      id\n      year\n    }\n    metrics {\n      ...MetricFields\n      asOf\n      source\n      note\n      derived\n      overrideNote\n      coverage {\n        channels\n      }\n    }\n    pendingChange {\n      title\n      kind\n      description\n      url\n      source\n      startsOn\n      endsOn\n      event {\n        ...EventFields\n      }\n      metrics {\n        kind\n        channel\n        value\n        precision\n        scope\n        asOf\n        source\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityContent on Activity {\n    id\n    title\n    kind\n    status\n    version\n    description\n    url\n    source\n    startsOn\n    endsOn\n    event {\n      ...EventFields\n    }\n    society {\n      id\n      slug\n      acronym\n    }\n    edition {\n      id\n      year\n    }\n    metrics {\n      ...MetricFields\n      asOf\n      source\n      note\n      derived\n      overrideNote\n      coverage {\n        channels\n      }\n    }\n    pendingChange {\n      title\n      kind\n      description\n      url\n      source\n      startsOn\n      endsOn\n      event {\n        ...EventFields\n      }\n      metrics {\n        kind\n        channel\n        value\n        precision\n        scope\n        asOf\n        source\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityWriteResult on ActivityPayload {\n    activity {\n      id\n      status\n      version\n      title\n      pendingChange {\n        title\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"): (typeof documents)["\n  fragment ActivityWriteResult on ActivityPayload {\n    activity {\n      id\n      status\n      version\n      title\n      pendingChange {\n        title\n      }\n    }\n    userErrors {\n      ...UserErrorFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionFigures($year: Int!) {\n    edition(year: $year) {\n      id\n      year\n      date\n      theme\n      themeSource\n    }\n    summary(year: $year) {\n      year\n      participatingSocieties\n      countries\n      activityCount\n      totals {\n        kind\n        value\n        precision\n      }\n      records {\n        kind\n        channel\n        previousYear\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              ...MetricFields\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionActivities($year: Int!) {\n    edition(year: $year) {\n      id\n      activities(first: 50) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            society {\n              id\n              slug\n              acronym\n              name\n              countryCode\n            }\n            metrics {\n              ...MetricFields\n            }\n          }\n        }\n      }\n    }\n    events(filter: { year: $year }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          society {\n            id\n            slug\n            acronym\n          }\n          event {\n            startsAt\n            timeZone\n            city\n            countryCode\n            venue\n            online\n            joinUrl\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditionBreakdown($year: Int!, $kind: MetricKind!) {\n    summary(year: $year) {\n      year\n      byChannel(kind: $kind) {\n        channel\n        value\n        precision\n      }\n      bySociety(kind: $kind, first: 10) {\n        society {\n          id\n          slug\n          acronym\n          name\n        }\n        value\n        precision\n        share\n      }\n      byCountry(kind: $kind) {\n        countryCode\n        value\n        precision\n        societies\n        share\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryEditions {\n    editions {\n      id\n      year\n    }\n  }\n"): (typeof documents)["\n  query HistoryEditions {\n    editions {\n      id\n      year\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HistoryYear($year: Int!) {\n    summary(year: $year) {\n      year\n      totals {\n        kind\n        value\n        precision\n      }\n    }\n  }\n"): (typeof documents)["\n  query HistoryYear($year: Int!) {\n    summary(year: $year) {\n      year\n      totals {\n        kind\n        value\n        precision\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              ...MetricFields\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SocietyPage($slug: String!) {\n    society(slug: $slug) {\n      id\n      slug\n      acronym\n      name\n      countryCode\n      website\n      kind\n      profession\n      foundedYear\n      note\n      activities(first: 100) {\n        totalCount\n        edges {\n          node {\n            id\n            title\n            kind\n            url\n            source\n            startsOn\n            edition {\n              id\n              year\n            }\n            metrics {\n              ...MetricFields\n              source\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitActivity($input: SubmitActivityInput!) {\n    submitActivity(input: $input) {\n      replayed\n      activity {\n        id\n        status\n        version\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitActivity($input: SubmitActivityInput!) {\n    submitActivity(input: $input) {\n      replayed\n      activity {\n        id\n        status\n        version\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitActivities($input: SubmitActivitiesInput!) {\n    submitActivities(input: $input) {\n      activities {\n        id\n        status\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitActivities($input: SubmitActivitiesInput!) {\n    submitActivities(input: $input) {\n      activities {\n        id\n        status\n        title\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerActivities($slug: String!) {\n    editions {\n      id\n      year\n    }\n    activities(filter: { societySlug: $slug }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...ActivityContent\n          reviewNote\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnerActivities($slug: String!) {\n    editions {\n      id\n      year\n    }\n    activities(filter: { societySlug: $slug }, first: 100) {\n      totalCount\n      edges {\n        node {\n          ...ActivityContent\n          reviewNote\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActivity($input: UpdateActivityInput!) {\n    updateActivity(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateActivity($input: UpdateActivityInput!) {\n    updateActivity(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordMetrics($input: RecordMetricsInput!) {\n    recordMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"): (typeof documents)["\n  mutation RecordMetrics($input: RecordMetricsInput!) {\n    recordMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMetrics($input: RemoveMetricsInput!) {\n    removeMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMetrics($input: RemoveMetricsInput!) {\n    removeMetrics(input: $input) {\n      ...ActivityWriteResult\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      role\n      keyPrefix\n      society {\n        id\n        slug\n        acronym\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      role\n      keyPrefix\n      society {\n        id\n        slug\n        acronym\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiKeyFields on ApiKey {\n    prefix\n    label\n    role\n    createdAt\n    revokedAt\n    society {\n      id\n      slug\n      acronym\n    }\n  }\n"): (typeof documents)["\n  fragment ApiKeyFields on ApiKey {\n    prefix\n    label\n    role\n    createdAt\n    revokedAt\n    society {\n      id\n      slug\n      acronym\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys($includeRevoked: Boolean!) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      totalCount\n      edges {\n        node {\n          ...ApiKeyFields\n        }\n      }\n    }\n    societies(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          acronym\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiKeys($includeRevoked: Boolean!) {\n    apiKeys(first: 100, includeRevoked: $includeRevoked) {\n      totalCount\n      edges {\n        node {\n          ...ApiKeyFields\n        }\n      }\n    }\n    societies(first: 100) {\n      edges {\n        node {\n          id\n          slug\n          acronym\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IssueApiKey($input: IssueApiKeyInput!) {\n    issueApiKey(input: $input) {\n      secret\n      apiKey {\n        ...ApiKeyFields\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        prefix\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($input: RevokeApiKeyInput!) {\n    revokeApiKey(input: $input) {\n      apiKey {\n        prefix\n        revokedAt\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($after: String, $action: String) {\n    auditLog(first: 25, after: $after, filter: { action: $action }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          sequence\n          at\n          action\n          actorRole\n          actorKeyPrefix\n          actorSociety {\n            id\n            acronym\n          }\n          society {\n            id\n            acronym\n          }\n          targetType\n          targetId\n          before\n          after\n          requestId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($after: String, $action: String) {\n    auditLog(first: 25, after: $after, filter: { action: $action }) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          sequence\n          at\n          action\n          actorRole\n          actorKeyPrefix\n          actorSociety {\n            id\n            acronym\n          }\n          society {\n            id\n            acronym\n          }\n          targetType\n          targetId\n          before\n          after\n          requestId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportYears {\n    editions {\n      id\n      year\n    }\n  }\n"): (typeof documents)["\n  query ReportYears {\n    editions {\n      id\n      year\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($after: String) {\n    activities(filter: { awaitingReview: true }, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ActivityContent\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($after: String) {\n    activities(filter: { awaitingReview: true }, first: 25, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...ActivityContent\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewActivity($input: ReviewActivityInput!) {\n    reviewActivity(input: $input) {\n      activity {\n        id\n        status\n        version\n        reviewNote\n        pendingChange {\n          title\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewActivity($input: ReviewActivityInput!) {\n    reviewActivity(input: $input) {\n      activity {\n        id\n        status\n        version\n        reviewNote\n        pendingChange {\n          title\n        }\n      }\n      userErrors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;