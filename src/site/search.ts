/**
 * Hub search on the store's full-text index (the one the Delivery API's `query=` uses): the
 * index finds the published articles whose text has every word as a word prefix; we rank them
 * (title hits over description over body, then newest) and cut a snippet around the first hit.
 */
import { queryTerms } from '../store/index.js';
import { articlesPage, type ArticleInfo } from './catalog.js';
import type { SiteContext } from './data.js';

export interface SearchHit {
  article: ArticleInfo;
  score: number;
  /** Plain text around the first match in the body (or the description). */
  snippet: string;
}

/** Matching articles ranked per query, the newest of them; the index itself covers every article. */
export const searchCandidates = 100;
/** Longest query we look at; the rest is ignored. */
export const maxQueryLength = 200;
const maxTerms = 8;

export const searchTerms = (q: string): string[] => [...new Set(queryTerms(q.slice(0, maxQueryLength)))].slice(0, maxTerms);

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
  const { articles } = await articlesPage(ctx, { where: [{ op: 'match', text: terms.join(' ') }], skip: 0, limit: searchCandidates });
  const found = articles.map((article, index) => {
    const score = 5 * hits(article.title, re) + 2 * hits(article.description, re) + Math.min(hits(article.bodyText, re), 20);
    const snippet = snippetOf(article.bodyText, re) ?? article.description;
    return { article, score, snippet, index };
  });
  found.sort((a, b) => b.score - a.score || a.index - b.index);
  return { terms, hits: found.slice(0, limit).map(({ article, score, snippet }) => ({ article, score, snippet })) };
}
