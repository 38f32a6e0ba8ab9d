import type { Document } from '@contentful/rich-text-types';

/** One demo article with its featured image, as authors would write it. */
export interface ArticleSeed {
  slug: string;
  title: string;
  description: string;
  publishDate: string;
  type: 'Article';
  topics: string[];
  image: {
    fileName: string;
    contentType: 'image/jpeg' | 'image/png' | 'image/webp';
    /** The alt text, stored as the asset's description. */
    alt: string;
    title: string;
    draw: () => string;
  };
  body: Document;
}
