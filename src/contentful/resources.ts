/**
 * Contentful's resource types by the path segment that lists them, and a request path read as
 * Contentful's: `/spaces/{space}[/environments/{env}]/{collection}/{id}`. A 404 names the thing
 * a path asked for even where Folio has no route for it (bulk actions, releases …).
 */
export const resourceTypes: ReadonlyMap<string, string> = new Map([
  ['entries', 'Entry'],
  ['assets', 'Asset'],
  ['content_types', 'ContentType'],
  ['locales', 'Locale'],
  ['tags', 'Tag'],
  ['environments', 'Environment'],
  ['api_keys', 'ApiKey'],
  ['preview_api_keys', 'PreviewApiKey'],
  ['webhook_definitions', 'WebhookDefinition'],
  ['uploads', 'Upload'],
  ['snapshots', 'Snapshot'],
  ['scheduled_actions', 'ScheduledAction'],
  ['bulk_actions/actions', 'BulkAction'],
  ['releases', 'Release'],
  ['extensions', 'Extension'],
  ['app_installations', 'AppInstallation'],
  ['roles', 'Role'],
  ['space_memberships', 'SpaceMembership'],
  ['environment_aliases', 'EnvironmentAlias'],
  ['tasks', 'Task'],
  ['comments', 'Comment'],
]);

export interface PathScope {
  spaceId: string;
  environmentId?: string;
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

const idPart = '[^/?#]{1,256}';
const scopePattern = new RegExp(`^/(?:delivery/|preview/|management/)?spaces/(${idPart})(?:/environments/(${idPart}))?(?:/(.*))?$`);

/** The space and environment a request path names, if it names one. */
export function scopeOfPath(url: string): (PathScope & { rest: string | undefined }) | undefined {
  const m = scopePattern.exec(url.split('?')[0]!);
  if (!m) return undefined;
  return { spaceId: decode(m[1]!), ...(m[2] ? { environmentId: decode(m[2]) } : {}), rest: m[3] };
}

/** `{type, id}` of the single resource at the end of a path (its last collection and id), if any. */
export function resourceOfPath(rest: string | undefined): { type: string; id: string } | undefined {
  if (!rest) return undefined;
  const parts = rest.replace(/\/$/, '').split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    const two = i > 0 ? resourceTypes.get(`${parts[i - 1]}/${parts[i]}`) : undefined;
    const type = two ?? resourceTypes.get(parts[i]!);
    if (type) return { type, id: decode(parts[i + 1]!) };
  }
  return undefined;
}
