import type { Resolvers } from '../../../schema/__generated__/resolvers-types.js';
import { about } from './Claim/about.js';
import { anchor } from './Claim/anchor.js';
import { relations } from './Claim/relations.js';
import { speakerOrganization } from './Claim/speakerOrganization.js';
import { ClaimPair } from './ClaimPair/index.js';
import { ClaimRelation } from './ClaimRelation/index.js';
import { organizations as documentOrganizations } from './Document/organizations.js';
import { places as documentPlaces } from './Document/places.js';
import { places as eventPlaces } from './Event/places.js';
import { EventRelation } from './EventRelation/index.js';
import { Organization } from './Organization/index.js';
import { claimsAbout } from './Person/claimsAbout.js';
import { Place } from './Place/index.js';
import { changes } from './Query/changes.js';
import { claimRelations } from './Query/claimRelations.js';
import { corpusVersion } from './Query/corpusVersion.js';
import { corpusVersions } from './Query/corpusVersions.js';
import { organization } from './Query/organization.js';
import { organizations } from './Query/organizations.js';
import { place } from './Query/place.js';
import { places } from './Query/places.js';
import { Subject } from './Subject/index.js';
import { document as claimDocument } from './Claim/document.js';
import { events as claimEvents } from './Claim/events.js';
import { kind } from './Claim/kind.js';
import { sourceLink } from './Claim/sourceLink.js';
import { speaker } from './Claim/speaker.js';
import { span as claimSpan } from './Claim/span.js';
import { connectionFields, edgeFields } from './Connection/index.js';
import { authors } from './Document/authors.js';
import { claims as documentClaims } from './Document/claims.js';
import { events as documentEvents } from './Document/events.js';
import { people as documentPeople } from './Document/people.js';
import { claims as eventClaims } from './Event/claims.js';
import { disputed } from './Event/disputed.js';
import { documents as eventDocuments } from './Event/documents.js';
import { participants } from './Event/participants.js';
import { PartialDate } from './PartialDate/index.js';
import { authored } from './Person/authored.js';
import { claims as personClaims } from './Person/claims.js';
import { mentionedIn } from './Person/mentionedIn.js';
import { claim } from './Query/claim.js';
import { claims } from './Query/claims.js';
import { document } from './Query/document.js';
import { documents } from './Query/documents.js';
import { event } from './Query/event.js';
import { events } from './Query/events.js';
import { healthy } from './Query/healthy.js';
import { people } from './Query/people.js';
import { person } from './Query/person.js';
import { search } from './Query/search.js';
import { document as reportedDocument } from './ReportedDate/document.js';
import { span as reportedSpan } from './ReportedDate/span.js';
import { highlights } from './SearchHit/highlights.js';
import { SearchResult } from './SearchResult/index.js';
import { TextAnchor } from './TextAnchor/index.js';

export const resolvers: Resolvers = {
  Query: {
    healthy,
    document,
    documents,
    person,
    people,
    organization,
    organizations,
    place,
    places,
    event,
    events,
    claim,
    claims,
    claimRelations,
    search,
    corpusVersion,
    corpusVersions,
    changes,
  },
  Document: {
    publishedOn: (doc) => doc.publishedOn,
    authors,
    people: documentPeople,
    events: documentEvents,
    claims: documentClaims,
    organizations: documentOrganizations,
    places: documentPlaces,
  },
  Person: { claims: personClaims, claimsAbout, authored, mentionedIn },
  Organization,
  Place,
  Subject,
  Event: {
    date: (event) => event.date,
    participants,
    documents: eventDocuments,
    claims: eventClaims,
    disputed,
    places: eventPlaces,
  },
  EventRelation,
  ReportedDate: { date: (reported) => reported.date, document: reportedDocument, span: reportedSpan },
  Claim: {
    span: claimSpan,
    kind,
    document: claimDocument,
    speaker,
    speakerOrganization,
    events: claimEvents,
    about,
    relations,
    statedOn: (claim) => claim.statedOn,
    anchor,
    sourceLink,
  },
  ClaimRelation,
  ClaimPair,
  TextAnchor,
  PartialDate,
  DocumentEdge: edgeFields,
  PersonEdge: edgeFields,
  EventEdge: edgeFields,
  ClaimEdge: edgeFields,
  OrganizationEdge: edgeFields,
  PlaceEdge: edgeFields,
  ClaimPairEdge: edgeFields,
  SearchEdge: edgeFields,
  CorpusVersionEdge: edgeFields,
  ChangeEdge: edgeFields,
  DocumentConnection: connectionFields,
  PersonConnection: connectionFields,
  EventConnection: connectionFields,
  ClaimConnection: connectionFields,
  OrganizationConnection: connectionFields,
  PlaceConnection: connectionFields,
  ClaimPairConnection: connectionFields,
  SearchConnection: connectionFields,
  CorpusVersionConnection: connectionFields,
  ChangeConnection: connectionFields,
  SearchHit: { node: (hit) => hit.node, score: (hit) => hit.match.score, highlights },
  SearchResult,
};
