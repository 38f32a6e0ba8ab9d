/**
 * Reads the seed page(s) in `test/fixtures/seed/` (a copy of the seed the demo reproduces): the featured images (alt
 * text and URL) and, where the page shows them, each card's title, summary, date and type.
 * Test support only; nothing at run time reads the seed.
 */
import fs from 'node:fs';

export interface SeedCard {
  alt: string;
  url: string;
  /** The lines under the image up to the next image: title, summary, date, type. */
  lines: string[];
}

/** Kept in the repository so a clone without `../shared` passes its tests. */
export const seedDir = new URL('../../../test/fixtures/seed/', import.meta.url);

const image = /^!\[(.+)\]\((https?:\/\/[^)\s]+)\)\s*$/;

export function readSeedCards(dir: URL = seedDir): SeedCard[] {
  const cards: SeedCard[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const line of fs.readFileSync(new URL(name, dir), 'utf8').split('\n')) {
      const m = image.exec(line.trim());
      if (m) cards.push({ alt: m[1]!, url: m[2]!, lines: [] });
      else if (line.trim() && cards.length > 0) cards[cards.length - 1]!.lines.push(line.trim());
    }
  }
  return cards;
}

/** The file extension of an image URL's path, lower-cased: `jpg`, `png`, `webp`, `jpeg`. */
export const extensionOf = (url: string) => new URL(url).pathname.split('.').pop()!.toLowerCase();
