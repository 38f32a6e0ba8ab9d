/** The links of a RichText document, grouped as Contentful's `links { entries { … } assets { … } }`. */
import type { Json } from '../store/index.js';

export interface RichTextLinks {
  entries: { inline: string[]; block: string[]; hyperlink: string[] };
  assets: { block: string[]; hyperlink: string[] };
}

const placeOf: Readonly<Record<string, ['entries', 'inline' | 'block' | 'hyperlink'] | ['assets', 'block' | 'hyperlink']>> = {
  'embedded-entry-inline': ['entries', 'inline'],
  'embedded-entry-block': ['entries', 'block'],
  'entry-hyperlink': ['entries', 'hyperlink'],
  'embedded-asset-block': ['assets', 'block'],
  'asset-hyperlink': ['assets', 'hyperlink'],
};

/** Ids in document order, each once per place; the stored document's depth is bounded by the field rules. */
export function richTextLinks(doc: Json): RichTextLinks {
  const out: RichTextLinks = { entries: { inline: [], block: [], hyperlink: [] }, assets: { block: [], hyperlink: [] } };
  const visit = (node: Json) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const type = node.nodeType;
    const place = typeof type === 'string' && Object.hasOwn(placeOf, type) ? placeOf[type] : undefined;
    const id = ((node.data as { target?: { sys?: { id?: unknown } } } | undefined)?.target?.sys?.id);
    if (place && typeof id === 'string') {
      const list = (out[place[0]] as Record<string, string[]>)[place[1]]!;
      if (!list.includes(id)) list.push(id);
    }
    if (Array.isArray(node.content)) node.content.forEach(visit);
  };
  visit(doc);
  return out;
}
