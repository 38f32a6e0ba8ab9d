/**
 * Hub search on the store's full-text index (the one the Delivery API's `query=` uses): the
 * index finds the published articles whose text has every word as a word prefix; we rank them
 * (title hits over description over body, then newest) and cut a snippet around the first hit.
 */
import { searchTermsOf } from '../store/index.js';
import { articlesPage, type ArticleInfo } from './catalog.js';
import type { SiteContext } from './data.js';

export interface SearchHit {
  article: ArticleInfo;
  score: number;
  /** Plain text around the first match in the body (or the description). */
  snippet: string;
}

/**
 * Matching articles ranked per query: the newest with the words in the title, and the newest
 * with them anywhere. The index covers every published article; this bounds the work per query.
 */
export const searchCandidates = { title: 50, anywhere: 100 };
/** Longest query we look at; the rest is ignored. */
export const maxQueryLength = 200;
const maxTerms = 8;

/** The store's distinct search words, held to the hub's tighter limits (a search box, not an API). */
export const searchTerms = (q: string): string[] => searchTermsOf(q.slice(0, maxQueryLength)).slice(0, maxTerms);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any term at the start of a word, as the index does (case-insensitive). */
export function termPattern(terms: string[]): RegExp | undefined {
  if (!terms.length) return undefined;
  const alternatives = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})[\\p{L}\\p{N}]*`, 'giu');
}

const hits = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

function snippetOf(text: string, re: RegExp, length = 220): string | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  if (!m) return undefined;
  const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, m.index - 60)) + 1);
  const cut = text.slice(start, start + length).replace(/\s+/g, ' ').trim();
  const end = start + length < text.length ? cut.replace(/\s+\S*$/, '') + '…' : cut;
  return (start > 0 ? '…' : '') + end;
}

export async function searchArticles(ctx: SiteContext, q: string, limit = 50): Promise<{ terms: string[]; hits: SearchHit[] }> {
  const terms = searchTerms(q);
  const re = termPattern(terms);
  if (!re) return { terms, hits: [] };
  const text = terms.join(' ');
  const [inTitle, anywhere] = await Promise.all([
    articlesPage(ctx, { where: [{ op: 'match', text, field: 'title' }], skip: 0, limit: searchCandidates.title }),
    articlesPage(ctx, { where: [{ op: 'match', text }], skip: 0, limit: searchCandidates.anywhere }),
  ]);
  const candidates = new Map([...inTitle.articles, ...anywhere.articles].map((a) => [a.id, a]));
  const found = [...candidates.values()].map((article) => {
    const score = 5 * hits(article.title, re) + 2 * hits(article.description, re) + Math.min(hits(article.bodyText, re), 20);
    const snippet = snippetOf(article.bodyText, re) ?? article.description;
    return { article, score, snippet };
  });
  // Ties: newest first, as lists are.
  found.sort((a, b) => b.score - a.score || b.article.publishDate.localeCompare(a.article.publishDate) || (a.article.id < b.article.id ? -1 : 1));
  return { terms, hits: found.slice(0, limit).map(({ article, score, snippet }) => ({ article, score, snippet })) };
}
