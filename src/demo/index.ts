/**
 * The demo content Folio loads into an empty space: the content model, seven articles from the
 * seed page with their illustrations, topics and an author. Plain data; setup/demo.ts writes it.
 *
 * Ids are stable and readable (`image-<slug>`, `article-<slug>`, `topic-<slug>`,
 * `author-<slug>`); tests elsewhere refer to them, so change a slug only together with those.
 * Entries come in link order: topics and the author before the articles that link to them.
 */
import { readFile } from 'node:fs/promises';
import { loadSharp } from '../images/index.js';
import { link as linkTo } from '../contentful/links.js';
import type { Json } from '../store/types.js';
import type { ArticleSeed } from './article-seed.js';
import { associateDegreeArticle } from './articles/associate-degree.js';
import { devopsEngineerArticle } from './articles/devops-engineer.js';
import { devopsTeamArticle } from './articles/devops-team.js';
import { fullStackDeveloperArticle } from './articles/full-stack-developer.js';
import { gameDeveloperArticle } from './articles/game-developer.js';
import { learnPythonArticle } from './articles/learn-python.js';
import { typescriptVsJavascriptArticle } from './articles/typescript-vs-javascript.js';
import { height, width } from './illustrations/canvas.js';
import type { FaceBox } from '../images/types.js';
import { demoFaces } from './faces.js';
import { demoAuthor, demoTopics } from './people.js';

export { demoContentTypes } from './content-types.js';
export type { ArticleSeed } from './article-seed.js';

export interface DemoAsset {
  id: string;
  title: string;
  /** The alt text. */
  description: string;
  fileName: string;
  contentType: string;
  width: number;
  height: number;
  /** Where the detector finds faces in the rendered image (faces.ts). */
  faces: readonly FaceBox[];
  /** The image as the demo ships it (images/, made by render): what the loader stores. */
  read(): Promise<Buffer>;
  /** Draws the scene and encodes it: seconds of libvips work, so only to make the shipped file. */
  render(): Promise<Buffer>;
}

export interface DemoEntry {
  id: string;
  contentTypeId: string;
  /** Values for the default locale. */
  fields: Record<string, Json>;
}

export const demoArticles: ArticleSeed[] = [
  devopsEngineerArticle,
  fullStackDeveloperArticle,
  typescriptVsJavascriptArticle,
  gameDeveloperArticle,
  associateDegreeArticle,
  learnPythonArticle,
  devopsTeamArticle,
];

const link = (linkType: 'Entry' | 'Asset', id: string): Json => linkTo(linkType, id);

/** Fixed encoder settings: the same SVG always gives the same bytes. */
async function encode(svg: string, contentType: ArticleSeed['image']['contentType']): Promise<Buffer> {
  const image = (await loadSharp())(Buffer.from(svg));
  switch (contentType) {
    case 'image/png':
      return image.png({ compressionLevel: 9 }).toBuffer();
    case 'image/webp':
      return image.webp({ quality: 82 }).toBuffer();
    case 'image/jpeg':
      return image.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
  }
}

/** The shipped renders; the build copies them beside the compiled code. */
export const demoImagesDir = new URL('./images/', import.meta.url);

export const demoAssets: DemoAsset[] = demoArticles.map((a) => ({
  id: `image-${a.slug}`,
  title: a.image.title,
  description: a.image.alt,
  fileName: a.image.fileName,
  contentType: a.image.contentType,
  width,
  height,
  faces: demoFaces[`image-${a.slug}`] ?? [],
  read: () => readFile(new URL(a.image.fileName, demoImagesDir)),
  render: () => encode(a.image.draw(), a.image.contentType),
}));

export const demoEntries: DemoEntry[] = [
  ...demoTopics.map((t) => ({ id: `topic-${t.slug}`, contentTypeId: 'topic', fields: { ...t } })),
  { id: `author-${demoAuthor.slug}`, contentTypeId: 'author', fields: { ...demoAuthor } },
  ...demoArticles.map((a) => ({
    id: `article-${a.slug}`,
    contentTypeId: 'article',
    fields: {
      title: a.title,
      slug: a.slug,
      description: a.description,
      body: a.body as unknown as Json,
      publishDate: a.publishDate,
      type: a.type,
      featuredImage: link('Asset', `image-${a.slug}`),
      topics: a.topics.map((slug) => link('Entry', `topic-${slug}`)),
      author: link('Entry', `author-${demoAuthor.slug}`),
    },
  })),
];
