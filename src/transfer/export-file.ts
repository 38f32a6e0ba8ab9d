/**
 * contentful-export's file: one JSON object whose arrays (contentTypes, editorInterfaces,
 * locales, tags, assets, entries, webhooks, roles) may be far bigger than memory. Read one
 * array at a time, one item at a time, with stream-json; each item is checked as every JSON
 * body Folio receives is (size, depth, prototype keys) before it goes further.
 */
import { createReadStream } from 'node:fs';
import chain from 'stream-chain';
import { parser } from 'stream-json';
import { pick } from 'stream-json/filters/pick.js';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { bodyLimits } from '../http/json-body.js';
import { inspectJson } from '../validate/json-shape.js';

export const exportSections = ['locales', 'tags', 'contentTypes', 'editorInterfaces', 'assets', 'entries', 'webhooks', 'roles'] as const;
export type ExportSection = (typeof exportSections)[number];

/** One entity of the file, a plain JSON object. */
export type ExportItem = Record<string, unknown>;

/** An item as read: usable, or refused with the reason (the import reports it and goes on). */
export type SectionItem = { item: ExportItem } | { refused: string; id: string };

/**
 * The items of one top-level array, in file order; a missing array yields nothing. `onBytes`
 * hears how far into the file the reading is: the only progress measure that needs no
 * counting pass over a file of any size.
 */
export async function* readSection(file: string, section: ExportSection, onBytes?: (bytesRead: number) => void): AsyncGenerator<SectionItem> {
  const source = createReadStream(file);
  const stream = chain([source, parser(), pick({ filter: section }), streamArray()]);
  try {
    for await (const { value } of stream as AsyncIterable<{ key: number; value: unknown }>) {
      onBytes?.(source.bytesRead);
      // An item is what a Management API body would carry, so it gets a body's limits.
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { refused: 'Each item must be a JSON object', id: '' };
        continue;
      }
      const problem = inspectJson(value, bodyLimits);
      const sys = (value as { sys?: { id?: unknown } }).sys;
      const id = typeof sys?.id === 'string' ? sys.id : '';
      if (problem) yield { refused: `The item breaks Folio's JSON rules (${problem.kind === 'forbiddenKey' ? `the key "${problem.key}"` : problem.kind} at ${problem.path.join('.') || 'its root'})`, id };
      else yield { item: value as ExportItem };
    }
  } finally {
    stream.destroy();
  }
}
