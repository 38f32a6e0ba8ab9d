/**
 * The hub's site settings: name, tagline, logo, navigation topics, default social image and
 * language. One versioned document (kind `SiteSettings`, id `site`) in the hub's environment,
 * changed only through `updateSiteSettings` (admins). A change moves the content version, so
 * every page, feed and cached answer built from the old settings is dropped.
 */
import { isStoredFile } from '../assets/index.js';
import { assertCan, type Actor } from '../auth/index.js';
import { FolioError, validationFailed, type ValidationProblem } from '../errors/index.js';
import type { Store } from '../store/store.js';
import type { Json, Scope } from '../store/types.js';
import * as is from '../validate/is.js';

export interface SiteSettings {
  name: string;
  tagline: string;
  /** An image asset shown before the name in the header. */
  logoAssetId: string | null;
  /** Topic entry ids for the header and footer navigation, in order; empty: every topic by name. */
  navTopicIds: string[];
  /** An image asset for og:image on pages without an image of their own. */
  socialImageAssetId: string | null;
  /** BCP 47 tag for `<html lang>` and the feeds. */
  language: string;
}

export const defaultSiteSettings: Readonly<SiteSettings> = Object.freeze({
  name: 'Folio',
  tagline: 'Career articles',
  logoAssetId: null,
  navTopicIds: [],
  socialImageAssetId: null,
  language: 'en',
});

export const siteSettingsLimits = { name: 60, tagline: 120, navTopics: 8 } as const;

const kind = 'SiteSettings';
const id = 'site';
const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

const stringOr = (v: Json | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);
const idOrNull = (v: Json | undefined) => (is.resourceId(v) ? v : null);

/** The settings now, with their version (0 while nothing was saved: the defaults). */
export async function readSiteSettings(store: Store, scope: Scope): Promise<{ settings: SiteSettings; version: number }> {
  const doc = await store.documents.get(scope, kind, id);
  if (!doc) return { settings: { ...defaultSiteSettings, navTopicIds: [] }, version: 0 };
  const b = doc.body;
  return {
    settings: {
      name: stringOr(b.name, defaultSiteSettings.name),
      tagline: stringOr(b.tagline, defaultSiteSettings.tagline),
      logoAssetId: idOrNull(b.logoAssetId),
      navTopicIds: Array.isArray(b.navTopicIds) ? b.navTopicIds.filter(is.resourceId) : [],
      socialImageAssetId: idOrNull(b.socialImageAssetId),
      language: typeof b.language === 'string' && languagePattern.test(b.language) ? b.language : defaultSiteSettings.language,
    },
    version: doc.version,
  };
}

export interface SiteSettingsInput {
  name: string;
  tagline: string;
  logoAssetId: string;
  navTopicIds: string[];
  socialImageAssetId: string;
  language: string;
}

const problem = (field: string, details: string): ValidationProblem => ({ name: 'invalid', path: [field], details });

/** Every problem at once, each naming its field; the referenced entries and assets must be published. */
async function checkSiteSettings(store: Store, scope: Scope, input: SiteSettingsInput): Promise<SiteSettings> {
  const problems: ValidationProblem[] = [];
  const name = input.name.replace(/\s+/g, ' ').trim();
  if (!name || name.length > siteSettingsLimits.name) problems.push(problem('name', `Enter a site name of 1 to ${siteSettingsLimits.name} characters.`));
  const tagline = input.tagline.replace(/\s+/g, ' ').trim();
  if (tagline.length > siteSettingsLimits.tagline) problems.push(problem('tagline', `Keep the tagline to ${siteSettingsLimits.tagline} characters.`));
  const language = input.language.trim();
  if (!languagePattern.test(language) || language.length > 35) problems.push(problem('language', 'Enter a language tag such as en, de or pt-BR.'));
  const image = async (field: string, assetId: string) => {
    if (!assetId) return null;
    const asset = is.resourceId(assetId) ? await store.assets.getPublished(scope, assetId) : undefined;
    const file = asset?.fields.file ? Object.values(asset.fields.file)[0] : undefined;
    if (!isStoredFile(file) || !file.details.image) problems.push(problem(field, 'Choose a published image from the list.'));
    return assetId;
  };
  const logoAssetId = await image('logo', input.logoAssetId.trim());
  const socialImageAssetId = await image('socialImage', input.socialImageAssetId.trim());
  const navTopicIds = [...new Set(input.navTopicIds.map((t) => t.trim()).filter(Boolean))];
  if (navTopicIds.length > siteSettingsLimits.navTopics) problems.push(problem('nav', `Choose at most ${siteSettingsLimits.navTopics} topics.`));
  else {
    for (const topicId of navTopicIds) {
      const topic = is.resourceId(topicId) ? await store.entries.getPublished(scope, topicId) : undefined;
      if (topic?.sys.contentTypeId !== 'topic') {
        problems.push(problem('nav', 'Choose published topics from the lists.'));
        break;
      }
    }
  }
  if (problems.length) throw validationFailed(problems, problems[0]!.details);
  return { name, tagline, logoAssetId, navTopicIds, socialImageAssetId, language };
}

/**
 * Saves new settings (admins only). `expectedVersion` is the version the form showed: a save
 * over someone else's newer one is refused (VERSION_MISMATCH) rather than silently undone.
 */
export async function updateSiteSettings(store: Store, actor: Actor, scope: Scope, input: SiteSettingsInput, expectedVersion: number): Promise<SiteSettings> {
  assertCan(actor, 'manageSpace');
  const settings = await checkSiteSettings(store, scope, input);
  const body: Record<string, Json> = { ...settings, navTopicIds: [...settings.navTopicIds] };
  await store.transaction(async (tx) => {
    if (expectedVersion === 0) {
      if (await tx.documents.get(scope, kind, id)) throw new FolioError('VERSION_MISMATCH', 'The site settings were saved by someone else meanwhile.');
      await tx.documents.create(scope, kind, { id, body }, actor.id);
    }
    else await tx.documents.update(scope, kind, id, body, expectedVersion, actor.id);
    await tx.changes.bump();
  });
  return settings;
}
