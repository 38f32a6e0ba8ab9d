/**
 * Contentful's webhook topics: definitions hold `Type.action` patterns with `*` wildcards;
 * events carry `ContentManagement.Type.action`.
 */
export const entityTypes = ['Entry', 'Asset', 'ContentType'] as const;
export const actions = ['create', 'save', 'auto_save', 'archive', 'unarchive', 'publish', 'unpublish', 'delete'] as const;

const prefix = 'ContentManagement.';

/** `Entry.publish`, `*.*`, `Asset.*` (a `ContentManagement.` prefix is accepted and dropped); undefined if invalid. */
export function normalizeTopic(topic: string): string | undefined {
  const bare = topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  const [type, action, ...rest] = bare.split('.');
  if (rest.length > 0 || type === undefined || action === undefined) return undefined;
  const typeOk = type === '*' || (entityTypes as readonly string[]).includes(type);
  const actionOk = action === '*' || (actions as readonly string[]).includes(action);
  return typeOk && actionOk ? `${type}.${action}` : undefined;
}

/** Whether an event's topic (`ContentManagement.Entry.publish`) is one of the definition's. */
export function topicMatches(patterns: readonly string[], eventTopic: string): boolean {
  const [type, action] = eventTopic.slice(prefix.length).split('.');
  return patterns.some((p) => {
    const [pt, pa] = p.split('.');
    return (pt === '*' || pt === type) && (pa === '*' || pa === action);
  });
}
