/** Every editor page is valid HTML (html-validate's recommended rules) and escapes what it shows. */
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { html } from '../../site/views/index.js';
import { renderArticleEdit, type ArticleEditModel } from './article-edit.js';
import { renderEntryEdit } from './entry-edit.js';
import { renderArticles } from './articles.js';
import { renderCompare } from './history.js';
import { wordDiff } from '../compare.js';
import { renderLogin, renderProblem } from './auth.js';
import { renderAssetEdit, renderAssetRemoval, renderMedia } from './media.js';
import { renderTokens, renderUsers } from './people.js';
import { renderAccount, renderCodeStep } from './account.js';

/** The focal-point marker is placed with left/top: the one inline style. */
const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': ['error', { allowedProperties: ['left', 'top'] }] } });
const errorsIn = async (markup: string) =>
  (await validator.validateString(markup)).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} (${m.line}:${m.column}): ${m.message}`));

const viewer = { name: 'Ann <admin>', email: 'ann@example.com', role: 'admin' as const };
const csrf = 'token-123';
const evil = '<script>alert(1)</script>';

const articleModel: ArticleEditModel = {
  viewer,
  csrf,
  scriptHref: '/admin/assets/app.abc.js',
  id: 'a1',
  version: 4,
  status: 'draft',
  values: { title: evil, slug: 'a-1', description: 'D', body: '{"nodeType":"document","data":{},"content":[]}', publishDate: '2026-01-02', type: 'Article', featuredImage: 'img1', topics: ['t1'], author: 'au1' },
  bodyHtml: html`<p>Body</p>`,
  problems: [{ field: 'featuredImage', message: 'The image “x” has no alt text.' }, { field: 'slug', message: 'Taken.' }],
  options: { types: ['Article', 'News'], topics: [{ id: 't1', name: 'Python' }], authors: [{ id: 'au1', name: 'Team' }], images: [{ id: 'img1', title: 'Pic', thumb: '/images/folio/img1/t/p.jpg?w=300', hasAlt: false }] },
  can: { save: true, publish: true, unpublish: true, schedule: true, restore: true, archive: true, delete: true },
  assetThumbs: {},
  history: { items: [{ snapshotId: 's2', version: 7, publishedAt: '2026-01-03T10:00:00.000Z', publishedBy: evil, live: true }, { snapshotId: 's1', version: 3, publishedAt: '2026-01-02T10:00:00.000Z', publishedBy: 'Folio', live: false }], total: 2 },
  schedule: {
    pending: [{ id: 'sa1', action: 'publish', scheduledFor: '2030-01-01T09:00:00.000Z', timezone: 'Europe/Berlin', status: 'scheduled', error: null, by: evil }],
    value: '2030-01-01T09:00',
    now: Date.parse('2026-01-04T00:00:00Z'),
  },
};

const pages: Record<string, string> = {
  login: renderLogin({ csrf, email: 'x@example.com', next: '/admin/articles', error: 'The e-mail or password is not right.' }),
  problem: renderProblem({ status: 403, title: 'You cannot do this', message: 'No.', viewer, csrf }),
  articles: renderArticles({
    viewer,
    csrf,
    rows: [{ id: 'a1', title: evil, slug: 'a-1', status: 'changed', type: 'Article', topics: ['Python'], updatedAt: '2026-01-02T03:04:05.000Z' }],
    total: 41,
    page: 2,
    pages: 3,
    filters: { q: 'py', topic: 't1', status: 'changed' },
    topics: [{ id: 't1', name: 'Python' }],
    canCreate: true,
  }),
  articleEdit: renderArticleEdit(articleModel),
  compare: renderCompare({
    viewer,
    csrf,
    articleId: 'a1',
    title: evil,
    version: { snapshotId: 's1', version: 3, publishedAt: '2026-01-02T10:00:00.000Z', publishedBy: 'Ann', live: false },
    draftVersion: 9,
    fields: [
      { field: 'title', label: 'Title', before: 'Old title', after: 'New title', changed: true, formattingOnly: false, parts: wordDiff('Old title', 'New title') },
      { field: 'slug', label: 'Slug', before: 'a-1', after: 'a-1', changed: false, formattingOnly: false, parts: wordDiff('a-1', 'a-1') },
      { field: 'body', label: 'Body', before: evil, after: `${evil}\nMore`, changed: true, formattingOnly: false, parts: wordDiff(evil, `${evil}\nMore`, true) },
    ],
    canRestore: true,
  }),
  media: renderMedia({ viewer, csrf, cards: [{ id: 'i1', title: evil, thumb: '/images/x.jpg', fileName: 'x.jpg', size: '1 KB', needsAlt: true, status: 'draft' }], total: 1, page: 1, pages: 1, filters: { q: evil, kind: 'image', size: 'small', status: 'draft', missing: 'alt' }, canUpload: true }),
  assetEdit: renderAssetEdit({
    viewer,
    csrf,
    id: 'i1',
    version: 2,
    status: 'published',
    title: 'Pic',
    description: evil,
    fileName: 'p.jpg',
    image: { src: '/images/p.jpg', width: 800, height: 600, focalPoint: { x: 0.25, y: 0.5 }, faces: [{ x: 100, y: 80, width: 120, height: 140 }] },
    previews: [{ label: 'Card', src: '/images/p.jpg?w=330', width: 330, height: 216, query: '?w=330' }],
    locale: 'en-US',
    locales: [{ code: 'en-US', name: 'English', default: true, title: 'Pic', description: evil }, { code: 'de-DE', name: 'German', default: false, title: evil, description: '' }],
    file: { contentType: 'image/jpeg', kind: 'Images', size: '1 KB', bytes: 1024, width: 800, height: 600, faces: 2, download: '/images/p.jpg' },
    usage: { published: [{ id: 'e1', title: evil, type: 'Article', href: '/admin/articles/e1', status: 'published' }], drafts: [], publishedTotal: 1, draftTotal: 1 },
    problems: [],
    can: { save: true, archive: true, delete: true },
  }),
  assetRemoval: renderAssetRemoval({ viewer, csrf, kind: 'delete', id: 'i1', version: 3, name: evil, live: true, usage: { published: [{ id: 'e1', title: evil, type: 'Article', href: '/admin/articles/e1', status: 'published' }], drafts: [], publishedTotal: 1, draftTotal: 1 }, problems: [] }),
  assetRemovalUnused: renderAssetRemoval({ viewer, csrf, kind: 'delete', id: 'i1', version: 3, name: evil, live: false, usage: { published: [], drafts: [], publishedTotal: 0, draftTotal: 0 }, problems: [] }),
  users: renderUsers({ viewer, csrf, users: [{ id: 'u1', name: evil, email: 'a@example.com', role: 'admin', createdAt: '2026-01-01T00:00:00Z', isYou: false }], problems: [], values: { email: '', name: '', role: 'author' }, invite: { email: evil, role: 'author' }, invites: [{ email: evil, role: 'editor', expiresAt: '2026-01-08T00:00:00Z' }], resetRequests: [{ id: 'u1', name: evil, email: 'a@example.com' }], link: { kind: 'invite', email: evil, url: 'https://cms.example.com/admin/invite?token=abc', mailed: false }, mailConfigured: false }),
  code: renderCodeStep({ csrf, problems: [{ field: 'code', message: 'That code is not right.' }] }),
  account: renderAccount({ viewer, csrf, problems: [{ field: 'current', message: 'Your current password is not right.' }], twoFactor: { state: 'pending', secret: 'JBSWY3DPEHPK3PXP', uri: `otpauth://totp/Folio:${evil}?secret=JBSWY3DPEHPK3PXP` }, recoveryCodes: ['0-7GQ2K-M4XZP'] }),
  tokens: renderTokens({ viewer, csrf, tokens: [{ id: 't1', name: evil, createdAt: '2026-01-01T00:00:00Z', expiresAt: null, lastUsedAt: null, state: 'active' }], problems: [], created: { name: 'CI', token: 'folio_pat_abc' } }),
};

describe('editor views', () => {
  it.each(Object.keys(pages))('%s is valid HTML with landmarks, and escapes content', async (name) => {
    const page = pages[name]!;
    expect(await errorsIn(page)).toEqual([]);
    expect(page).toContain('<main id="main"');
    expect(page).toContain('class="skip" href="#main"');
    expect(page).not.toContain(evil);
  });

  it('marks diff words by more than colour: a spoken label inside each <ins> and <del>', () => {
    const page = pages.compare!;
    expect(page).toContain('<del><span class="visually-hidden">[removed: </span>Old<span class="visually-hidden">]</span></del>');
    expect(page).toContain('<ins><span class="visually-hidden">[added: </span>New<span class="visually-hidden">]</span></ins>');
    expect(page).toMatch(/<details class="panel diff-field same"><summary><strong>Slug<\/strong>/);
    expect(page).toContain('2 of 3 fields differ');
  });

  it('shows a file that is not an image by its kind, never as an empty image', () => {
    const page = renderMedia({ viewer, csrf, cards: [{ id: 'f1', title: 'Terms', fileName: 'terms.pdf', size: '', needsAlt: false, status: 'draft' }], total: 1, page: 1, pages: 1, filters: { q: '', kind: '', size: '', status: '', missing: '' }, canUpload: false });
    expect(page).not.toContain('<img alt="">');
    expect(page).toContain('<span class="file-kind">PDF</span>');
  });

  it('keeps a textarea’s text exactly, blank lines and spaces included', () => {
    const page = renderAssetEdit({ viewer, csrf, id: 'i1', version: 1, status: 'draft', title: '', description: 'one\n  \n\ntwo  ', fileName: 'f.pdf', previews: [], problems: [], locale: 'en-US', locales: [], usage: { published: [], drafts: [], publishedTotal: 0, draftTotal: 0 }, can: { save: true, archive: false, delete: false } });
    expect(page).toContain('>one\n  \n\ntwo  </textarea>');
  });

  it('links each problem in the summary to its field and marks the field invalid', () => {
    const page = pages.articleEdit!;
    expect(page).toContain('href="#f-featuredImage"');
    expect(page).toContain('id="f-featuredImage-error"');
    expect(page).toMatch(/id="f-slug"[^>]*aria-invalid="true"/);
  });

  it('shows one status panel in both editors: an archived entry offers Unarchive among the actions, never Publish', () => {
    const can = { save: true, publish: true, unpublish: true, archive: true, delete: true };
    const article = renderArticleEdit({ ...articleModel, status: 'archived' });
    const entry = renderEntryEdit({ viewer, csrf, type: { id: 'event', name: 'Event' }, id: 'e1', version: 2, status: 'archived', title: 'E', locale: 'en-US', locales: [], columns: [], problems: [], can });
    const panel = (page: string) => /<section class="panel" aria-labelledby="status-heading">[\s\S]*?<\/section>/.exec(page)![0];
    const actions = (page: string) => /<div class="actions">([\s\S]*?)<\/div>/.exec(panel(page))![1]!.replace(/\s+/g, ' ').trim();
    for (const page of [article, entry]) {
      expect(panel(page)).not.toContain('id="publish-button"');
      expect(panel(page)).not.toContain('Archive…');
      expect(panel(page)).toContain('id="save-state"');
      expect(panel(page)).toContain('Delete…</a>');
    }
    expect(actions(article)).toBe('<button type="submit" name="intent" value="save">Save draft</button> <button type="submit" form="unarchive-form">Unarchive</button>');
    expect(actions(entry)).toBe('<button type="submit" name="intent" value="save">Save draft</button> <button type="submit" name="intent" value="unarchive">Unarchive</button>');
  });
});
