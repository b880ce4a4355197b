/**
 * From a saved article (HTML or plain text) to its cleaned paragraphs and the
 * page's own metadata. Cleaning only removes: every paragraph kept is the
 * words of the source as they stand (for HTML, as the page's text content
 * shows them, runs of white space read as one space).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DraftInputError } from './types.js';
import { metadataFromHtml, metadataFromText, type ArticleMeta } from './metadata.js';

export interface Article {
  kind: 'html' | 'text';
  paragraphs: string[];
  /** What cleaning removed, and by which rule. */
  removed: { text: string; rule: string }[];
  meta: ArticleMeta;
}

const HTML_SIGN = /<(?:!doctype\s+html|html|head|body|article|p|div)[\s>]/iu;

/** Refuses what is neither text nor HTML: NUL bytes, invalid UTF-8, or mostly control characters. */
export function decodeArticle(bytes: Buffer, name: string): { kind: 'html' | 'text'; content: string } {
  if (bytes.includes(0)) throw new DraftInputError(`${name} is neither HTML nor text (it holds binary data)`);
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DraftInputError(`${name} is neither HTML nor text (not UTF-8)`);
  }
  const control = (content.match(/\p{Cc}/gu)?.length ?? 0) - (content.match(/[\t\n\r\f\v]/gu)?.length ?? 0);
  if (control > content.length / 100)
    throw new DraftInputError(`${name} is neither HTML nor text (control characters)`);
  if (content.trim() === '') throw new DraftInputError(`${name} is empty: there is no article to draft`);
  return { kind: HTML_SIGN.test(content.slice(0, 4000)) ? 'html' : 'text', content };
}

export function readArticle(kind: 'html' | 'text', content: string, name: string): Article {
  const article = kind === 'html' ? cleanHtml(content, name) : cleanText(content);
  if (article.paragraphs.length === 0) throw new DraftInputError(`${name} has no article body to draft`);
  return article;
}

/** A paragraph of body text ends like a sentence (or a quotation, or a colon before one). */
const SENTENCE_END = /[.!?:;"”»’'…]$/u;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/iu;
/** "Name is a policy analyst …": an author's bio closing the page. */
const BIO = /^(?:Dr\.?\s+)?(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}) (?:is|was) (?:a|an|the) /u;
/** Where the reader comments start: everything from there on is not the article. */
const COMMENTS_START = /^(?:[•·]|(?:Leave a Reply|\d+ Comments?|Comments?)\b)/iu;

/** Plain text: one paragraph a non-empty line; headers, chrome, captions, bios and comments removed. */
export function cleanText(raw: string): Article {
  const lines = raw.split(/\r?\n/u).map((l) => l.trim());
  const removed: Article['removed'] = [];
  const paragraphs: string[] = [];
  let inComments = false;
  const nonEmpty = lines.filter((l) => l !== '');
  nonEmpty.forEach((line) => {
    const rule = removalRule(line, inComments, paragraphs);
    if (rule === 'reader comments') inComments = true;
    if (rule === undefined) paragraphs.push(line);
    else removed.push({ text: line, rule });
  });
  // The author's bio closes the article, before any comments.
  const last = paragraphs.at(-1);
  if (last !== undefined && paragraphs.length > 1 && BIO.test(last)) {
    paragraphs.pop();
    removed.push({ text: last, rule: "the author's bio" });
  }
  return { kind: 'text', paragraphs, removed, meta: metadataFromText(nonEmpty, removed) };
}

function removalRule(line: string, inComments: boolean, kept: readonly string[]): string | undefined {
  if (inComments) return 'reader comments';
  if (COMMENTS_START.test(line)) return 'reader comments';
  if (URL_LINE.test(line)) return 'a bare link';
  if (!SENTENCE_END.test(line)) return 'not a sentence (title, byline, tags or site chrome)';
  if (/\s\/\s*[\p{L}.]+$/u.test(line) && !/[.!?]["”]?$/u.test(line)) return 'an image caption (ends with a credit)';
  if (kept.some((k) => k !== line && k.includes(line))) return 'repeats part of a paragraph (pull quote)';
  if (kept.includes(line)) return 'repeats a paragraph';
  return undefined;
}

/** HTML: the article body Readability finds, one paragraph a block of its output. */
export function cleanHtml(raw: string, name: string): Article {
  const { document } = parseHTML(raw);
  const meta = metadataFromHtml(document);
  // Readability changes the DOM it reads: it gets its own copy.
  const parsed = new Readability(parseHTML(raw).document, { charThreshold: 200 }).parse();
  if (parsed === null || parsed.content == null)
    throw new DraftInputError(`${name} has no article body (Readability found none)`);
  const body = parseHTML(`<html><body>${parsed.content}</body></html>`).document;
  const pageText = collapse(document.body.textContent);
  const paragraphs: string[] = [];
  const removed: Article['removed'] = [];
  for (const block of Array.from(body.querySelectorAll('p, li, blockquote, h2, h3, h4, h5, h6, pre'))) {
    if (block.querySelector('p, li, blockquote') !== null) continue;
    const text = collapse(block.textContent);
    if (text === '') continue;
    if (/^H\d$/u.test(block.tagName) || !SENTENCE_END.test(text))
      removed.push({ text, rule: 'not a sentence (heading or chrome)' });
    else if (!pageText.includes(text)) removed.push({ text, rule: 'not in the page text' });
    else if (paragraphs.includes(text)) removed.push({ text, rule: 'repeats a paragraph' });
    else paragraphs.push(text);
  }
  return { kind: 'html', paragraphs, removed, meta };
}

/** White space as a browser shows it: any run is one space. */
export const collapse = (text: string) => text.replace(/\s+/gu, ' ').trim();
