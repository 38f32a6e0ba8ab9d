/** Hub data → view models: cards with the seed's crop, heroes and leads through the Images API. */
import type { ArticleInfo, NavFrame } from './catalog.js';
import { cardImageQuery, cardImageSize, transformedUrl, type ImageRef, type SiteContext } from './data.js';
import { assetKey, entryKey } from './page-cache.js';
import { readingMinutes } from './reading.js';
import type { CardModel, PictureModel } from './views/parts.js';

export const articleHref = (slug: string) => `/articles/${encodeURIComponent(slug)}`;
export const topicHref = (slug: string) => `/topics/${encodeURIComponent(slug)}`;
export const authorHref = (slug: string) => `/authors/${encodeURIComponent(slug)}`;

const placeholder = (image: ImageRef) => ({
  ...(image.color ? { color: image.color } : {}),
  ...(image.thumbhash ? { thumbhash: image.thumbhash } : {}),
});

/** A crop of `image` at several widths, faces kept in frame, in the best format the browser takes. */
export function responsive(ctx: SiteContext, image: ImageRef, widths: number[], ratio: number, sizes: string, quality = 70): PictureModel {
  const usable = widths.filter((w) => w <= image.width);
  const list = usable.length ? usable : [Math.min(widths[0]!, image.width)];
  const query = (w: number) => `?w=${w}&h=${Math.round(w / ratio)}&fit=fill&f=faces&fm=auto&q=${quality}`;
  const fallback = list[Math.min(1, list.length - 1)]!;
  return {
    src: transformedUrl(ctx, image.url, query(fallback)),
    srcset: list.map((w) => `${transformedUrl(ctx, image.url, query(w))} ${w}w`).join(', '),
    sizes,
    width: fallback,
    height: Math.round(fallback / ratio),
    alt: image.alt,
    ...placeholder(image),
  };
}

/** The article page's hero: 16:9, up to the 55rem column. */
export const heroPicture = (ctx: SiteContext, image: ImageRef) =>
  responsive(ctx, image, [480, 640, 960, 1280, 1760], 16 / 9, '(min-width: 56rem) 55rem, 100vw');

/** The home page's lead story: the card's shape, larger. */
export const leadPicture = (ctx: SiteContext, image: ImageRef) =>
  responsive(ctx, image, [400, 660, 960, 1320], cardImageSize.width / cardImageSize.height, '(min-width: 64rem) 46rem, calc(100vw - 2rem)', 65);

/** Images inside an article body: their own shape, at most the text column's width. */
export function bodyPicture(ctx: SiteContext, image: ImageRef): PictureModel {
  return responsive(ctx, image, [480, 720, 960, 1440], image.width / image.height, '(min-width: 46rem) 42rem, calc(100vw - 2rem)', 75);
}

export function cardOf(ctx: SiteContext, a: ArticleInfo): CardModel {
  return {
    title: a.title,
    href: articleHref(a.slug),
    description: a.description,
    publishDate: a.publishDate,
    type: a.type,
    readingMinutes: readingMinutes(a.bodyText),
    ...(a.image
      ? { image: { src: transformedUrl(ctx, a.image.url, cardImageQuery), ...cardImageSize, alt: a.image.alt, ...placeholder(a.image) } }
      : {}),
  };
}

export function leadOf(ctx: SiteContext, a: ArticleInfo): CardModel {
  const card = cardOf(ctx, a);
  return a.image ? { ...card, image: leadPicture(ctx, a.image) } : card;
}

/** Topics that have at least one article, by name: chips and the footer. */
export function usedTopics(frame: NavFrame) {
  return frame.topics.filter((t) => frame.usedTopicIds.has(t.id)).map((t) => ({ name: t.name, slug: t.slug, id: t.id }));
}

/** What a list of articles shows, as page-cache dependency keys: their images. */
export const shownAssets = (articles: ArticleInfo[]) => articles.flatMap((a) => (a.image ? [assetKey(a.image.assetId)] : []));
/** The same with the articles themselves: what their cards depend on. */
export const shownArticles = (articles: ArticleInfo[]) => [...articles.map((a) => entryKey(a.id)), ...shownAssets(articles)];
