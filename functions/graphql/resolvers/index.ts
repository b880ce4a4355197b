/**
 * The resolver map: a Query field per file (Query/<field>.ts), an object
 * type's field resolvers in one file per type (<Type>.ts). Fields a storage
 * item answers as it is are left to GraphQL's default resolver.
 */
import type { Resolvers } from '../../../schema/__generated__/resolvers-types.js';
import { Claim } from './Claim.js';
import { ClaimPair } from './ClaimPair.js';
import { ClaimRelation } from './ClaimRelation.js';
import { connectionFields, edgeFields, pageInfoFields } from './Connection.js';
import { Document } from './Document.js';
import { Event } from './Event.js';
import { EventRelation } from './EventRelation.js';
import { Organization } from './Organization.js';
import { PartialDate } from './PartialDate.js';
import { Person } from './Person.js';
import { Place } from './Place.js';
import { changes } from './Query/changes.js';
import { claim } from './Query/claim.js';
import { claimRelations } from './Query/claimRelations.js';
import { claims } from './Query/claims.js';
import { corpusVersion } from './Query/corpusVersion.js';
import { corpusVersions } from './Query/corpusVersions.js';
import { document } from './Query/document.js';
import { documents } from './Query/documents.js';
import { event } from './Query/event.js';
import { events } from './Query/events.js';
import { healthy } from './Query/healthy.js';
import { organization } from './Query/organization.js';
import { organizations } from './Query/organizations.js';
import { people } from './Query/people.js';
import { person } from './Query/person.js';
import { place } from './Query/place.js';
import { places } from './Query/places.js';
import { search } from './Query/search.js';
import { topic } from './Query/topic.js';
import { topics } from './Query/topics.js';
import { ReportedDate } from './ReportedDate.js';
import { SearchHit } from './SearchHit.js';
import { SearchResult } from './SearchResult.js';
import { Subject } from './Subject.js';
import { TextAnchor } from './TextAnchor.js';
import { Topic } from './Topic.js';

export const resolvers: Resolvers = {
  Query: {
    changes,
    claim,
    claimRelations,
    claims,
    corpusVersion,
    corpusVersions,
    document,
    documents,
    event,
    events,
    healthy,
    organization,
    organizations,
    people,
    person,
    place,
    places,
    search,
    topic,
    topics,
  },
  Claim,
  ClaimPair,
  ClaimRelation,
  Document,
  Event,
  EventRelation,
  Organization,
  PartialDate,
  Person,
  Place,
  ReportedDate,
  SearchHit,
  SearchResult,
  Subject,
  TextAnchor,
  Topic,
  // Every connection type has the same fields over a ConnectionModel, every edge type a cursor.
  PageInfo: pageInfoFields,
  ChangeConnection: connectionFields,
  ChangeEdge: edgeFields,
  ClaimConnection: connectionFields,
  ClaimEdge: edgeFields,
  ClaimPairConnection: connectionFields,
  ClaimPairEdge: edgeFields,
  CorpusVersionConnection: connectionFields,
  CorpusVersionEdge: edgeFields,
  DocumentConnection: connectionFields,
  DocumentEdge: edgeFields,
  EventConnection: connectionFields,
  EventEdge: edgeFields,
  OrganizationConnection: connectionFields,
  OrganizationEdge: edgeFields,
  PersonConnection: connectionFields,
  PersonEdge: edgeFields,
  PlaceConnection: connectionFields,
  PlaceEdge: edgeFields,
  SearchConnection: connectionFields,
  SearchEdge: edgeFields,
  TopicConnection: connectionFields,
  TopicEdge: edgeFields,
};
