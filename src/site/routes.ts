/** The public hub's HTTP layer: load (data.ts), shape view models, render (views/). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Document } from '@contentful/rich-text-types';
import { notFound } from '../errors/index.js';
import * as is from '../validate/is.js';
import {
  cardImageQuery,
  cardImageSize,
  fieldOf,
  imageOf,
  linkedAsset,
  linkedEntry,
  publishedArticle,
  publishedArticles,
  textOf,
  transformedUrl,
  type SiteContext,
} from './data.js';
import { cssHref, renderArticle, renderHome, siteCss } from './views/index.js';

export const siteName = 'Folio';

const heroWidths = [640, 960, 1280, 1920];
const heroQuery = (w: number) => `?w=${w}&h=${Math.round((w * 9) / 16)}&fit=fill&f=faces&fm=jpg&q=70&fl=progressive`;

function sendHtml(reply: FastifyReply, html: string) {
  return reply
    .type('text/html; charset=utf-8')
    .header('cache-control', 'public, max-age=0, must-revalidate')
    .send(html);
}

export async function siteRoutes(app: FastifyInstance, opts: { context: SiteContext }) {
  const ctx = opts.context;
  const { locale, publicUrl } = ctx;

  app.get(cssHref(), (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(siteCss),
  );

  app.get('/', async (_req, reply) => {
    const { articles, linked } = await publishedArticles(ctx);
    const cards = articles.map((article) => {
      const image = imageOf(ctx, linkedAsset(linked, fieldOf(article, 'featuredImage', locale)));
      return {
        title: textOf(article, 'title', locale),
        href: `/articles/${encodeURIComponent(textOf(article, 'slug', locale))}`,
        description: textOf(article, 'description', locale),
        publishDate: textOf(article, 'publishDate', locale),
        type: textOf(article, 'type', locale),
        ...(image ? { image: { src: transformedUrl(ctx, image.url, cardImageQuery), ...cardImageSize, alt: image.alt } } : {}),
      };
    });
    return sendHtml(reply, renderHome({ siteName, cards, publicUrl }));
  });

  app.get<{ Params: { slug: string } }>('/articles/:slug', async (request, reply) => {
    const found = await publishedArticle(ctx, request.params.slug);
    if (!found) throw notFound(`No article at ${request.url}`);
    const { article, linked } = found;
    const hero = imageOf(ctx, linkedAsset(linked, fieldOf(article, 'featuredImage', locale)));
    const author = linkedEntry(linked, fieldOf(article, 'author', locale));
    const topicLinks = fieldOf(article, 'topics', locale);
    const topics = (Array.isArray(topicLinks) ? topicLinks : [])
      .map((l) => linkedEntry(linked, l))
      .flatMap((t) => (t ? [{ name: textOf(t, 'name', locale), slug: textOf(t, 'slug', locale) }] : []));
    const body = fieldOf(article, 'body', locale);
    const slug = textOf(article, 'slug', locale);
    return sendHtml(
      reply,
      renderArticle({
        siteName,
        title: textOf(article, 'title', locale),
        description: textOf(article, 'description', locale),
        publishDate: textOf(article, 'publishDate', locale),
        type: textOf(article, 'type', locale),
        ...(author ? { authorName: textOf(author, 'name', locale) } : {}),
        topics,
        ...(hero
          ? {
              hero: {
                src: transformedUrl(ctx, hero.url, heroQuery(1280)),
                srcset: heroWidths.map((w) => `${transformedUrl(ctx, hero.url, heroQuery(w))} ${w}w`).join(', '),
                sizes: '(min-width: 960px) 880px, 100vw',
                width: 1280,
                height: 720,
                alt: hero.alt,
              },
            }
          : {}),
        ...(is.plainObject(body) ? { body: body as unknown as Document } : {}),
        resolveAsset: (id: string) => {
          const image = imageOf(ctx, linked.assets.get(id));
          return image && { src: transformedUrl(ctx, image.url, '?w=880&fm=jpg&q=75'), width: Math.min(880, image.width), height: Math.round((image.height * Math.min(880, image.width)) / image.width), alt: image.alt };
        },
        resolveEntryHref: (id: string) => {
          const entry = linked.entries.get(id);
          return entry?.sys.contentTypeId === 'article' ? `/articles/${encodeURIComponent(textOf(entry, 'slug', locale))}` : undefined;
        },
        canonicalUrl: `${publicUrl}/articles/${encodeURIComponent(slug)}`,
      }),
    );
  });
}
