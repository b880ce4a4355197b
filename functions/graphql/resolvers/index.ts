import type { Resolvers } from '../../../schema/__generated__/resolvers-types.js';
import { anchor } from './Claim/anchor.js';
import { document as claimDocument } from './Claim/document.js';
import { events as claimEvents } from './Claim/events.js';
import { kind } from './Claim/kind.js';
import { sourceLink } from './Claim/sourceLink.js';
import { speaker } from './Claim/speaker.js';
import { span as claimSpan } from './Claim/span.js';
import { connectionFields } from './Connection/index.js';
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
  Query: { healthy, document, documents, person, people, event, events, claim, claims, search },
  Document: {
    publishedOn: (doc) => doc.publishedOn,
    authors,
    people: documentPeople,
    events: documentEvents,
    claims: documentClaims,
  },
  Person: { claims: personClaims, authored, mentionedIn },
  Event: {
    date: (event) => event.date,
    participants,
    documents: eventDocuments,
    claims: eventClaims,
    disputed,
  },
  ReportedDate: { date: (reported) => reported.date, document: reportedDocument, span: reportedSpan },
  Claim: { span: claimSpan, kind, document: claimDocument, speaker, events: claimEvents, anchor, sourceLink },
  TextAnchor,
  PartialDate,
  DocumentConnection: connectionFields,
  PersonConnection: connectionFields,
  EventConnection: connectionFields,
  ClaimConnection: connectionFields,
  SearchConnection: connectionFields,
  SearchHit: { node: (hit) => hit.node, score: (hit) => hit.match.score, highlights },
  SearchResult,
};
