/* eslint-disable @typescript-eslint/no-non-null-assertion -- offsets and indices come from the loops and matches just above */
/**
 * The document entry's fields from the article's own metadata: a page's
 * og:/article: meta, JSON-LD NewsArticle, <time> and canonical link; a text's
 * title line, byline and dateline. Each field says where it was found, or
 * what was looked for when it was not.
 */
import * as chrono from 'chrono-node';

export interface Field<T> {
  value: T | null;
  /** Where the value was found, or what was looked for. */
  evidence: string;
}

export interface ArticleMeta {
  title: Field<string>;
  publisher: Field<string>;
  url: Field<string>;
  publishedOn: Field<string>;
  authors: Field<string[]>;
}

const found = <T>(value: T, evidence: string): Field<T> => ({ value, evidence });
const missing = <T>(lookedFor: string): Field<T> => ({ value: null, evidence: `none found; looked for ${lookedFor}` });

/** A date as the corpus writes it: YYYY-MM-DD from anything Date or chrono can read. */
export function isoDay(text: string): string | null {
  const direct = /^(\d{4}-\d{2}-\d{2})/u.exec(text.trim());
  if (direct?.[1] !== undefined) return direct[1];
  const parsed = chrono.parse(text)[0];
  if (parsed === undefined || !parsed.start.isCertain('year') || !parsed.start.isCertain('day')) return null;
  const d = parsed.start;
  return `${d.get('year')}-${pad(d.get('month'))}-${pad(d.get('day'))}`;
}
const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');

// ---- HTML ----

type Doc = ReturnType<typeof import('linkedom').parseHTML>['document'];

const meta = (doc: Doc, ...keys: string[]): { value: string; key: string } | undefined => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
    const value = el?.getAttribute('content')?.trim();
    if (value) return { value, key };
  }
  return undefined;
};

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  url?: string;
  author?: { name?: string } | { name?: string }[] | string;
  publisher?: { name?: string } | string;
}

function jsonLdArticle(doc: Doc): JsonLdArticle | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent);
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data, ...((data as { '@graph'?: unknown[] })['@graph'] ?? [])]) as {
      '@type'?: string | string[];
    }[];
    const article = items.find((i) =>
      [i['@type']].flat().some((t) => typeof t === 'string' && /(?:News)?Article|BlogPosting|Report/u.test(t)),
    );
    if (article !== undefined) return article as JsonLdArticle;
  }
  return undefined;
}

const names = (v: JsonLdArticle['author']): string[] =>
  [v ?? []].flat().flatMap((a) => (typeof a === 'string' ? [a] : a.name ? [a.name] : []));

export function metadataFromHtml(doc: Doc): ArticleMeta {
  const ld = jsonLdArticle(doc);
  const title = meta(doc, 'og:title', 'twitter:title');
  const site = meta(doc, 'og:site_name', 'application-name');
  const published = meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date');
  const authorMeta = meta(doc, 'author', 'article:author');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const ogUrl = meta(doc, 'og:url');
  const time = doc.querySelector('article time[datetime], time[datetime]')?.getAttribute('datetime') ?? undefined;
  const ldPublisher = typeof ld?.publisher === 'string' ? ld.publisher : ld?.publisher?.name;
  const pageTitle = doc.querySelector('title')?.textContent.trim();
  const ldAuthors = names(ld?.author);
  const day = (v: string | undefined) => (v === undefined ? null : isoDay(v));
  return {
    title: ld?.headline
      ? found(ld.headline, 'JSON-LD headline')
      : title
        ? found(title.value, `meta ${title.key}`)
        : pageTitle
          ? found(pageTitle, '<title>')
          : missing('JSON-LD headline, og:title, <title>'),
    publisher: ldPublisher
      ? found(ldPublisher, 'JSON-LD publisher.name')
      : site
        ? found(site.value, `meta ${site.key}`)
        : missing('JSON-LD publisher, og:site_name'),
    url: canonical
      ? found(canonical, 'link rel=canonical')
      : ogUrl
        ? found(ogUrl.value, 'meta og:url')
        : ld?.url
          ? found(ld.url, 'JSON-LD url')
          : missing('link rel=canonical, og:url, JSON-LD url'),
    publishedOn:
      day(ld?.datePublished) !== null
        ? found(day(ld?.datePublished)!, 'JSON-LD datePublished')
        : day(published?.value) !== null
          ? found(day(published?.value)!, `meta ${published?.key}`)
          : day(time) !== null
            ? found(day(time)!, '<time datetime>')
            : missing('JSON-LD datePublished, article:published_time, <time datetime>'),
    authors:
      ldAuthors.length > 0
        ? found(ldAuthors, 'JSON-LD author')
        : authorMeta && !/^https?:/u.test(authorMeta.value)
          ? found([authorMeta.value], `meta ${authorMeta.key}`)
          : missing('JSON-LD author, meta author, article:author'),
  };
}

// ---- plain text ----

/** "Author: Name", "By Name" or a line that is only a (titled) person's name. */
const BYLINE = /^(?:(?:Author|Written by|By)\s*:?\s+)(.+)$/iu;
const NAME_LINE = /^(?:(?:Dr|Prof|Mr|Ms|Mrs)\.?\s+)?(\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}’'-]+){1,2})$/u;
/** "Baku/23.02.22/" or "MOSCOW, Feb 26 (…) —": a news dateline. */
const DATELINE = /^\p{Lu}[\p{L} ]+\s*\/\s*(\d{1,2})\.(\d{1,2})\.(\d{2,4})\s*\//u;
const BIO = /^(?:Dr\.?\s+)?(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}) (?:is|was) (?:a|an|the) /u;
/** "Name's picture": the avatar of the account that posted the article. */
const PICTURE = /^(.+?)['’]s picture$/u;
/** A byline line is short: a caption or a heading that holds a date is not the article's date. */
const BYLINE_WORDS = 12;
const BRACKETED_PUBLISHER = /\s*\[([^\]]+)\]$/u;

export function metadataFromText(
  lines: readonly string[],
  removed: readonly { text: string; rule: string }[],
): ArticleMeta {
  const header = removed.filter((r) => r.rule.startsWith('not a sentence')).map((r) => r.text);
  const headings = header.filter((l) => l.split(/\s+/u).length >= 4 && !NAME_LINE.test(l) && !BYLINE.test(l));
  // A title the site suffixes with its name wins over tag lists and kickers above it.
  const titleLine = headings.find((l) => BRACKETED_PUBLISHER.test(l)) ?? headings[0];
  const picture = header.map((l) => PICTURE.exec(l)?.[1]).find((n) => n !== undefined);
  const bracketed = titleLine === undefined ? undefined : BRACKETED_PUBLISHER.exec(titleLine)?.[1];
  const urlLine = lines.find((l) => /^https?:\/\/\S+$/u.test(l));
  return {
    title: titleLine
      ? found(titleLine.replace(BRACKETED_PUBLISHER, ''), 'the first heading line')
      : missing('a heading line before the body'),
    publisher: bracketed
      ? found(bracketed, 'the [bracketed] name after the title')
      : picture
        ? found(picture, `the account line "${picture}'s picture"`)
        : urlLine
          ? found(new URL(urlLine).hostname.replace(/^www\./u, ''), 'the domain of the link in the text')
          : missing("a [bracketed] name after the title, an account's picture line, a link"),
    url: urlLine ? found(urlLine, 'a bare link line') : missing('a bare link line'),
    publishedOn: textDate(header, lines),
    authors: textAuthors(header, removed),
  };
}

function textDate(header: readonly string[], lines: readonly string[]): Field<string> {
  for (const line of lines.slice(0, 12)) {
    const m = DATELINE.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined && m[3] !== undefined) {
      const year = m[3].length === 2 ? `20${m[3]}` : m[3];
      return found(`${year}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`, `the dateline "${m[0]}"`);
    }
  }
  for (const line of header) {
    // Site chrome glues icon names to values ("access_time27 Feb 2022remove_red_eye335").
    const spaced = line
      .replace(/(\p{L})(\d)/gu, '$1 $2')
      .replace(/(\d)(\p{L})/gu, '$1 $2')
      .replace(/_/gu, ' ');
    if (spaced.split(/\s+/u).length > BYLINE_WORDS) continue;
    const day = chrono.parse(spaced).find((r) => r.start.isCertain('year') && r.start.isCertain('day'));
    if (day !== undefined)
      return found(
        `${day.start.get('year')}-${pad(day.start.get('month'))}-${pad(day.start.get('day'))}`,
        `"${day.text}" in the header line "${line}"`,
      );
  }
  return missing('a dateline ("Baku/23.02.22/"), a full date in a header or byline line ("Feb 26 2022")');
}

function textAuthors(header: readonly string[], removed: readonly { text: string; rule: string }[]): Field<string[]> {
  for (const line of header) {
    const by = BYLINE.exec(line)?.[1];
    if (by !== undefined) return found([by.trim()], `the byline "${line}"`);
  }
  const bio = removed.find((r) => r.rule === "the author's bio");
  const bioName = bio === undefined ? undefined : BIO.exec(bio.text)?.[1];
  if (bioName !== undefined) return found([bioName], `the author's bio "${bio!.text.slice(0, 80)}…"`);
  const nameLine = header.map((l) => NAME_LINE.exec(l)?.[1]).find((n) => n !== undefined);
  if (nameLine !== undefined) return found([nameLine], `the name line "${nameLine}" in the header`);
  return missing('a byline ("Author: …", "By …"), a name line in the header, an author bio');
}
