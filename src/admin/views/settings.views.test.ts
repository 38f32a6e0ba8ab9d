/** The Settings screens are valid HTML (html-validate's recommended rules), labelled, and escape what they show. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { blankField, describeRules, parseFieldForm } from '../field-form.js';
import { blankWebhook, formValuesOf, parseWebhookForm } from '../webhook-form.js';
import { renderApiKeyCreated, renderApiKeyEdit, renderApiKeys } from './api-keys.js';
import { renderContentType, renderContentTypes, renderFieldEdit } from './content-types.js';
import { renderConfirm } from './settings.js';
import { renderWebhookCall, renderWebhookCalls, renderWebhookForm, renderWebhooks, renderWebhookSecret } from './webhooks.js';
import type { WebhookDefinitionRecord } from '../../store/index.js';

/** Topic checkboxes share one name, as checkbox groups do. */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }] } });
const errorsIn = async (markup: string) =>
  (await validator.validateString(markup)).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`));

const viewer = { name: 'Ann', email: 'ann@example.com', role: 'admin' as const };
const csrf = 'token-123';
const evil = '<script>alert(1)</script>';
const client = { space: 'folio', host: 'localhost:3000', insecure: true };

const hook: WebhookDefinitionRecord = {
  spaceId: 'folio',
  id: 'w1',
  name: evil,
  url: 'https://example.com/hook?a=1&b=2',
  topics: ['Entry.publish', '*.delete'],
  filters: [{ equals: [{ doc: 'sys.environment.sys.id' }, 'master'] }, { not: { in: [{ doc: 'sys.contentType.sys.id' }, ['author', 'topic']] } }, { regexp: [{ doc: 'sys.id' }, { pattern: '^draft-' }] }],
  headers: [{ key: 'X-Key', value: 'hidden', secret: true }, { key: 'X-Plain', value: evil, secret: false }],
  httpBasicUsername: 'user',
  httpBasicPassword: 'pw',
  active: true,
  secret: 's'.repeat(43),
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedBy: 'u1',
};

const call = { id: 'c1', at: '2026-01-02T03:04:05.000Z', topic: 'ContentManagement.Entry.publish', statusCode: 500, ok: false, durationMs: 1234, errors: [evil], attempt: 2 };
const field = { id: 'kind', name: evil, type: 'Short text (Symbol)', required: true, localized: false, omitted: true, rules: ['One of: a, b'], isDisplay: true };

const pages: Record<string, string> = {
  apiKeys: renderApiKeys({ viewer, csrf, keys: [{ id: 'k1', name: evil, description: evil, createdAt: '2026-01-01T00:00:00Z' }], problems: [{ field: 'name', message: 'Give it a name.' }], values: { name: '', description: evil } }),
  apiKeyCreated: renderApiKeyCreated({ viewer, csrf, name: evil, id: 'k1', accessToken: 'a'.repeat(43), previewToken: 'p'.repeat(43), client }),
  apiKeyEdit: renderApiKeyEdit({ viewer, csrf, id: 'k1', version: 2, createdAt: '2026-01-01T00:00:00Z', environments: ['master'], values: { name: evil, description: '' }, problems: [], client }),
  confirm: renderConfirm({ viewer, csrf, area: 'api-keys', title: `Delete ${evil}?`, consequence: evil, action: '/admin/api-keys/k1/delete', confirmLabel: 'Delete API key', cancelHref: '/admin/api-keys/k1', version: 3, problems: [{ field: 'confirm', message: 'Entries use it.' }] }),
  webhooks: renderWebhooks({ viewer, csrf, hooks: [{ id: 'w1', name: evil, url: evil, active: true, lastCall: { statusCode: 0, at: '2026-01-01T00:00:00Z', ok: false } }], notice: 'Saved.' }),
  webhookNew: renderWebhookForm({ viewer, csrf, values: { ...blankWebhook(), url: evil }, problems: [{ field: 'topics', message: 'Choose one.' }, { field: 'header-key-0', message: 'Bad header.' }, { field: 'env-values', message: 'Bad filter.' }], entityTypes: ['Entry', 'Asset', 'ContentType'], actions: ['create', 'save', 'auto_save', 'publish'] }),
  webhookEdit: renderWebhookForm({ viewer, csrf, id: 'w1', version: 3, values: formValuesOf(hook), problems: [], entityTypes: ['Entry', 'Asset', 'ContentType'], actions: ['create', 'publish'] }),
  webhookSecret: renderWebhookSecret({ viewer, csrf, id: 'w1', name: evil, secret: 's'.repeat(43), created: true }),
  webhookCalls: renderWebhookCalls({ viewer, csrf, id: 'w1', name: evil, calls: [call], total: 1, health: { total: 1, healthy: 0 } }),
  webhookCall: renderWebhookCall({ viewer, csrf, id: 'w1', name: evil, call: { ...call, url: evil }, request: { url: evil, method: 'POST', headers: { 'X-Plain': evil }, body: '{"a":1}' }, response: null }),
  contentTypes: renderContentTypes({ viewer, csrf, types: [{ id: 'event', name: evil, fields: 2, status: 'changed' }], problems: [{ field: 'id', message: 'Taken.' }], values: { id: 'event', name: evil, description: '', titleField: 'title' } }),
  contentType: renderContentType({
    viewer,
    csrf,
    id: 'event',
    version: 4,
    status: 'active',
    details: { name: evil, description: evil, displayField: 'kind', previewUrl: `/events/{fields.slug}?x=${evil}` },
    displayChoices: [{ id: 'kind', name: evil }],
    fields: [field],
    newField: { ...blankField(), id: '1x' },
    problems: [{ field: 'field-id', message: 'Bad id.' }, { field: 'field-in', message: 'Bad values.' }, { field: 'field-type', message: 'Bad type.' }],
  }),
  fieldEdit: renderFieldEdit({ viewer, csrf, typeId: 'event', typeName: evil, version: 4, values: { ...blankField(), id: 'kind', name: evil, inValues: 'a\nb' }, problems: [{ field: 'field-unique', message: 'Not here.' }] }),
};

describe('settings views', () => {
  it.each(Object.keys(pages))('%s is valid HTML with the settings navigation, and escapes content', async (name) => {
    const page = pages[name]!;
    expect(await errorsIn(page)).toEqual([]);
    expect(page).toContain('<nav class="subnav" aria-label="Settings">');
    expect(page).not.toContain(evil);
  });

  it('marks the invalid fields and links the summary to them', () => {
    expect(pages.webhookNew).toMatch(/id="f-header-key-0"[^>]*aria-invalid="true"/);
    expect(pages.webhookNew).toContain('href="#f-topics"');
    expect(pages.contentType).toMatch(/id="f-field-id"[^>]*aria-invalid="true"/);
  });
});

describe('webhook form', () => {
  it('shows the filters it can and keeps the others on save; secret values stay unless retyped', () => {
    const values = formValuesOf(hook);
    expect(values.environment).toEqual({ op: 'is', values: 'master' });
    expect(values.contentType).toEqual({ op: 'not', values: 'author, topic' });
    expect(values.otherFilters).toEqual([{ regexp: [{ doc: 'sys.id' }, { pattern: '^draft-' }] }]);
    const { input } = parseWebhookForm(
      { name: 'N', url: 'https://x.test/', topics: ['Entry.*'], 'env-op': 'is', 'env-values': 'master, staging', 'ct-op': 'any', 'header-key-0': 'X-Key', 'header-value-0': '', 'header-secret-0': 'on', 'basic-user': 'user' },
      hook,
    );
    expect(input).toEqual({
      name: 'N',
      url: 'https://x.test/',
      topics: ['Entry.*'],
      filters: [{ in: [{ doc: 'sys.environment.sys.id' }, ['master', 'staging']] }, { regexp: [{ doc: 'sys.id' }, { pattern: '^draft-' }] }],
      headers: [{ key: 'X-Key', secret: true }],
      httpBasicUsername: 'user',
      active: false,
    });
    // A secret header without a value and nothing stored under its name is sent without one, so it is refused.
    expect(parseWebhookForm({ 'header-key-3': 'X-New', 'header-secret-3': 'on' }, hook)).toMatchObject({ input: { headers: [{ key: 'X-New', secret: true }] }, headerRows: [3] });
  });
});

describe('field form', () => {
  it('puts item rules of arrays on items, keeps rules it does not show, and says them in words', () => {
    const existing = { id: 'tags', name: 'Tags', type: 'Array' as const, localized: false, required: false, disabled: false, omitted: false, validations: [{ size: { max: 9 } }], items: { type: 'Symbol' as const, validations: [{ prohibitRegexp: { pattern: 'x' } }] } };
    const { field, problems } = parseFieldForm({ 'field-name': 'Tags', 'field-type': 'Array:Symbol', 'field-in': 'a\nb', 'field-size-min': '1' }, existing);
    expect(problems).toEqual([]);
    expect(field).toMatchObject({ validations: [{ size: { min: 1 } }], items: { type: 'Symbol', validations: [{ in: ['a', 'b'] }, { prohibitRegexp: { pattern: 'x' } }] } });
    expect(describeRules(field!)).toEqual(['At least 1 items', 'Each one of: a, b', 'Must not match /x/']);
  });

  it('refuses rules that do not fit the type, beside their inputs', () => {
    const { problems } = parseFieldForm({ 'field-id': 'when', 'field-name': 'When', 'field-type': 'Date', 'field-unique': 'on', 'field-size-max': '3', 'field-link-types': 'author' });
    expect(problems.map((p) => p.field)).toEqual(['field-size-min', 'field-unique', 'field-link-types']);
    expect(parseFieldForm({ 'field-id': 'n', 'field-name': 'N', 'field-type': 'Integer', 'field-in': '1\n2.5' }).problems).toEqual([{ field: 'field-in', message: 'Every allowed value must be a whole number.' }]);
  });
});
