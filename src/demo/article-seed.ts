import type { Document } from '@contentful/rich-text-types';
import type { TopicSlug } from './people.js';

/** One demo article with its featured image, as authors would write it. */
export interface ArticleSeed {
  slug: string;
  title: string;
  description: string;
  publishDate: string;
  type: 'Article';
  /** One to three topics, by slug. */
  topics: TopicSlug[];
  image: {
    fileName: string;
    contentType: 'image/jpeg' | 'image/png' | 'image/webp';
    /** The alt text, stored as the asset's description. */
    alt: string;
    title: string;
    /** The illustration as an SVG document, 1920 × 1280; pure, so renders are byte-identical. */
    draw: () => string;
  };
  /** Rich text, built with the helpers in rich-text.ts. */
  body: Document;
}
