/** Contentful's Link object: how every API points from one thing to another. */
export const link = (linkType: string, id: string) => ({ sys: { type: 'Link', linkType, id } });

/** A User link when who did it is known; Contentful leaves the key out otherwise. */
export const userLink = (id: string | null | undefined) => (id ? link('User', id) : undefined);

export const spaceLink = (spaceId: string) => link('Space', spaceId);
export const environmentLink = (environmentId: string) => link('Environment', environmentId);
