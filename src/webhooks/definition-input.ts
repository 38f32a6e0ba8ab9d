/**
 * A webhook definition as the Management API receives it, checked once at the edge. Problems
 * are collected and answered together as 422 ValidationFailed. Secrets that GET never shows
 * (secret header values, the basic-auth password, the signing secret) are kept when an update
 * leaves them out, because clients update by sending back what GET returned.
 */
import { randomBytes } from 'node:crypto';
import { FolioError, validationFailed } from '../errors/index.js';
import type { WebhookDefinitionBody, WebhookDefinitionRecord, WebhookHeader } from '../store/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { isForbiddenKey } from '../validate/json-shape.js';
import { filterProblem } from './filters.js';
import { literalAddress, publicTargetsOnly, refusedRange, type TargetPolicy } from './target.js';
import { normalizeTopic } from './topics.js';

/** Headers Folio sets itself on every call; a definition may not override them. */
/** Set by Folio, or hop-by-hop headers that would change how the call itself is framed. */
const reservedHeaders = new Set([
  'content-type', 'content-length', 'host', 'x-contentful-topic', 'x-contentful-webhook-name', 'x-folio-signature', 'x-folio-call-id', 'authorization',
  'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'te', 'trailer', 'expect',
]);
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;

export const generateSecret = () => randomBytes(32).toString('base64url');

interface Problem {
  name: string;
  path: Array<string | number>;
  details: string;
}

export function parseDefinition(
  input: unknown,
  existing?: WebhookDefinitionRecord,
  targets: TargetPolicy = publicTargetsOnly,
): WebhookDefinitionBody & { secretGiven: boolean } {
  if (!is.plainObject(input)) throw new FolioError('BAD_REQUEST', 'The request body must be a JSON object describing the webhook');
  const problems: Problem[] = [];
  const problem = (path: Array<string | number>, details: string, name = 'invalid') => problems.push({ name, path, details });

  const name = input.name;
  if (!is.nonEmptyString(name) || name.length > 255) problem(['name'], 'name must be a string of 1 to 255 characters', name === undefined ? 'required' : 'invalid');

  const url = input.url;
  if (!is.nonEmptyString(url)) problem(['url'], 'url is required', 'required');
  else if (url.length > 2048 || !isHttpUrl(url)) problem(['url'], 'url must be an absolute http:// or https:// URL');
  else if (refusedHost(new URL(url).hostname, targets)) {
    problem(['url'], 'url names a loopback, private or link-local address, which Folio does not call (FOLIO_WEBHOOK_ALLOW_PRIVATE=1 allows private networks)');
  }

  const topics: string[] = [];
  if (!Array.isArray(input.topics) || input.topics.length === 0) problem(['topics'], 'topics must be a non-empty list such as ["Entry.publish"] or ["*.*"]', input.topics === undefined ? 'required' : 'invalid');
  else
    input.topics.forEach((t, i) => {
      const topic = is.string(t) ? normalizeTopic(t) : undefined;
      if (topic === undefined) problem(['topics', i], `"${String(t)}" is not a topic: use Type.action with Type Entry, Asset, ContentType or * and a Contentful action or *`);
      else if (!topics.includes(topic)) topics.push(topic);
    });

  const filters: Json[] = [];
  if (input.filters !== undefined && input.filters !== null) {
    if (!Array.isArray(input.filters)) problem(['filters'], 'filters must be a list');
    else
      input.filters.forEach((f, i) => {
        const p = filterProblem(f);
        if (p) problem(['filters', i], p);
        else filters.push(f as Json);
      });
  }

  const headers: WebhookHeader[] = [];
  if (input.headers !== undefined && input.headers !== null) {
    if (!Array.isArray(input.headers) || input.headers.length > 30) problem(['headers'], 'headers must be a list of at most 30 { key, value } objects');
    else
      input.headers.forEach((h, i) => {
        if (!is.plainObject(h) || !is.string(h.key) || !headerName.test(h.key)) return problem(['headers', i, 'key'], 'key must be a valid HTTP header name');
        // Header names become keys of the request's header object: none may name a prototype.
        if (isForbiddenKey(h.key) || isForbiddenKey(h.key.toLowerCase())) return problem(['headers', i, 'key'], `${h.key} is not allowed as a header name`);
        if (reservedHeaders.has(h.key.toLowerCase())) return problem(['headers', i, 'key'], `${h.key} is set by Folio and cannot be overridden`);
        if (headers.some((x) => x.key.toLowerCase() === (h.key as string).toLowerCase())) return problem(['headers', i, 'key'], `${h.key} is given twice`);
        const secret = h.secret === true;
        let value = h.value;
        // A secret header sent back without its value keeps the stored one.
        if (value === undefined && secret) value = existing?.headers.find((x) => x.key === h.key && x.secret)?.value;
        if (!is.string(value) || value.length > 1000 || /[\r\n]/.test(value)) return problem(['headers', i, 'value'], 'value must be a single-line string of up to 1000 characters');
        headers.push({ key: h.key, value, secret });
      });
  }

  const username = input.httpBasicUsername ?? null;
  if (username !== null && (!is.string(username) || username.includes(':') || username.length > 255)) problem(['httpBasicUsername'], 'httpBasicUsername must be a string without ":"');
  let password = input.httpBasicPassword;
  if (password === undefined) password = username !== null && existing?.httpBasicUsername === username ? existing.httpBasicPassword : null;
  if (password !== null && !is.string(password)) problem(['httpBasicPassword'], 'httpBasicPassword must be a string');
  if (password !== null && username === null) problem(['httpBasicUsername'], 'httpBasicUsername is required with httpBasicPassword', 'required');

  const active = input.active ?? true;
  if (typeof active !== 'boolean') problem(['active'], 'active must be true or false');

  if (input.transformation !== undefined && input.transformation !== null) problem(['transformation'], 'transformations are not supported by Folio', 'unsupported');

  const secretGiven = input.secret !== undefined;
  const secret = secretGiven ? input.secret : (existing?.secret ?? generateSecret());
  if (!is.string(secret) || secret.length < 16 || secret.length > 256) problem(['secret'], 'secret must be a string of 16 to 256 characters');

  if (problems.length > 0) {
    throw validationFailed(problems, problems.map((p) => p.details).join('; '));
  }
  return {
    name: name as string,
    url: url as string,
    topics,
    filters,
    headers,
    httpBasicUsername: username as string | null,
    httpBasicPassword: password as string | null,
    active: active as boolean,
    secret: secret as string,
    secretGiven,
  };
}

/**
 * Cheap early refusal of what is visibly internal: IP literals and localhost. Names are only
 * resolved, and checked again, at call time, when it counts (target.ts).
 */
function refusedHost(hostname: string, targets: TargetPolicy): boolean {
  const literal = literalAddress(hostname);
  if (literal) return refusedRange(literal, targets) !== undefined;
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return !targets.allowPrivate && (name === 'localhost' || name.endsWith('.localhost'));
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
