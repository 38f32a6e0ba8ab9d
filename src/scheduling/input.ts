/** A scheduled action as the Management API receives it, checked once at the edge. */
import { FolioError, validationFailed } from '../errors/index.js';
import type { ScheduledActionBody } from '../store/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';

interface Problem {
  name: string;
  path: string[];
  details: string;
}

const isLink = (v: unknown, linkTypes: readonly string[]): v is { sys: { linkType: string; id: string } } =>
  is.plainObject(v) && is.plainObject(v.sys) && v.sys.type === 'Link' && linkTypes.includes(v.sys.linkType as string) && is.nonEmptyString(v.sys.id);

/** An ISO-8601 date-time with an explicit offset or Z. */
const dateTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;

/** A date-time the scheduler accepts: ISO-8601 with Z or an offset, and a real date. */
export const isScheduleDateTime = (v: string): boolean => dateTime.test(v) && !Number.isNaN(Date.parse(v));

export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const referenceKinds = ['Entry', 'Asset'] as const;

/** payload: only Contentful's `withReferences` ({"Entry": ["publish"], "Asset": ["publish"]}). */
function payloadOf(v: unknown, problem: (path: string[], details: string) => void): Json | null {
  if (v === undefined || v === null) return null;
  const details = 'payload must be {"withReferences": {"Entry": ["publish"], "Asset": ["publish"]}}';
  if (!is.plainObject(v) || Object.keys(v).some((k) => k !== 'withReferences') || !is.plainObject(v.withReferences)) return (problem(['payload'], details), null);
  for (const [kind, actions] of Object.entries(v.withReferences)) {
    if (!is.oneOf(kind, referenceKinds) || !Array.isArray(actions) || actions.some((a) => a !== 'publish')) return (problem(['payload', 'withReferences'], details), null);
  }
  return v as Json;
}

export function parseScheduledAction(input: unknown, now = Date.now()): ScheduledActionBody {
  if (!is.plainObject(input)) throw new FolioError('BAD_REQUEST', 'The request body must be a JSON object describing the scheduled action');
  const problems: Problem[] = [];
  const problem = (path: string[], details: string, name = 'invalid') => problems.push({ name, path, details });

  const { entity, environment, action, scheduledFor } = input;
  const payload = payloadOf(input.payload, problem);
  if (!isLink(entity, ['Entry', 'Asset', 'Release'])) problem(['entity'], 'entity must be a Link to an Entry, Asset or Release', entity === undefined ? 'required' : 'invalid');
  if (environment !== undefined && !isLink(environment, ['Environment'])) problem(['environment'], 'environment must be a Link to an Environment');
  if (!is.oneOf(action, ['publish', 'unpublish'] as const)) problem(['action'], 'action must be "publish" or "unpublish"', action === undefined ? 'required' : 'invalid');

  let at: number | undefined;
  let timezone: string | null = null;
  if (!is.plainObject(scheduledFor) || !is.string(scheduledFor.datetime)) {
    problem(['scheduledFor', 'datetime'], 'scheduledFor.datetime is required', 'required');
  } else {
    const parsed = Date.parse(scheduledFor.datetime);
    if (!dateTime.test(scheduledFor.datetime) || Number.isNaN(parsed)) problem(['scheduledFor', 'datetime'], 'scheduledFor.datetime must be an ISO-8601 date-time with Z or an offset');
    else if (parsed <= now) problem(['scheduledFor', 'datetime'], 'scheduledFor.datetime must be in the future');
    else at = parsed;
    if (scheduledFor.timezone !== undefined && scheduledFor.timezone !== null) {
      if (!is.string(scheduledFor.timezone) || !validTimezone(scheduledFor.timezone)) problem(['scheduledFor', 'timezone'], 'scheduledFor.timezone must be an IANA time zone such as Europe/Berlin');
      else timezone = scheduledFor.timezone;
    }
  }

  if (problems.length > 0) throw validationFailed(problems, problems.map((p) => p.details).join('; '));
  const entityLink = entity as { sys: { linkType: 'Entry' | 'Asset' | 'Release'; id: string } };
  return {
    environmentId: environment === undefined ? 'master' : (environment as { sys: { id: string } }).sys.id,
    entityType: entityLink.sys.linkType,
    entityId: entityLink.sys.id,
    action: action as 'publish' | 'unpublish',
    scheduledFor: new Date(at!).toISOString(),
    timezone,
    ...(payload ? { payload } : {}),
  };
}
