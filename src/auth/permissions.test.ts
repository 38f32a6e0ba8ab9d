import { describe, expect, it } from 'vitest';
import { adminActions, assertCan, can, contentActions, type Actor, type Role } from './permissions.js';

const actor = (role: Role, id = 'u1'): Actor => ({ kind: 'user', id, role });

describe('permissions', () => {
  it('lets admins do everything and viewers only read', () => {
    for (const action of [...contentActions, ...adminActions]) {
      expect(can(actor('admin'), action)).toBe(true);
      expect(can(actor('viewer'), action)).toBe(action === 'read');
    }
  });

  it('lets editors do all content work but not administration', () => {
    for (const action of contentActions) expect(can(actor('editor'), action)).toBe(true);
    for (const action of adminActions) expect(can(actor('editor'), action)).toBe(false);
  });

  it('lets authors create, and change or delete only their own unpublished drafts', () => {
    const author = actor('author', 'me');
    expect(can(author, 'create')).toBe(true);
    expect(can(author, 'update', { createdBy: 'me', published: false })).toBe(true);
    expect(can(author, 'delete', { createdBy: 'me' })).toBe(true);
    expect(can(author, 'update', { createdBy: 'someone-else' })).toBe(false);
    expect(can(author, 'update', { createdBy: 'me', published: true })).toBe(false);
    expect(can(author, 'update')).toBe(false);
    for (const action of ['publish', 'unpublish', 'archive', 'schedule', 'manageUsers'] as const) {
      expect(can(author, action, { createdBy: 'me' })).toBe(false);
    }
  });

  it('refuses with AccessDenied', () => {
    expect(() => assertCan(actor('viewer'), 'update')).toThrow(expect.objectContaining({ code: 'ACCESS_DENIED' }));
  });
});
