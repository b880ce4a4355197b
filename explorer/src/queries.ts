/**
 * Every operation the explorer sends, written against the public contract
 * (schema/contract) only. `npm run codegen` types them (src/gql) and registers
 * them as persisted queries for the function (schema/__generated__).
 */
import { graphql } from './gql';

export const CorpusVersionQuery = graphql(`
  query ExplorerCorpusVersion {
    corpusVersion {
      number
      publishedAt
      documents
      people
      organizations
      places
      events
      claims
    }
  }
`);

export const SearchQuery = graphql(`
  query ExplorerSearch($query: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(query: $query, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        score
        highlights {
          field
          span {
            start
            end
          }
        }
        node {
          ... on Claim {
            id
            text
            quote
            kind
            speaker {
              id
              name
            }
            document {
              id
              title
            }
          }
          ... on Event {
            id
            title
            description
            date {
              value
              precision
            }
          }
          ... on Person {
            id
            name
            description
          }
          ... on Organization {
            id
            name
            description
            organizationKind: kind
          }
          ... on Place {
            id
            name
            description
          }
          ... on Document {
            id
            title
            publisher
            publishedOn {
              value
            }
          }
        }
      }
    }
  }
`);

export const DocumentsQuery = graphql(`
  query ExplorerDocuments($first: Int, $after: String) {
    documents(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        publisher
        url
        publishedOn {
          value
          precision
        }
        authors {
          id
          name
        }
      }
    }
  }
`);

export const DocumentQuery = graphql(`
  query ExplorerDocument($id: ID!) {
    document(id: $id) {
      id
      title
      publisher
      url
      publishedOn {
        value
        precision
      }
      authors {
        id
        name
      }
      text
      people {
        id
        name
      }
      organizations {
        id
        name
      }
      places {
        id
        name
      }
      events {
        id
        title
        date {
          value
          precision
        }
      }
    }
  }
`);

/** A document's claims, a page at a time: the reader asks for every page. */
export const DocumentClaimsQuery = graphql(`
  query ExplorerDocumentClaims($id: ID!, $first: Int, $after: String) {
    document(id: $id) {
      id
      claims(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          text
          quote
          kind
          span {
            start
            end
          }
          sourceLink
          statedOn {
            value
          }
          speaker {
            id
            name
          }
          document {
            id
            title
            publisher
            url
            publishedOn {
              value
            }
          }
          about {
            ... on Person {
              id
              name
            }
            ... on Organization {
              id
              name
            }
            ... on Place {
              id
              name
            }
            ... on Event {
              id
              title
            }
          }
          relations {
            kind
            note
            claim {
              id
              text
              quote
              kind
              speaker {
                id
                name
              }
              document {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

export const PersonQuery = graphql(`
  query ExplorerPerson($id: ID!, $first: Int) {
    person(id: $id) {
      id
      name
      aliases
      description
      authored {
        id
        title
        publishedOn {
          value
        }
      }
      claims(first: $first) {
        totalCount
        nodes {
          ...ExplorerClaimRow
        }
      }
      claimsAbout(first: $first) {
        totalCount
        nodes {
          ...ExplorerClaimRow
        }
      }
      mentionedIn(first: $first) {
        totalCount
        nodes {
          id
          title
          publishedOn {
            value
          }
        }
      }
    }
  }
`);

export const OrganizationQuery = graphql(`
  query ExplorerOrganization($id: ID!, $first: Int) {
    organization(id: $id) {
      id
      name
      aliases
      description
      kind
      claims(first: $first) {
        totalCount
        nodes {
          ...ExplorerClaimRow
        }
      }
      mentionedIn(first: $first) {
        totalCount
        nodes {
          id
          title
          publishedOn {
            value
          }
        }
      }
    }
  }
`);

export const PlaceQuery = graphql(`
  query ExplorerPlace($id: ID!, $first: Int) {
    place(id: $id) {
      id
      name
      aliases
      description
      claims(first: $first) {
        totalCount
        nodes {
          ...ExplorerClaimRow
        }
      }
      events(first: $first) {
        totalCount
        nodes {
          id
          title
          date {
            value
            precision
          }
        }
      }
      mentionedIn(first: $first) {
        totalCount
        nodes {
          id
          title
          publishedOn {
            value
          }
        }
      }
    }
  }
`);

export const ClaimRowFragment = graphql(`
  fragment ExplorerClaimRow on Claim {
    id
    text
    quote
    kind
    sourceLink
    speaker {
      id
      name
    }
    document {
      id
      title
      publisher
      url
      publishedOn {
        value
      }
    }
    events {
      id
      title
      date {
        value
        precision
      }
    }
  }
`);

export const TimelineQuery = graphql(`
  query ExplorerTimeline($from: String, $to: String, $first: Int, $after: String) {
    events(from: $from, to: $to, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        description
        disputed
        date {
          value
          precision
        }
        reportedDates {
          date {
            value
            precision
          }
          quote
          document {
            id
            title
          }
        }
      }
    }
  }
`);

export const DisagreementsQuery = graphql(`
  query ExplorerDisagreements($kind: ClaimRelationKind, $subjectId: ID, $first: Int, $after: String) {
    claimRelations(kind: $kind, subjectId: $subjectId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        kind
        note
        claim {
          ...ExplorerClaimRow
        }
        other {
          ...ExplorerClaimRow
        }
      }
    }
  }
`);

/** The subjects a disagreement can be filtered by. */
export const SubjectsQuery = graphql(`
  query ExplorerSubjects {
    people(first: 100) {
      nodes {
        id
        name
      }
    }
    organizations(first: 100) {
      nodes {
        id
        name
      }
    }
    places(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const VersionsQuery = graphql(`
  query ExplorerVersions {
    corpusVersion {
      number
    }
    corpusVersions(first: 100) {
      totalCount
      nodes {
        number
        contentHash
        publishedAt
        documents
        people
        organizations
        places
        events
        claims
      }
    }
  }
`);

export const ChangesQuery = graphql(`
  query ExplorerChanges($since: Int!, $first: Int, $after: String) {
    changes(since: $since, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        kind
        type
        id
        version
      }
    }
  }
`);
