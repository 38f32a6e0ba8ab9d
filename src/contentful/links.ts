/** Contentful's Link object: how every API points from one thing to another. */
export const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } });

/** A User link when who did it is known; Contentful leaves the key out otherwise. */
export const userLink = (id: string | null | undefined) => (id ? link('User', id) : undefined);

export const spaceLink = (spaceId: string) => link('Space', spaceId);
export const environmentLink = (environmentId: string) => link('Environment', environmentId);

/** The id a Link of `linkType` points at, or undefined when `value` is not such a link. */
export function linkedId(value: unknown, linkType: string): string | undefined {
  const sys = (value as { sys?: unknown } | null)?.sys as Record<string, unknown> | undefined;
  if (typeof value !== 'object' || value === null || typeof sys !== 'object' || sys === null) return undefined;
  return sys.type === 'Link' && sys.linkType === linkType && typeof sys.id === 'string' && sys.id.length > 0 ? sys.id : undefined;
}
