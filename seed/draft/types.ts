/** What a draft is made of: corpus entries, each with the reason it was proposed. */
import type {
  ClaimEntry,
  Corpus,
  DocumentEntry,
  EventEntry,
  OrganizationEntry,
  PersonEntry,
  PlaceEntry,
  ReportedDateEntry,
} from '../../functions/refresh/corpus-schema.js';

/** Why an entry was proposed: the rule that fired and the words it fired on. A reviewer deletes it to accept. */
export interface DraftMark {
  rule: string;
  evidence: string;
}

export type Drafted<T> = T & { draft: DraftMark };

/** A change to an entry the corpus already has: lists that grow (the merge adds what is missing). */
export interface Addition {
  file: 'people.yaml' | 'organizations.yaml' | 'places.yaml' | 'events.yaml';
  id: string;
  add: { mentionedIn?: string[]; aliases?: string[]; documents?: string[]; reportedDates?: ReportedDateEntry[] };
  draft: DraftMark;
}

/** Existing claims of other documents about the same subjects or events, for the editor to relate (or not). */
export interface RelatedClaims {
  claim: string;
  candidates: { claim: string; document: string; shared: string[]; quote: string }[];
}

export interface Draft {
  /** The file as received, and its name. */
  raw: { name: string; content: string };
  document: Drafted<DocumentEntry> & { text: string };
  people: Drafted<PersonEntry>[];
  organizations: Drafted<OrganizationEntry>[];
  places: Drafted<PlaceEntry>[];
  events: Drafted<EventEntry>[];
  claims: Drafted<ClaimEntry>[];
  additions: Addition[];
  related: RelatedClaims[];
  /** Every subject of the corpus the text names, and how (for the report and the evaluation). */
  knownSubjects: { id: string; how: string; words: string }[];
}

/** The corpus a draft is made against (seed/data, or in the evaluation the other articles). */
export type KnownCorpus = Corpus;

export class DraftInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DraftInputError';
  }
}
