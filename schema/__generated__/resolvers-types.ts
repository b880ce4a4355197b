import type { GraphQLResolveInfo } from 'graphql';
import type { StoredDocumentItem, PersonItem, EventItem, ClaimItem, ReportedDateItem, OrganizationItem, PlaceItem, TopicItem, ClaimPairItem } from '../../functions/data/items.js';
import type { PartialDateModel, PageInfoModel, ConnectionModel, EdgeModel, ClaimRelationModel, EventRelationModel, SearchHitModel } from '../../functions/graphql/models.js';
import type { VersionRecord, ChangeModel } from '../../functions/data/version-store.js';
import type { GraphQLContext } from '../../functions/graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
};

export type AnchorStatus =
  /** Found at the stored position. */
  | 'EXACT'
  /** Not found in the current text; the claim is kept but flagged. */
  | 'ORPHANED'
  /** Found elsewhere by quote, prefix and suffix; the span was moved. */
  | 'RELOCATED';

/** One entity that a refresh added, changed or removed. */
export type Change = {
  __typename?: 'Change';
  id: Scalars['ID']['output'];
  kind: ChangeKind;
  type: EntityType;
  /** The version that made the change. */
  version: Scalars['Int']['output'];
};

export type ChangeConnection = {
  __typename?: 'ChangeConnection';
  edges: Array<ChangeEdge>;
  nodes: Array<Change>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ChangeEdge = {
  __typename?: 'ChangeEdge';
  cursor: Scalars['String']['output'];
  node: Change;
};

export type ChangeKind =
  | 'ADDED'
  | 'REMOVED'
  | 'UPDATED';

/** An attributed statement, anchored to the exact words of its source. */
export type Claim = {
  __typename?: 'Claim';
  /** Who or what the claim is about: people, organizations, places, events. */
  about: Array<Subject>;
  anchor: TextAnchor;
  /**
   * A reference an analyst can paste: who (speaker, speaking body or the
   * document's authors), the exact words, the document's title, publisher and
   * date, and a link to the words where the document has a URL.
   */
  citation: Scalars['String']['output'];
  document: Document;
  /** Events the claim is about. */
  events: Array<Event>;
  id: Scalars['ID']['output'];
  kind: ClaimKind;
  /** The article of the Declaration this claim reports, where the document identifies it by number (Article 1, Article 7); null otherwise. */
  provision?: Maybe<Scalars['Int']['output']>;
  /** Exactly document.text.slice(span.start, span.end). */
  quote: Scalars['String']['output'];
  /** Relations to other claims. Every relation shows on both claims (SUPPORTS and CONTRADICTS as themselves, QUALIFIES as QUALIFIED_BY). */
  relations: Array<ClaimRelation>;
  /** A link that opens the source at the quote (a text fragment URL), where the document has a URL. */
  sourceLink?: Maybe<Scalars['String']['output']>;
  span: TextSpan;
  /** Who made the claim; for AUTHOR_ASSERTION the author where the document names one. */
  speaker?: Maybe<Person>;
  /** The organization speaking, where a body (a government, a ministry, an outlet) makes the claim rather than a person. */
  speakerOrganization?: Maybe<Organization>;
  /** When the claim was made, where the document says or makes it certain (a press conference, a statement's date); else null. */
  statedOn?: Maybe<PartialDate>;
  /** The claim in one plain sentence. */
  text: Scalars['String']['output'];
  /** The topics this claim addresses, by name. */
  topics: Array<Topic>;
};


/** An attributed statement, anchored to the exact words of its source. */
export type ClaimRelationsArgs = {
  kind?: InputMaybe<ClaimRelationKind>;
};

export type ClaimConnection = {
  __typename?: 'ClaimConnection';
  edges: Array<ClaimEdge>;
  nodes: Array<Claim>;
  pageInfo: PageInfo;
  /** How many items the whole list has, across all pages (under the same filters). */
  totalCount: Scalars['Int']['output'];
};

export type ClaimEdge = {
  __typename?: 'ClaimEdge';
  cursor: Scalars['String']['output'];
  node: Claim;
};

export type ClaimKind =
  /** The document's author asserts it. */
  | 'AUTHOR_ASSERTION'
  /** The speaker's own words, in quotation marks in the source. */
  | 'DIRECT_QUOTE'
  /** The source reports what the speaker said, in its own words. */
  | 'PARAPHRASE';

/** Two related claims, listed once. */
export type ClaimPair = {
  __typename?: 'ClaimPair';
  /** The claim that carries the relation (for QUALIFIES, the qualifying claim). */
  claim: Claim;
  kind: ClaimRelationKind;
  note?: Maybe<Scalars['String']['output']>;
  other: Claim;
};

export type ClaimPairConnection = {
  __typename?: 'ClaimPairConnection';
  edges: Array<ClaimPairEdge>;
  nodes: Array<ClaimPair>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type ClaimPairEdge = {
  __typename?: 'ClaimPairEdge';
  cursor: Scalars['String']['output'];
  node: ClaimPair;
};

export type ClaimRelation = {
  __typename?: 'ClaimRelation';
  /** The other claim. */
  claim: Claim;
  kind: ClaimRelationKind;
  /** Why they are related, in one sentence. */
  note?: Maybe<Scalars['String']['output']>;
};

/** How one claim bears on another, seen from the claim that carries the relation. */
export type ClaimRelationKind =
  /** They cannot both be right, or draw opposite conclusions from the same facts (symmetric). */
  | 'CONTRADICTS'
  /** The other claim qualifies this one (the inverse of QUALIFIES). */
  | 'QUALIFIED_BY'
  /** This claim narrows, conditions or adds a caveat to the other. */
  | 'QUALIFIES'
  /** Both say the same thing or one strengthens the other (symmetric). */
  | 'SUPPORTS';

/** One published state of the knowledge base: what one seed refresh made. */
export type CorpusVersion = {
  __typename?: 'CorpusVersion';
  claims: Scalars['Int']['output'];
  /** A hash of the corpus content the version was built from. */
  contentHash: Scalars['String']['output'];
  documents: Scalars['Int']['output'];
  events: Scalars['Int']['output'];
  /** 1 for the first refresh, then one more for every refresh that changed anything. */
  number: Scalars['Int']['output'];
  organizations: Scalars['Int']['output'];
  people: Scalars['Int']['output'];
  places: Scalars['Int']['output'];
  /** When the refresh published it: ISO 8601 UTC. */
  publishedAt: Scalars['String']['output'];
};

export type CorpusVersionConnection = {
  __typename?: 'CorpusVersionConnection';
  edges: Array<CorpusVersionEdge>;
  nodes: Array<CorpusVersion>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type CorpusVersionEdge = {
  __typename?: 'CorpusVersionEdge';
  cursor: Scalars['String']['output'];
  node: CorpusVersion;
};

/** How precisely a date is known. */
export type DatePrecision =
  | 'DAY'
  | 'MONTH'
  | 'YEAR';

/** A source text: an article, an analysis, a report. */
export type Document = {
  __typename?: 'Document';
  authors: Array<Person>;
  /** A reference to the document: authors, title, publisher, date, URL, as far as they are known. */
  citation: Scalars['String']['output'];
  /** The document's claims in reading order. */
  claims: ClaimConnection;
  /** Every event the document mentions. */
  events: Array<Event>;
  id: Scalars['ID']['output'];
  /** Every organization the document mentions. */
  organizations: Array<Organization>;
  /** Everyone the document mentions. */
  people: Array<Person>;
  /** Every place the document mentions. */
  places: Array<Place>;
  publishedOn?: Maybe<PartialDate>;
  /** The outlet, only where the text itself names it. */
  publisher?: Maybe<Scalars['String']['output']>;
  /** The outlet that published it, as an organization (kind MEDIA_OR_THINK_TANK), where a source supports it. */
  publisherOrganization?: Maybe<Organization>;
  /** The cleaned body: no site chrome, no reader comments. Claim spans index into it. */
  text: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** Only where the text itself gives it. */
  url?: Maybe<Scalars['String']['output']>;
};


/** A source text: an article, an analysis, a report. */
export type DocumentClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type DocumentConnection = {
  __typename?: 'DocumentConnection';
  edges: Array<DocumentEdge>;
  nodes: Array<Document>;
  pageInfo: PageInfo;
  /** How many items the whole list has, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type DocumentEdge = {
  __typename?: 'DocumentEdge';
  cursor: Scalars['String']['output'];
  node: Document;
};

export type EntityType =
  | 'CLAIM'
  | 'DOCUMENT'
  | 'EVENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PLACE';

/** Something that happened (or is scheduled) at a date. */
export type Event = {
  __typename?: 'Event';
  /** Other names the documents use for the event (the declaration is also called the Moscow Declaration). */
  aliases: Array<Scalars['String']['output']>;
  /** Claims about the event. */
  claims: ClaimConnection;
  /** The date the knowledge base uses; where documents disagree, the description says why this one. */
  date: PartialDate;
  description?: Maybe<Scalars['String']['output']>;
  /** True when documents give dates that cannot both be right (a month and a day inside it agree; a date the editors inferred does not count). */
  disputed: Scalars['Boolean']['output'];
  /** Documents that mention the event, newest first. */
  documents: DocumentConnection;
  id: Scalars['ID']['output'];
  participants: Array<Person>;
  /** Where it happened. */
  places: Array<Place>;
  /** Links to other events; each shows on both events, inverted. */
  related: Array<EventRelation>;
  /** Every date the documents give for this event. */
  reportedDates: Array<ReportedDate>;
  title: Scalars['String']['output'];
  /** The topics this event addresses, by name. */
  topics: Array<Topic>;
};


/** Something that happened (or is scheduled) at a date. */
export type EventClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something that happened (or is scheduled) at a date. */
export type EventDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type EventConnection = {
  __typename?: 'EventConnection';
  edges: Array<EventEdge>;
  nodes: Array<Event>;
  pageInfo: PageInfo;
  /** How many items the whole list has, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type EventEdge = {
  __typename?: 'EventEdge';
  cursor: Scalars['String']['output'];
  node: Event;
};

export type EventRelation = {
  __typename?: 'EventRelation';
  event: Event;
  kind: EventRelationKind;
};

/** How one event relates to another, seen from the event that carries the relation. */
export type EventRelationKind =
  /** The inverse of PRECEDES. */
  | 'FOLLOWS'
  /** The inverse of PART_OF. */
  | 'HAS_PART'
  /** This event is part of the other (a signing is part of a state visit). */
  | 'PART_OF'
  /** This event comes before the other and leads to it (the ceasefire precedes the peacekeepers' deployment). */
  | 'PRECEDES';

/** Where the query matched: a field of the result and the span in it. */
export type Highlight = {
  __typename?: 'Highlight';
  /**
   * The GraphQL field of the result that matched: title or text (Document),
   * name, aliases or description (Person), title or description (Event), text or
   * quote (Claim). For the list field `aliases` it carries the entry's index:
   * `aliases[1]` means the span indexes `aliases[1]`.
   */
  field: Scalars['String']['output'];
  /** Into the string the client receives for `field`: node[field].slice(span.start, span.end) is the matched word as written. */
  span: TextSpan;
};

/** A state, body, alliance, company or outlet the documents name. */
export type Organization = {
  __typename?: 'Organization';
  /** Other names, abbreviations and spellings the documents use (and common ones: Cyrillic, transliterations). */
  aliases: Array<Scalars['String']['output']>;
  /** Claims about this organization, in reading order. */
  claims: ClaimConnection;
  /** Claims the organization itself made (a government's statement, an outlet's report). */
  claimsMade: ClaimConnection;
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: OrganizationKind;
  /** Documents that mention it, newest first. */
  mentionedIn: DocumentConnection;
  /** Canonical name, in Latin script. */
  name: Scalars['String']['output'];
};


/** A state, body, alliance, company or outlet the documents name. */
export type OrganizationClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A state, body, alliance, company or outlet the documents name. */
export type OrganizationClaimsMadeArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A state, body, alliance, company or outlet the documents name. */
export type OrganizationMentionedInArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  edges: Array<OrganizationEdge>;
  nodes: Array<Organization>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  cursor: Scalars['String']['output'];
  node: Organization;
};

/** What kind of organization. */
export type OrganizationKind =
  /** A company (SOCAR, Lukoil). */
  | 'COMPANY'
  /** A ministry, presidential administration, parliament, army, agency. */
  | 'GOVERNMENT_BODY'
  /** An alliance or international organization (NATO, CSTO, EU, OSCE Minsk Group). */
  | 'INTERNATIONAL'
  /** A news outlet, website, think tank or institute. */
  | 'MEDIA_OR_THINK_TANK'
  | 'OTHER'
  /** A sovereign state acting as such (Turkey, Russia, Ukraine). */
  | 'STATE';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A calendar date known to some precision: 1997, 2021-06 or 2022-02-22. */
export type PartialDate = {
  __typename?: 'PartialDate';
  precision: DatePrecision;
  /** ISO 8601 in reduced precision: YYYY, YYYY-MM or YYYY-MM-DD. */
  value: Scalars['String']['output'];
};

export type Person = {
  __typename?: 'Person';
  /** Other spellings and forms the documents use. */
  aliases: Array<Scalars['String']['output']>;
  /** Documents this person wrote. */
  authored: Array<Document>;
  /** Claims this person made. */
  claims: ClaimConnection;
  /** Claims about this person, made by anyone, in reading order. */
  claimsAbout: ClaimConnection;
  /** Role or affiliation as the documents give it. */
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Documents that mention this person, newest first. */
  mentionedIn: DocumentConnection;
  /** Canonical name, in Latin script. */
  name: Scalars['String']['output'];
};


export type PersonClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonClaimsAboutArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type PersonMentionedInArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PersonConnection = {
  __typename?: 'PersonConnection';
  edges: Array<PersonEdge>;
  nodes: Array<Person>;
  pageInfo: PageInfo;
  /** How many items the whole list has, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: Person;
};

/** A place the documents name: a country's region, a city, a sea. */
export type Place = {
  __typename?: 'Place';
  /** Other names and spellings: Shusha, Shushi, Şuşa. */
  aliases: Array<Scalars['String']['output']>;
  /** Claims about this place, in reading order. */
  claims: ClaimConnection;
  description?: Maybe<Scalars['String']['output']>;
  /** Events that happened there, chronological. */
  events: EventConnection;
  id: Scalars['ID']['output'];
  /** Documents that mention it, newest first. */
  mentionedIn: DocumentConnection;
  name: Scalars['String']['output'];
};


/** A place the documents name: a country's region, a city, a sea. */
export type PlaceClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A place the documents name: a country's region, a city, a sea. */
export type PlaceEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A place the documents name: a country's region, a city, a sea. */
export type PlaceMentionedInArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PlaceConnection = {
  __typename?: 'PlaceConnection';
  edges: Array<PlaceEdge>;
  nodes: Array<Place>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PlaceEdge = {
  __typename?: 'PlaceEdge';
  cursor: Scalars['String']['output'];
  node: Place;
};

/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Every change after version `since` up to the current version, oldest first.
   * `since` may be as old as the version before the oldest one kept;
   * BAD_USER_INPUT when it is older than that or newer than the current one.
   */
  changes: ChangeConnection;
  claim?: Maybe<Claim>;
  /**
   * Related claim pairs, each listed once: all of them, or those of one kind,
   * or those where either claim is about `subjectId` (a person, organization,
   * place or event id).
   */
  claimRelations: ClaimPairConnection;
  /** Filters combine with AND. In reading order: by document, then position in its text. */
  claims: ClaimConnection;
  /** The version this request was answered from: every field of one request reads one version. */
  corpusVersion: CorpusVersion;
  /** The versions still kept, newest first. */
  corpusVersions: CorpusVersionConnection;
  document?: Maybe<Document>;
  /** Newest first. */
  documents: DocumentConnection;
  event?: Maybe<Event>;
  /**
   * Chronological. from/to are ISO dates in any precision (YYYY, YYYY-MM,
   * YYYY-MM-DD), both inclusive; an event is in range when the period its
   * date covers (a YEAR covers the whole year) overlaps [from, to]. With
   * matchReportedDates, an event is also in range when any date a document
   * reports for it overlaps [from, to]; it is listed once, at its first such date.
   * disputed: true lists only events whose documents give stated dates that
   * cannot both be right (Event.disputed); false only the others.
   */
  events: EventConnection;
  /** Always true: a cheap liveness probe. */
  healthy: Scalars['Boolean']['output'];
  organization?: Maybe<Organization>;
  /** By name. */
  organizations: OrganizationConnection;
  /** By name. */
  people: PersonConnection;
  person?: Maybe<Person>;
  place?: Maybe<Place>;
  /** By name. */
  places: PlaceConnection;
  /**
   * Full-text search across the knowledge base, best match first. Insensitive to
   * case and diacritics (Erdoğan finds Erdogan, Şuşa finds Shusha), to word
   * forms (peacekeepers finds peacekeeping), to compounds (cease-fire =
   * ceasefire) and to the script of a name (Алиев finds Aliyev); tolerant of
   * small misspellings; prefix-matching on the last word. Numbers match exactly.
   *
   * Syntax: words must all match (items that miss one word follow the full
   * matches); "double quotes" match an exact phrase; `a OR b` matches either;
   * `-word` or `-"a phrase"` excludes. An unbalanced quote is read as words.
   * An empty or whitespace query, or one over 200 characters, is BAD_USER_INPUT.
   * Every filter given must hold.
   */
  search: SearchConnection;
  topic?: Maybe<Topic>;
  /** The controlled list of topics, by name. */
  topics: TopicConnection;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  since: Scalars['Int']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryClaimArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryClaimRelationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ClaimRelationKind>;
  subjectId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryClaimsArgs = {
  aboutId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  documentId?: InputMaybe<Scalars['ID']['input']>;
  eventId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ClaimKind>;
  speakerId?: InputMaybe<Scalars['ID']['input']>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryCorpusVersionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryDocumentArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryDocumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryEventArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  disputed?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  matchReportedDates?: InputMaybe<Scalars['Boolean']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryOrganizationArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryOrganizationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<OrganizationKind>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryPlaceArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryPlacesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QuerySearchArgs = {
  aboutId?: InputMaybe<Scalars['ID']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  documentId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['String']['input']>;
  query: Scalars['String']['input'];
  speakerId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['String']['input']>;
  topicId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<SearchType>>;
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryTopicArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Pagination everywhere: `first` defaults to 20 and may be 0..100; anything
 * else is a BAD_USER_INPUT error, not a silent clamp. `after` takes an
 * endCursor from the same list; a cursor that was not issued by this server
 * for this list is a BAD_USER_INPUT error.
 */
export type QueryTopicsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A date as one document reports it. */
export type ReportedDate = {
  __typename?: 'ReportedDate';
  date: PartialDate;
  document: Document;
  /** How an inferred date was derived; null for a stated date. */
  inference?: Maybe<Scalars['String']['output']>;
  /** True when the document does not state this date in its words and the editors derived it from context. */
  inferred: Scalars['Boolean']['output'];
  /** The words of the document that give the date. */
  quote: Scalars['String']['output'];
  span: TextSpan;
};

export type SearchConnection = {
  __typename?: 'SearchConnection';
  edges: Array<SearchEdge>;
  nodes: Array<SearchHit>;
  pageInfo: PageInfo;
  /** How many hits the search has, across all pages (under the same types and filters), near misses included. */
  totalCount: Scalars['Int']['output'];
};

export type SearchEdge = {
  __typename?: 'SearchEdge';
  cursor: Scalars['String']['output'];
  node: SearchHit;
};

export type SearchHit = {
  __typename?: 'SearchHit';
  /**
   * Every word of the result that matched a query term, and every occurrence of
   * a quoted phrase as one span from its first word to its last, in field
   * order, then position.
   */
  highlights: Array<Highlight>;
  node: SearchResult;
  /**
   * Relevance, consistent with the order of the hits: the integer part says how
   * fully the hit matched (16 per query term matched, 8 unless it is an undated
   * item kept by from/to, 4 for an entity the query names or an event whose
   * date it names, 2 unless it is an entity found only through words of its
   * description, 1 for a one-word query matched as typed rather than in another
   * word form), the fraction is BM25 with field boosts. Only comparable between hits
   * of the same search.
   */
  score: Scalars['Float']['output'];
};

export type SearchResult = Claim | Document | Event | Organization | Person | Place;

export type SearchType =
  | 'CLAIM'
  | 'DOCUMENT'
  | 'EVENT'
  | 'ORGANIZATION'
  | 'PERSON'
  | 'PLACE';

/** Anything a claim can be about. */
export type Subject = Event | Organization | Person | Place;

/** A W3C Web Annotation style anchor: the quote with its context, so it can be found again if the text shifts. */
export type TextAnchor = {
  __typename?: 'TextAnchor';
  codePointEnd: Scalars['Int']['output'];
  /** The quote's position counted in Unicode code points (the Web Annotation TextPositionSelector). */
  codePointStart: Scalars['Int']['output'];
  /** Exactly the quote. */
  exact: Scalars['String']['output'];
  /** Up to 32 characters of text before the quote (shorter at the start of the text). */
  prefix: Scalars['String']['output'];
  /** What the last seed refresh found when it re-anchored the quote. */
  status: AnchorStatus;
  /** Up to 32 characters of text after the quote. */
  suffix: Scalars['String']['output'];
};

/** A half-open range of JavaScript string indices (UTF-16 code units): text.slice(start, end). */
export type TextSpan = {
  __typename?: 'TextSpan';
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
};

/** A theme of the controlled list that claims and events address (military cooperation, energy, sovereignty, the Karabakh settlement…). */
export type Topic = {
  __typename?: 'Topic';
  /** Other names users type for it. */
  aliases: Array<Scalars['String']['output']>;
  /** Claims that address this topic, in reading order. */
  claims: ClaimConnection;
  /** What the topic covers in these documents. */
  description?: Maybe<Scalars['String']['output']>;
  /** Events that address this topic, chronological. */
  events: EventConnection;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};


/** A theme of the controlled list that claims and events address (military cooperation, energy, sovereignty, the Karabakh settlement…). */
export type TopicClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A theme of the controlled list that claims and events address (military cooperation, energy, sovereignty, the Karabakh settlement…). */
export type TopicEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type TopicConnection = {
  __typename?: 'TopicConnection';
  edges: Array<TopicEdge>;
  nodes: Array<Topic>;
  pageInfo: PageInfo;
  /** How many items the whole list has, across all pages. */
  totalCount: Scalars['Int']['output'];
};

export type TopicEdge = {
  __typename?: 'TopicEdge';
  cursor: Scalars['String']['output'];
  node: Topic;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;



/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = {
  SearchResult:
    | ( ClaimItem )
    | ( StoredDocumentItem )
    | ( EventItem )
    | ( OrganizationItem )
    | ( PersonItem )
    | ( PlaceItem )
  ;
  Subject:
    | ( EventItem )
    | ( OrganizationItem )
    | ( PersonItem )
    | ( PlaceItem )
  ;
};


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AnchorStatus: AnchorStatus;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Change: ResolverTypeWrapper<ChangeModel>;
  ChangeConnection: ResolverTypeWrapper<ConnectionModel<ChangeModel>>;
  ChangeEdge: ResolverTypeWrapper<EdgeModel<ChangeModel>>;
  ChangeKind: ChangeKind;
  Claim: ResolverTypeWrapper<ClaimItem>;
  ClaimConnection: ResolverTypeWrapper<ConnectionModel<ClaimItem>>;
  ClaimEdge: ResolverTypeWrapper<EdgeModel<ClaimItem>>;
  ClaimKind: ClaimKind;
  ClaimPair: ResolverTypeWrapper<ClaimPairItem>;
  ClaimPairConnection: ResolverTypeWrapper<ConnectionModel<ClaimPairItem>>;
  ClaimPairEdge: ResolverTypeWrapper<EdgeModel<ClaimPairItem>>;
  ClaimRelation: ResolverTypeWrapper<ClaimRelationModel>;
  ClaimRelationKind: ClaimRelationKind;
  CorpusVersion: ResolverTypeWrapper<VersionRecord>;
  CorpusVersionConnection: ResolverTypeWrapper<ConnectionModel<VersionRecord>>;
  CorpusVersionEdge: ResolverTypeWrapper<EdgeModel<VersionRecord>>;
  DatePrecision: DatePrecision;
  Document: ResolverTypeWrapper<StoredDocumentItem>;
  DocumentConnection: ResolverTypeWrapper<ConnectionModel<StoredDocumentItem>>;
  DocumentEdge: ResolverTypeWrapper<EdgeModel<StoredDocumentItem>>;
  EntityType: EntityType;
  Event: ResolverTypeWrapper<EventItem>;
  EventConnection: ResolverTypeWrapper<ConnectionModel<EventItem>>;
  EventEdge: ResolverTypeWrapper<EdgeModel<EventItem>>;
  EventRelation: ResolverTypeWrapper<EventRelationModel>;
  EventRelationKind: EventRelationKind;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Highlight: ResolverTypeWrapper<Highlight>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Organization: ResolverTypeWrapper<OrganizationItem>;
  OrganizationConnection: ResolverTypeWrapper<ConnectionModel<OrganizationItem>>;
  OrganizationEdge: ResolverTypeWrapper<EdgeModel<OrganizationItem>>;
  OrganizationKind: OrganizationKind;
  PageInfo: ResolverTypeWrapper<PageInfoModel>;
  PartialDate: ResolverTypeWrapper<PartialDateModel>;
  Person: ResolverTypeWrapper<PersonItem>;
  PersonConnection: ResolverTypeWrapper<ConnectionModel<PersonItem>>;
  PersonEdge: ResolverTypeWrapper<EdgeModel<PersonItem>>;
  Place: ResolverTypeWrapper<PlaceItem>;
  PlaceConnection: ResolverTypeWrapper<ConnectionModel<PlaceItem>>;
  PlaceEdge: ResolverTypeWrapper<EdgeModel<PlaceItem>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReportedDate: ResolverTypeWrapper<ReportedDateItem>;
  SearchConnection: ResolverTypeWrapper<ConnectionModel<SearchHitModel>>;
  SearchEdge: ResolverTypeWrapper<EdgeModel<SearchHitModel>>;
  SearchHit: ResolverTypeWrapper<SearchHitModel>;
  SearchResult: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['SearchResult']>;
  SearchType: SearchType;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subject: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['Subject']>;
  TextAnchor: ResolverTypeWrapper<ClaimItem>;
  TextSpan: ResolverTypeWrapper<TextSpan>;
  Topic: ResolverTypeWrapper<TopicItem>;
  TopicConnection: ResolverTypeWrapper<ConnectionModel<TopicItem>>;
  TopicEdge: ResolverTypeWrapper<EdgeModel<TopicItem>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  Change: ChangeModel;
  ChangeConnection: ConnectionModel<ChangeModel>;
  ChangeEdge: EdgeModel<ChangeModel>;
  Claim: ClaimItem;
  ClaimConnection: ConnectionModel<ClaimItem>;
  ClaimEdge: EdgeModel<ClaimItem>;
  ClaimPair: ClaimPairItem;
  ClaimPairConnection: ConnectionModel<ClaimPairItem>;
  ClaimPairEdge: EdgeModel<ClaimPairItem>;
  ClaimRelation: ClaimRelationModel;
  CorpusVersion: VersionRecord;
  CorpusVersionConnection: ConnectionModel<VersionRecord>;
  CorpusVersionEdge: EdgeModel<VersionRecord>;
  Document: StoredDocumentItem;
  DocumentConnection: ConnectionModel<StoredDocumentItem>;
  DocumentEdge: EdgeModel<StoredDocumentItem>;
  Event: EventItem;
  EventConnection: ConnectionModel<EventItem>;
  EventEdge: EdgeModel<EventItem>;
  EventRelation: EventRelationModel;
  Float: Scalars['Float']['output'];
  Highlight: Highlight;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Organization: OrganizationItem;
  OrganizationConnection: ConnectionModel<OrganizationItem>;
  OrganizationEdge: EdgeModel<OrganizationItem>;
  PageInfo: PageInfoModel;
  PartialDate: PartialDateModel;
  Person: PersonItem;
  PersonConnection: ConnectionModel<PersonItem>;
  PersonEdge: EdgeModel<PersonItem>;
  Place: PlaceItem;
  PlaceConnection: ConnectionModel<PlaceItem>;
  PlaceEdge: EdgeModel<PlaceItem>;
  Query: Record<PropertyKey, never>;
  ReportedDate: ReportedDateItem;
  SearchConnection: ConnectionModel<SearchHitModel>;
  SearchEdge: EdgeModel<SearchHitModel>;
  SearchHit: SearchHitModel;
  SearchResult: ResolversUnionTypes<ResolversParentTypes>['SearchResult'];
  String: Scalars['String']['output'];
  Subject: ResolversUnionTypes<ResolversParentTypes>['Subject'];
  TextAnchor: ClaimItem;
  TextSpan: TextSpan;
  Topic: TopicItem;
  TopicConnection: ConnectionModel<TopicItem>;
  TopicEdge: EdgeModel<TopicItem>;
};

export type ChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Change'] = ResolversParentTypes['Change']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChangeKind'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EntityType'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeConnection'] = ResolversParentTypes['ChangeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Change']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeEdge'] = ResolversParentTypes['ChangeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Change'], ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  about?: Resolver<Array<ResolversTypes['Subject']>, ParentType, ContextType>;
  anchor?: Resolver<ResolversTypes['TextAnchor'], ParentType, ContextType>;
  citation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimKind'], ParentType, ContextType>;
  provision?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['ClaimRelation']>, ParentType, ContextType, Partial<ClaimRelationsArgs>>;
  sourceLink?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  span?: Resolver<ResolversTypes['TextSpan'], ParentType, ContextType>;
  speaker?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  speakerOrganization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  statedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClaimConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimConnection'] = ResolversParentTypes['ClaimConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimEdge'] = ResolversParentTypes['ClaimEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type ClaimPairResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimPair'] = ResolversParentTypes['ClaimPair']> = {
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimRelationKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  other?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type ClaimPairConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimPairConnection'] = ResolversParentTypes['ClaimPairConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimPairEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ClaimPair']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimPairEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimPairEdge'] = ResolversParentTypes['ClaimPairEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ClaimPair'], ParentType, ContextType>;
};

export type ClaimRelationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimRelation'] = ResolversParentTypes['ClaimRelation']> = {
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimRelationKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type CorpusVersionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CorpusVersion'] = ResolversParentTypes['CorpusVersion']> = {
  claims?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contentHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  organizations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  people?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  places?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  publishedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CorpusVersionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CorpusVersionConnection'] = ResolversParentTypes['CorpusVersionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['CorpusVersionEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CorpusVersion']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CorpusVersionEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CorpusVersionEdge'] = ResolversParentTypes['CorpusVersionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CorpusVersion'], ParentType, ContextType>;
};

export type DocumentResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Document'] = ResolversParentTypes['Document']> = {
  authors?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  citation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<DocumentClaimsArgs>>;
  events?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organizations?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  people?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  publishedOn?: Resolver<Maybe<ResolversTypes['PartialDate']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publisherOrganization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type DocumentConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentConnection'] = ResolversParentTypes['DocumentConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DocumentEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DocumentEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DocumentEdge'] = ResolversParentTypes['DocumentEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
};

export type EventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<EventClaimsArgs>>;
  date?: Resolver<ResolversTypes['PartialDate'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  disputed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  documents?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<EventDocumentsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  participants?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  places?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  related?: Resolver<Array<ResolversTypes['EventRelation']>, ParentType, ContextType>;
  reportedDates?: Resolver<Array<ResolversTypes['ReportedDate']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type EventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventConnection'] = ResolversParentTypes['EventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['EventEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Event']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventEdge'] = ResolversParentTypes['EventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
};

export type EventRelationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['EventRelation'] = ResolversParentTypes['EventRelation']> = {
  event?: Resolver<ResolversTypes['Event'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EventRelationKind'], ParentType, ContextType>;
};

export type HighlightResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Highlight'] = ResolversParentTypes['Highlight']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  span?: Resolver<ResolversTypes['TextSpan'], ParentType, ContextType>;
};

export type OrganizationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<OrganizationClaimsArgs>>;
  claimsMade?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<OrganizationClaimsMadeArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['OrganizationKind'], ParentType, ContextType>;
  mentionedIn?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<OrganizationMentionedInArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type OrganizationConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrganizationConnection'] = ResolversParentTypes['OrganizationConnection']> = {
  edges?: Resolver<Array<ResolversTypes['OrganizationEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Organization']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OrganizationEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OrganizationEdge'] = ResolversParentTypes['OrganizationEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PartialDateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PartialDate'] = ResolversParentTypes['PartialDate']> = {
  precision?: Resolver<ResolversTypes['DatePrecision'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PersonResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  authored?: Resolver<Array<ResolversTypes['Document']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<PersonClaimsArgs>>;
  claimsAbout?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<PersonClaimsAboutArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentionedIn?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<PersonMentionedInArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PersonConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PersonConnection'] = ResolversParentTypes['PersonConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Person']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PersonEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Person'], ParentType, ContextType>;
};

export type PlaceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Place'] = ResolversParentTypes['Place']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<PlaceClaimsArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<PlaceEventsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mentionedIn?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<PlaceMentionedInArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type PlaceConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlaceConnection'] = ResolversParentTypes['PlaceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['PlaceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Place']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlaceEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PlaceEdge'] = ResolversParentTypes['PlaceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Place'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  changes?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, RequireFields<QueryChangesArgs, 'since'>>;
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<QueryClaimArgs, 'id'>>;
  claimRelations?: Resolver<ResolversTypes['ClaimPairConnection'], ParentType, ContextType, Partial<QueryClaimRelationsArgs>>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<QueryClaimsArgs>>;
  corpusVersion?: Resolver<ResolversTypes['CorpusVersion'], ParentType, ContextType>;
  corpusVersions?: Resolver<ResolversTypes['CorpusVersionConnection'], ParentType, ContextType, Partial<QueryCorpusVersionsArgs>>;
  document?: Resolver<Maybe<ResolversTypes['Document']>, ParentType, ContextType, RequireFields<QueryDocumentArgs, 'id'>>;
  documents?: Resolver<ResolversTypes['DocumentConnection'], ParentType, ContextType, Partial<QueryDocumentsArgs>>;
  event?: Resolver<Maybe<ResolversTypes['Event']>, ParentType, ContextType, RequireFields<QueryEventArgs, 'id'>>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, RequireFields<QueryEventsArgs, 'matchReportedDates'>>;
  healthy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'id'>>;
  organizations?: Resolver<ResolversTypes['OrganizationConnection'], ParentType, ContextType, Partial<QueryOrganizationsArgs>>;
  people?: Resolver<ResolversTypes['PersonConnection'], ParentType, ContextType, Partial<QueryPeopleArgs>>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  place?: Resolver<Maybe<ResolversTypes['Place']>, ParentType, ContextType, RequireFields<QueryPlaceArgs, 'id'>>;
  places?: Resolver<ResolversTypes['PlaceConnection'], ParentType, ContextType, Partial<QueryPlacesArgs>>;
  search?: Resolver<ResolversTypes['SearchConnection'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'query'>>;
  topic?: Resolver<Maybe<ResolversTypes['Topic']>, ParentType, ContextType, RequireFields<QueryTopicArgs, 'id'>>;
  topics?: Resolver<ResolversTypes['TopicConnection'], ParentType, ContextType, Partial<QueryTopicsArgs>>;
};

export type ReportedDateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ReportedDate'] = ResolversParentTypes['ReportedDate']> = {
  date?: Resolver<ResolversTypes['PartialDate'], ParentType, ContextType>;
  document?: Resolver<ResolversTypes['Document'], ParentType, ContextType>;
  inference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inferred?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  quote?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  span?: Resolver<ResolversTypes['TextSpan'], ParentType, ContextType>;
};

export type SearchConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchConnection'] = ResolversParentTypes['SearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SearchEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SearchEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchEdge'] = ResolversParentTypes['SearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SearchHit'], ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  highlights?: Resolver<Array<ResolversTypes['Highlight']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SearchResult'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SearchResultResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchResult'] = ResolversParentTypes['SearchResult']> = {
  __resolveType: TypeResolveFn<'Claim' | 'Document' | 'Event' | 'Organization' | 'Person' | 'Place', ParentType, ContextType>;
};

export type SubjectResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subject'] = ResolversParentTypes['Subject']> = {
  __resolveType: TypeResolveFn<'Event' | 'Organization' | 'Person' | 'Place', ParentType, ContextType>;
};

export type TextAnchorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TextAnchor'] = ResolversParentTypes['TextAnchor']> = {
  codePointEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  codePointStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exact?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['AnchorStatus'], ParentType, ContextType>;
  suffix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TextSpanResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TextSpan'] = ResolversParentTypes['TextSpan']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TopicResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Topic'] = ResolversParentTypes['Topic']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<TopicClaimsArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  events?: Resolver<ResolversTypes['EventConnection'], ParentType, ContextType, Partial<TopicEventsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TopicConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicConnection'] = ResolversParentTypes['TopicConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TopicEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Topic']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TopicEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicEdge'] = ResolversParentTypes['TopicEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Topic'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Change?: ChangeResolvers<ContextType>;
  ChangeConnection?: ChangeConnectionResolvers<ContextType>;
  ChangeEdge?: ChangeEdgeResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  ClaimConnection?: ClaimConnectionResolvers<ContextType>;
  ClaimEdge?: ClaimEdgeResolvers<ContextType>;
  ClaimPair?: ClaimPairResolvers<ContextType>;
  ClaimPairConnection?: ClaimPairConnectionResolvers<ContextType>;
  ClaimPairEdge?: ClaimPairEdgeResolvers<ContextType>;
  ClaimRelation?: ClaimRelationResolvers<ContextType>;
  CorpusVersion?: CorpusVersionResolvers<ContextType>;
  CorpusVersionConnection?: CorpusVersionConnectionResolvers<ContextType>;
  CorpusVersionEdge?: CorpusVersionEdgeResolvers<ContextType>;
  Document?: DocumentResolvers<ContextType>;
  DocumentConnection?: DocumentConnectionResolvers<ContextType>;
  DocumentEdge?: DocumentEdgeResolvers<ContextType>;
  Event?: EventResolvers<ContextType>;
  EventConnection?: EventConnectionResolvers<ContextType>;
  EventEdge?: EventEdgeResolvers<ContextType>;
  EventRelation?: EventRelationResolvers<ContextType>;
  Highlight?: HighlightResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  OrganizationConnection?: OrganizationConnectionResolvers<ContextType>;
  OrganizationEdge?: OrganizationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PartialDate?: PartialDateResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  PersonConnection?: PersonConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Place?: PlaceResolvers<ContextType>;
  PlaceConnection?: PlaceConnectionResolvers<ContextType>;
  PlaceEdge?: PlaceEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReportedDate?: ReportedDateResolvers<ContextType>;
  SearchConnection?: SearchConnectionResolvers<ContextType>;
  SearchEdge?: SearchEdgeResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchResult?: SearchResultResolvers<ContextType>;
  Subject?: SubjectResolvers<ContextType>;
  TextAnchor?: TextAnchorResolvers<ContextType>;
  TextSpan?: TextSpanResolvers<ContextType>;
  Topic?: TopicResolvers<ContextType>;
  TopicConnection?: TopicConnectionResolvers<ContextType>;
  TopicEdge?: TopicEdgeResolvers<ContextType>;
};

