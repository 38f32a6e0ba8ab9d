/**
 * The body editor in Chromium: slash commands, tables, the link popover (addresses and
 * entries), images and entries embedded with typing going on after them, and pastes from
 * Google Docs and Word keeping their structure. What is checked is the RichText that autosave
 * stores, read back from the store.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, systemActor } from '../../src/auth/index.js';
import { publishContentType, saveContentType } from '../../src/content/index.js';
import { defineField, openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { cspViolations, launchBrowser, screenshots } from './browser.js';
import { startTestFolio, type TestFolio } from './folio.js';

const password = 'a long enough password';
const scope = { spaceId: 'folio', environmentId: 'master' };
const article = 'article-how-to-learn-python';
let folio: TestFolio;
let browser: Browser;
let store: Store;
let page: Page;
let blocked: string[] = [];
const errors: Error[] = [];
const shot = screenshots(() => page);

const body = async () => JSON.stringify((await store.entries.get(scope, article))!.fields.body);
/** Waits until autosave has stored a body containing `text`. */
const stored = (text: string) => expect.poll(body, { timeout: 15_000 }).toContain(text);
const soon = { timeout: 15_000 };

/**
 * A new empty line at the end of the body, with the cursor in it. Focus, not a click: a click's
 * caret reaches ProseMirror after the keys that follow it, and would put the line mid-paragraph.
 */
async function newLine() {
  await page.locator('.ProseMirror').focus();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

/**
 * Selects the current line with Shift+Home, and waits until the editor has it: the browser moves
 * the selection at once, ProseMirror hears of it on the next selectionchange event.
 */
async function selectLine(text: string) {
  await page.keyboard.press('Shift+Home');
  await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(text);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** Pastes HTML as a browser would hand it over from another application's clipboard. */
async function paste(html: string, text: string) {
  await page.evaluate(
    ([h, t]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', t!);
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

beforeAll(async () => {
  if (!fs.existsSync(new URL('../../dist/admin-client/app.js', import.meta.url))) throw new Error('Build first: npm run build makes dist/admin-client/app.js');
  [folio, browser] = await Promise.all([startTestFolio(), launchBrowser()]);
  store = await openStore(folio.storeOptions);
  await addUser(store, systemActor, { email: 'rt@example.com', name: 'Rich Text', role: 'editor', password });
  // A type of another model with a RichText field that allows no tables (Contentful's enabledNodeTypes).
  const notes = defineField('notes', 'RichText', { validations: [{ enabledNodeTypes: ['heading-2', 'unordered-list', 'hyperlink', 'embedded-entry-block'] }, { enabledMarks: ['bold'] }] });
  const fields = [defineField('title', 'Symbol', { name: 'Title' }), { ...notes, name: 'Notes' }, defineField('related', 'Link', { name: 'Related', linkType: 'Entry' })];
  await saveContentType(store, scope, { id: 'memo', body: { name: 'Memo', description: null, displayField: 'title', fields } }, systemActor);
  await publishContentType(store, scope, { id: 'memo' }, systemActor);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  blocked = cspViolations(page);
  page.on('pageerror', (err) => errors.push(err));
  await page.goto(`${folio.url}/admin/login`);
  await page.getByLabel('E-mail').fill('rt@example.com');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/admin/articles');
  await page.goto(`${folio.url}/admin/articles/${article}`);
  await page.locator('.ProseMirror').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await store?.close();
  await folio?.destroy();
});

describe('the body editor', () => {
  it('inserts a table from the slash menu, moves between cells with Tab and stores header cells', async () => {
    await newLine();
    await page.keyboard.type('/tab');
    const menu = page.getByRole('listbox', { name: 'Insert a block' });
    await expect.poll(() => menu.isVisible(), soon).toBe(true);
    expect(await menu.getByRole('option').allTextContents()).toEqual(['Table']);
    await shot('rich-text-slash');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Role');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Salary');
    await stored('"nodeType":"table-header-cell"');
    const json = await body();
    expect(json).toContain('{"nodeType":"table-header-cell","data":{},"content":[{"nodeType":"paragraph","data":{},"content":[{"nodeType":"text","value":"Salary"');
    expect(json).not.toContain('/tab');
    // The table tools show only inside a table.
    expect(await page.getByRole('button', { name: 'Add row' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add row' }).click();
    await expect.poll(async () => (await body()).match(/"nodeType":"table-row"/g)?.length, soon).toBe(4);
    await page.locator('.ProseMirror > p').last().click();
    await expect.poll(() => page.getByRole('button', { name: 'Add row' }).isVisible()).toBe(false);
  });

  it('links text through the popover, refuses unsafe addresses, shows the link and removes it', async () => {
    await newLine();
    await page.keyboard.type('guide');
    await selectLine('guide');
    await page.keyboard.press('Control+k');
    const address = page.getByLabel('Link address');
    await address.waitFor();
    await address.fill('javascript:alert(1)');
    await address.press('Enter');
    expect(await page.locator('.pm-link-form [role=alert]').textContent()).toContain('Use an address starting with');
    await address.fill('https://example.com/guide');
    await address.press('Enter');
    await stored('{"nodeType":"hyperlink","data":{"uri":"https://example.com/guide"},"content":[{"nodeType":"text","value":"guide"');

    // The cursor on the link: where it goes, with Remove.
    await page.keyboard.press('ArrowLeft');
    const popover = page.getByRole('dialog', { name: 'Link' });
    await expect.poll(() => popover.isVisible(), soon).toBe(true);
    expect(await popover.getByRole('link').getAttribute('href')).toBe('https://example.com/guide');
    await shot('rich-text-link');
    await popover.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(body, { timeout: 15_000 }).not.toContain('https://example.com/guide');
    await stored('{"nodeType":"text","value":"guide","marks":[],"data":{}}');
  });

  it('links to an entry found by searching, as an entry-hyperlink', async () => {
    await newLine();
    await page.keyboard.type('See also');
    await selectLine('See also');
    await page.getByRole('button', { name: 'Link' }).click();
    await page.getByRole('button', { name: 'Link to an entry…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Link to an entry' });
    await dialog.getByLabel('Search entries').fill('DevOps engineer');
    const choice = dialog.getByRole('button', { name: /What Does a DevOps Engineer Do/ });
    await choice.waitFor();
    await choice.click();
    await stored('"nodeType":"entry-hyperlink","data":{"target":{"sys":{"type":"Link","linkType":"Entry","id":"article-what-does-a-devops-engineer-do"}}}');
  });

  it('embeds an image and an entry, and typing goes on after them instead of replacing them', async () => {
    await newLine();
    await page.getByRole('button', { name: 'Image' }).click();
    await page.getByRole('dialog', { name: 'Insert an image' }).getByRole('listitem').first().click();
    await page.keyboard.type('After the image');
    await stored('After the image');
    const json = await body();
    expect(json.indexOf('"embedded-asset-block"', json.indexOf('See also'))).toBeGreaterThan(0);
    expect(json.indexOf('"embedded-asset-block"', json.indexOf('See also'))).toBeLessThan(json.indexOf('After the image'));

    await page.keyboard.press('Enter');
    await page.keyboard.type('/entry');
    await page.getByRole('option', { name: 'Entry', exact: true }).waitFor();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Embed an entry' });
    await dialog.getByLabel('Search entries').fill('full stack');
    await dialog.getByRole('button', { name: /Full.Stack Developer/i }).first().click();
    await page.keyboard.type('After the entry');
    await stored('After the entry');
    expect(await body()).toContain('"nodeType":"embedded-entry-block","data":{"target":{"sys":{"type":"Link","linkType":"Entry","id":"article-what-is-a-full-stack-developer"}}}');
    // The embedded entry shows its title, looked up by id.
    await expect.poll(() => page.locator('.ProseMirror .pm-entry').last().textContent(), soon).toMatch(/Full.Stack Developer/i);
  });

  it('keeps headings, lists, bold and italic pasted from Google Docs, without making everything bold', async () => {
    await newLine();
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h2 dir="ltr"><span style="font-size:16pt;font-weight:400">Pasted heading</span></h2>' +
      '<p dir="ltr"><span style="font-weight:400">Plain and </span><span style="font-weight:700">strong</span><span style="font-weight:400"> and </span><span style="font-style:italic;font-weight:400">slanted</span></p>' +
      '<ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400">First point</span></p></li><li dir="ltr"><p dir="ltr"><span style="font-weight:400">Second point</span></p></li></ul></b>';
    await paste(docs, 'Pasted heading');
    await stored('Second point');
    const json = await body();
    expect(json).toContain('{"nodeType":"heading-2","data":{},"content":[{"nodeType":"text","value":"Pasted heading","marks":[],"data":{}}]}');
    expect(json).toContain('{"nodeType":"text","value":"Plain and ","marks":[],"data":{}}');
    expect(json).toContain('{"nodeType":"text","value":"strong","marks":[{"type":"bold"}],"data":{}}');
    expect(json).toContain('{"nodeType":"text","value":"slanted","marks":[{"type":"italic"}],"data":{}}');
    expect(json).toMatch(/"nodeType":"unordered-list","data":\{\},"content":\[\{"nodeType":"list-item","data":\{\},"content":\[\{"nodeType":"paragraph","data":\{\},"content":\[\{"nodeType":"text","value":"First point"/);
  });

  it('turns Word’s list paragraphs into real numbered and nested lists', async () => {
    await newLine();
    const ignore = (marker: string) => `<span style="mso-list:Ignore">${marker}<span style="font:7.0pt &quot;Times New Roman&quot;">&nbsp;&nbsp;</span></span>`;
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->' +
      `<p class="MsoListParagraphCxSpFirst" style="mso-list:l0 level1 lfo1">${ignore('1.')}Word step one<o:p></o:p></p>` +
      `<p class="MsoListParagraphCxSpMiddle" style="margin-left:72pt;mso-list:l0 level2 lfo1">${ignore('a.')}Word detail<o:p></o:p></p>` +
      `<p class="MsoListParagraphCxSpLast" style="mso-list:l0 level1 lfo1">${ignore('2.')}Word step two<o:p></o:p></p>` +
      '<p class="MsoNormal">Word after the list<o:p></o:p></p><!--EndFragment--></body></html>';
    await paste(word, 'Word step one');
    await stored('Word after the list');
    const json = await body();
    const list = json.slice(json.indexOf('"ordered-list"'));
    expect(list.indexOf('Word step one')).toBeLessThan(list.indexOf('Word detail'));
    expect(list.indexOf('Word detail')).toBeLessThan(list.indexOf('Word step two'));
    // The detail sits in a list inside step one's item; the markers ("1.", "a.") are gone.
    expect(list.slice(0, list.indexOf('Word step two'))).toMatch(/"Word step one".*"ordered-list".*"Word detail"/);
    expect(json).not.toMatch(/"value":"(1|2|a)\.\s/);
  });

  it('edits a RichText field of any content type in the generic editor, offering only what the field allows', async () => {
    await page.goto(`${folio.url}/admin/entries/new?type=memo`);
    const editor = page.locator('.rich-text-field .ProseMirror');
    await editor.waitFor();
    const toolbar = page.locator('.rich-text-field [role=toolbar]');
    expect(await toolbar.getByRole('button').allTextContents()).toEqual(['Paragraph', 'H2', 'Bold', 'Link', 'Bulleted list', 'Entry']);
    await page.getByLabel('Title', { exact: true }).fill('A memo');
    await editor.click();
    await page.keyboard.type('## Agenda');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- first item');
    // The draft exists after the first keystrokes; its notes are RichText, not text.
    await expect.poll(async () => JSON.stringify((await store.entries.list(scope, { contentTypeId: 'memo', limit: 1 })).items[0]?.fields.notes ?? null), soon).toContain('"value":"first item"');
    const notes = (await store.entries.list(scope, { contentTypeId: 'memo', limit: 1 })).items[0]!.fields.notes!['en-US'] as { content: Array<{ nodeType: string }> };
    expect(notes.content.map((n) => n.nodeType)).toEqual(['heading-2', 'unordered-list']);
    await shot('rich-text-generic');

    // The reference field of the same form searches the server as you type: titles that match come first.
    await page.getByRole('combobox', { name: 'Related' }).pressSequentially('python');
    const titles = page.locator('#f-related-options [role=option] .link-title');
    await expect.poll(() => titles.count(), soon).toBeGreaterThan(0);
    expect((await titles.allTextContents())[0]).toMatch(/python/i);
  });

  it('looks right on a phone, and nothing broke on the page', async () => {
    await page.goto(`${folio.url}/admin/articles/${article}`);
    await page.locator('.ProseMirror').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.ProseMirror > p').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('/');
    await page.getByRole('listbox', { name: 'Insert a block' }).waitFor();
    await shot('rich-text-390');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('listbox', { name: 'Insert a block' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  });
});
