// Selections several pages share, as GraphQL fragments: one place says what "an activity's figures" or "a userError"
// means to the site, and codegen folds them into each page's typed document.
import { graphql } from "../gql";

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    code
    message
  }
`);

export const MetricFields = graphql(`
  fragment MetricFields on Metric {
    id
    kind
    channel
    value
    precision
    scope
  }
`);

export const EventFields = graphql(`
  fragment EventFields on ActivityEvent {
    startsAt
    endsAt
    timeZone
    venue
    city
    countryCode
    online
    joinUrl
  }
`);

/** What a partner edits and staff review: an activity's own fields, its figures and event, and its pending change. */
export const ActivityContent = graphql(`
  fragment ActivityContent on Activity {
    id
    title
    kind
    status
    version
    description
    url
    source
    startsOn
    endsOn
    event {
      ...EventFields
    }
    society {
      id
      slug
      acronym
    }
    edition {
      id
      year
    }
    metrics {
      ...MetricFields
      asOf
      source
      note
      derived
      overrideNote
      coverage {
        channels
      }
    }
    pendingChange {
      title
      kind
      description
      url
      source
      startsOn
      endsOn
      event {
        ...EventFields
      }
      metrics {
        kind
        channel
        value
        precision
        scope
        asOf
        source
        note
      }
    }
  }
`);

/** What the activity mutations answer: enough to word the result, and the userErrors. */
export const ActivityWriteResult = graphql(`
  fragment ActivityWriteResult on ActivityPayload {
    activity {
      id
      status
      version
      title
      pendingChange {
        title
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);
