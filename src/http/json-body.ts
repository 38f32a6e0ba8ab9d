/**
 * The one JSON body parser for every API that takes JSON (Management, webhooks, scheduled
 * actions). JSON.parse itself copes with any nesting; what comes after it (JSON.stringify, SQLite's
 * JSON functions, recursive renderers) does not, so the parsed value is checked here, without
 * recursion, before any route sees it: nesting, size, and keys that could reach a prototype.
 */
import type { FastifyInstance } from 'fastify';
import { FolioError, validationFailed } from '../errors/index.js';
import { describeJsonProblem, inspectJson, type JsonLimits } from '../validate/json-shape.js';

/**
 * Far beyond any real document, so that the operations can name the field that is too deep
 * (stored values are held to much less, see field-rules.ts), and well inside what JSON.stringify
 * (about 7,000 levels on Node's default stack) handles if anything serializes a body.
 */
export const bodyLimits: JsonLimits = { maxDepth: 2000, maxNodes: 1_000_000 };

/**
 * Contentful's own request size limit. JSON.parse cannot be interrupted: a megabyte of `{}` is
 * already about 100 ms of parsing on a small machine; the ten allowed before held the event loop
 * for a second.
 */
export const jsonBodyLimit = 1024 * 1024;

/** Contentful's JSON media types: application/json and application/vnd.contentful.management.v1+json. */
export const jsonMediaType = /^application\/([\w.+-]+\+)?json\b/;

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new FolioError('BAD_REQUEST', `The body is not valid JSON: ${(err as Error).message}`);
  }
  const problem = inspectJson(value, bodyLimits);
  if (!problem) return value;
  const details = describeJsonProblem(problem, bodyLimits);
  // A forbidden key is a value the API refuses (422, naming where); a body too big to walk is malformed.
  if (problem.kind === 'forbiddenKey') throw validationFailed([{ name: 'prohibitedKey', path: problem.path, details: `${details} (it would reach an object's prototype)` }]);
  throw new FolioError('BAD_REQUEST', `The body is ${details}`, { details: { path: problem.path.slice(0, 20) } });
}

/**
 * Registers the parser for JSON media types in this context. Clients send a JSON content type
 * on bodiless requests too (publish, archive): an empty body is no body.
 */
export function acceptJsonBodies(app: FastifyInstance): void {
  app.addContentTypeParser(jsonMediaType, { parseAs: 'string', bodyLimit: jsonBodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(String(body)));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
