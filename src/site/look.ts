/** The site settings as the hub's pages use them: images resolved to URLs, topics to links. */
import type { NavFrame } from './catalog.js';
import { absoluteUrl, type PageLook } from './views/layout.js';
import { imageOf, transformedUrl, type SiteContext } from './data.js';
import { assetKey } from './page-cache.js';
import { readSiteSettings, type SiteSettings } from './settings.js';

export interface SiteLook {
  settings: SiteSettings;
  logo?: PageLook['logo'];
  socialImage?: PageLook['socialImage'];
  /** Page-cache keys of what the look shows beyond the settings themselves (its images). */
  deps: string[];
}

/** The logo is shown 2rem (32 px) high; twice that for sharp screens. */
const logoHeight = 64;
const socialQuery = '?w=1200&h=630&fit=fill&fm=jpg&q=80';

export async function loadSiteLook(ctx: SiteContext): Promise<SiteLook> {
  const { settings } = await readSiteSettings(ctx.store, ctx.scope);
  const imageFor = async (id: string | null) => (id ? imageOf(ctx, await ctx.store.assets.getPublished(ctx.scope, id)) : undefined);
  const [logo, social] = await Promise.all([imageFor(settings.logoAssetId), imageFor(settings.socialImageAssetId)]);
  const base = `${ctx.publicUrl.replace(/\/+$/, '')}/`;
  const socialUrl = social && absoluteUrl(transformedUrl(ctx, social.url, socialQuery), base);
  return {
    settings,
    ...(logo ? { logo: { src: transformedUrl(ctx, logo.url, `?h=${logoHeight}`), width: Math.max(1, Math.round((logo.width * logoHeight) / logo.height)), height: logoHeight } } : {}),
    ...(social && socialUrl ? { socialImage: { url: socialUrl, width: 1200, height: 630, alt: social.alt } } : {}),
    deps: [settings.logoAssetId, settings.socialImageAssetId].flatMap((id) => (id ? [assetKey(id)] : [])),
  };
}

/** What a page's layout takes: the navigation topics are those of the frame, in the settings' order. */
export function pageLook(frame: NavFrame, look: SiteLook): PageLook {
  const byId = new Map(frame.topics.map((t) => [t.id, t]));
  return {
    tagline: look.settings.tagline,
    language: look.settings.language,
    nav: look.settings.navTopicIds.flatMap((id) => {
      const t = byId.get(id);
      return t ? [{ name: t.name, slug: t.slug }] : [];
    }),
    ...(look.logo ? { logo: look.logo } : {}),
    ...(look.socialImage ? { socialImage: look.socialImage } : {}),
  };
}
