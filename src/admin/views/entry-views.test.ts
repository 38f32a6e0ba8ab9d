/** The entries list and the generic entry editor, with every widget, are valid HTML and escape what they show. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { defineField } from '../../store/define-field.js';
import type { FieldDefinition } from '../../store/types.js';
import { formFields, rawOf } from '../entry-form.js';
import { defaultState } from '../entry-list.js';
import { renderBulkConfirm, renderEntries } from './entries.js';
import { renderEntryEdit } from './entry-edit.js';

// A group of checkboxes shares one name, as radio buttons do: that is how a list is sent.
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] } });
const errorsIn = async (markup: string) =>
  (await validator.validateString(markup)).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`));

const evil = '<script>alert(1)</script>';
const viewer = { name: 'Ann', email: 'ann@example.com', role: 'admin' as const, contentTypes: [{ id: 'event', name: evil }] };
const csrf = 'token-123';

const defs: FieldDefinition[] = [
  defineField('title', 'Symbol', { required: true }),
  defineField('summary', 'Text'),
  defineField('count', 'Integer'),
  defineField('price', 'Number'),
  defineField('startsAt', 'Date'),
  defineField('free', 'Boolean'),
  defineField('kind', 'Symbol', { validations: [{ in: ['talk', evil] }] }),
  defineField('level', 'Symbol', { validations: [{ in: ['a', 'b'] }] }),
  defineField('tags', 'Array', { items: { type: 'Symbol', validations: [] } }),
  defineField('days', 'Array', { items: { type: 'Symbol', validations: [{ in: ['mon', 'tue'] }] } }),
  defineField('venue', 'Location'),
  defineField('extra', 'Object'),
  defineField('body', 'RichText'),
  defineField('speaker', 'Link', { linkType: 'Entry' }),
  defineField('related', 'Array', { items: { type: 'Link', linkType: 'Entry', validations: [] } }),
  defineField('poster', 'Link', { linkType: 'Asset' }),
  defineField('gallery', 'Array', { items: { type: 'Link', linkType: 'Asset', validations: [] } }),
];
const controls = new Map([
  ['level', { fieldId: 'level', widgetId: 'radio' }],
  ['title', { fieldId: 'title', widgetId: 'singleLine', settings: { helpText: evil } }],
]);
const fields = formFields(defs, controls);
const choices = [{ id: 'e1', label: evil, status: 'published' as const }];

const editor = renderEntryEdit({
  viewer,
  csrf,
  type: { id: 'event', name: 'Event' },
  id: 'e9',
  version: 3,
  status: 'changed',
  title: evil,
  locale: 'de-DE',
  locales: [
    { code: 'en-US', name: 'English' },
    { code: 'de-DE', name: 'German' },
  ],
  side: 'en-US',
  columns: (['de-DE', 'en-US'] as const).map((locale, i) => ({
    locale,
    name: locale === 'de-DE' ? 'German' : 'English',
    fields: fields.map((field) => ({
      field,
      locale,
      column: i === 0 ? '' : 'side.',
      required: field.def.required && locale === 'en-US',
      optionalHere: field.def.required && locale !== 'en-US',
      showLocale: true,
      raw: rawOf(field, field.def.id === 'startsAt' ? '2026-12-31T18:30+01:00' : undefined),
      fallback: field.kind === 'text' && locale === 'de-DE' ? { locale: 'en-US', raw: [evil] } : undefined,
      ...(['entry', 'entries', 'asset', 'assets'].includes(field.kind) ? { choices } : {}),
      readOnlyNote: field.def.id === 'count' && locale === 'de-DE' ? 'The same in every locale: edit it in en-US.' : undefined,
      uploadField: `event/${field.def.id}`,
    })),
  })),
  preview: { src: '/drafts/e9?expires=1&sig=a' },
  problems: [{ field: 'kind', message: evil }, { field: 'venue', message: 'Enter a latitude.' }, { field: 'title', locale: 'en-US', message: 'The property "title" is required here' }],
  can: { save: true, publish: true, unpublish: true, archive: true, delete: true },
});

const list = renderEntries({
  viewer,
  csrf,
  state: { ...defaultState, type: 'event', q: evil, status: 'draft', page: 2 },
  rows: [{ id: 'e9', version: 3, href: '/admin/entries/e9', title: evil, typeName: evil, status: 'draft', updatedAt: '2026-01-02T03:04:05.000Z', updatedBy: evil }],
  total: 30,
  pages: 2,
  types: [{ id: 'event', name: evil }],
  users: [{ id: 'u1', name: evil }],
  tags: [{ id: 't1', name: evil }],
  views: [{ id: 'v1', name: evil, href: '/admin/entries?status=draft', current: false }],
  verbs: ['publish', 'unpublish', 'archive', 'unarchive', 'delete'],
  canCreate: true,
  selectAll: false,
  summary: { action: 'publish', done: [{ id: 'e1', title: evil }], refused: [{ id: 'e2', title: evil, reasons: [evil] }] },
});

const confirm = renderBulkConfirm({
  viewer,
  csrf,
  action: 'delete',
  entries: [
    { id: 'e1', version: 2, title: evil, live: false },
    { id: 'e2', version: 4, title: evil, live: true },
  ],
  returnHref: '/admin/entries?status=draft',
});

describe('entry views', () => {
  it.each([
    ['entries', list],
    ['bulkConfirm', confirm],
    ['entryEdit', editor],
  ])('%s is valid HTML and escapes content', async (_name, page) => {
    expect(await errorsIn(page)).toEqual([]);
    expect(page).not.toContain(evil);
  });

  it('gives every field kind its widget, and marks problems beside their fields', () => {
    expect(fields.map((f) => f.kind)).toEqual(['text', 'textarea', 'number', 'number', 'date', 'boolean', 'choice', 'choice', 'tags', 'choices', 'location', 'json', 'json', 'entry', 'entries', 'asset', 'assets']);
    expect(editor).toMatch(/<div class="field invalid" data-field="kind"[\s\S]*?id="f-kind-error">&lt;script&gt;/);
    expect(editor).toMatch(/<input type="datetime-local" id="f-startsAt" name="f\.startsAt" value="2026-12-31T18:30"/);
    expect(editor).not.toContain('name="f.count.shown"');
    expect(editor).toContain('href="#f-venue"');
    expect(editor).toContain('href="#f-en-US-title"');
    expect(editor).toMatch(/<div class="field invalid" data-field="title" data-locale="en-US"[\s\S]*?name="side\.f\.title"[\s\S]*?id="f-en-US-title-error">The property/);
    expect(editor).toContain('name="side.f.count.shown"');
    expect(editor).toContain('(optional in de-DE)');
    expect(editor).toContain('<iframe id="preview-frame"');
  });

  it('lets media pickers (only those) upload, held to their field’s rules, once the script runs', () => {
    const zones = [...editor.matchAll(/data-upload data-field="([^"]+)" data-picker-for="([^"]+)" hidden/g)].map((m) => [m[1], m[2]]);
    // Both locale columns, field by field: the form's own locale, then the one beside it.
    const media = fields.filter((f) => f.kind === 'asset' || f.kind === 'assets').flatMap((f) => [`f-${f.def.id}`, `f-en-US-${f.def.id}`].map((id) => [`event/${f.def.id}`, id]));
    expect(zones).toEqual(media);
    expect(media).toHaveLength(4);
  });
});
