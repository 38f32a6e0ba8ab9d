/**
 * The media library: search and filters over the grid, streamed uploads (one file per request,
 * several at once from the page), and one asset's details: its file, where it is used, its
 * texts per locale, focal point, replace, archive and delete. Every change is a content
 * operation (src/content) through ops; this file holds only HTTP.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFocalPoint, mimetypeGroupOf, type FocalPoint } from '../../assets/index.js';
import { can } from '../../auth/index.js';
import { allowedMimetypeGroups, check } from '../../content/index.js';
import { isFolioError } from '../../errors/index.js';
import { formatBytes } from '../../storage/index.js';
import type { AssetRecord, EntryRecord, Json, LocaleRecord } from '../../store/types.js';
import type { IncomingFile } from '../../assets/index.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, pageNumber, problemsOf, sendPage, viewerOf, wantsJson } from '../http.js';
import { kindLabels, mediaConditions, mediaFiltersOf } from '../media-filters.js';
import * as ops from '../operations.js';
import { statusOf } from '../status.js';
import type { FieldProblem } from '../views/layout.js';
import { renderAssetEdit, renderAssetRemoval, renderMedia, type UsageItem } from '../views/media.js';
import { formFiles, isMultipart, streamedFile } from '../uploads.js';
import { assetTitle } from '../asset-title.js';

const perPage = 48;
const gridQuery = '?w=400&h=267&fit=fill&f=faces&fm=webp&q=70';
const focalQuery = '?w=1200&fm=webp&q=80';
/** The hub's card crop exactly, then other sizes the site and feeds use. */
export const previewCrops = [
  { label: 'Hub card 330×216 (fill, faces)', query: '?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive', width: 330, height: 216 },
  { label: 'Square 160×160 (fill, focal point)', query: '?w=160&h=160&fit=fill&fm=jpg&q=70', width: 160, height: 160 },
  { label: 'Banner 480×160 (fill, focal point)', query: '?w=480&h=160&fit=fill&fm=jpg&q=70', width: 480, height: 160 },
];

const notices: Record<string, string> = {
  saved: 'Saved.',
  uploaded: 'Uploaded. Give it alt text and a title, then save.',
  replaced: 'File replaced. Pages that show this asset use the new file once it is published.',
  archived: 'Archived. Unarchive it to use it again.',
  unarchived: 'Unarchived. It is a draft again.',
};

type One = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>;

export async function mediaRoutes(app: FastifyInstance, opts: { context: AdminContext; scriptHref: string | undefined }) {
  const ctx = opts.context;
  const { locale } = ctx;

  /** The library page; after a form upload it says what was uploaded and what was refused. */
  async function libraryPage(request: FastifyRequest<{ Querystring: Record<string, string | undefined> }>, reply: FastifyReply, after: { notice?: string; problems?: FieldProblem[]; status?: number } = {}) {
    const actor = actorOf(request);
    const page = pageNumber(request.query.page);
    const filters = mediaFiltersOf(request.query);
    const { items, total } = await ops.listAssets(ctx, actor, { page, perPage, where: mediaConditions(filters, locale) });
    const cards = items.map((a) => {
      const info = ops.imageInfo(ctx, a);
      const alt = a.fields.description?.[locale];
      return {
        id: a.sys.id,
        title: String(a.fields.title?.[locale] ?? ''),
        thumb: info?.width ? info.transform(gridQuery) : undefined,
        fileName: info?.fileName ?? '',
        size: is.integer(info?.size) ? formatBytes(info.size) : '',
        needsAlt: !!info?.width && !(is.string(alt) && alt.trim() !== ''),
        status: statusOf(a.sys),
      };
    });
    return sendPage(
      reply,
      renderMedia({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        scriptHref: opts.scriptHref,
        cards,
        total,
        page,
        pages: Math.max(1, Math.ceil(total / perPage)),
        filters,
        notice: after.notice,
        problems: after.problems ?? [],
        canUpload: can(actor, 'create'),
      }),
      after.status,
    );
  }

  app.get<{ Querystring: Record<string, string | undefined> }>('/admin/media', async (request, reply) => {
    const uploaded = is.string(request.query.uploaded) && /^\d{1,2}$/.test(request.query.uploaded) ? Number(request.query.uploaded) : 0;
    const notice = request.query.removed ? 'The file was deleted.' : uploaded ? `${uploaded} ${uploaded === 1 ? 'file' : 'files'} uploaded. Give images alt text before they are used.` : undefined;
    return libraryPage(request, reply, notice ? { notice } : {});
  });

  /**
   * The body is the file itself. From a media field's picker, `field` (contentTypeId/fieldId)
   * names the field: a file outside its mimetype groups is refused by its bytes. Without
   * JavaScript the library's form sends its files (`files`) in one multipart body instead.
   */
  app.post<{ Querystring: Record<string, string | undefined> }>('/admin/media/upload', async (request, reply) => {
    const actor = actorOf(request);
    if (isMultipart(request.body)) return formUpload(request, reply);
    const file = streamedFile(request);
    if (!file) return reply.code(400).send({ message: 'Send the file as the request body.' });
    const groups = await fieldGroups(request.query.field);
    try {
      const asset = await uploadOne(file, groups);
      const info = ops.imageInfo(ctx, asset);
      return reply.code(201).send({ id: asset.sys.id, href: `/admin/media/${asset.sys.id}`, title: asset.fields.title?.[locale] ?? file.fileName, thumb: info?.width ? info.transform(gridQuery) : undefined });
    } catch (err) {
      if (isFolioError(err) && err.status === 422) return reply.code(422).send({ message: uploadRefusal(err, file.fileName) });
      throw err;
    }

    function uploadOne(f: IncomingFile, groups?: string[]) {
      return ops.uploadAsset(ctx, actor, f, f.fileName.replace(/\.[a-z0-9]+$/i, ''), groups);
    }

    /** One file: on to its page for alt text. Several: the library says how many. A refusal names its file. */
    async function formUpload(req: typeof request, rep: FastifyReply) {
      const files = formFiles(req.body, 'files');
      if (files.length === 0) return libraryPage(req, rep, { problems: [{ field: 'input', message: 'Choose one or more files, then press Upload.' }], status: 400 });
      const done: string[] = [];
      const problems: FieldProblem[] = [];
      for (const f of files) {
        try {
          done.push((await uploadOne(f)).sys.id);
        } catch (err) {
          if (!(isFolioError(err) && err.status === 422)) throw err;
          problems.push({ field: 'input', message: uploadRefusal(err, f.fileName) });
        }
      }
      if (problems.length) return libraryPage(req, rep, { problems, status: 422, ...(done.length ? { notice: `${done.length} of ${files.length} uploaded.` } : {}) });
      return rep.redirect(done.length === 1 ? `/admin/media/${done[0]}?done=uploaded` : `/admin/media?uploaded=${done.length}`, 303);
    }
  });

  async function fieldGroups(raw: string | undefined): Promise<string[] | undefined> {
    const [typeId, fieldId] = is.string(raw) && raw.length <= 200 ? raw.split('/') : [];
    if (!typeId || !fieldId) return undefined;
    const type = await ctx.store.contentTypes.getPublished(ctx.scope, typeId);
    const def = type?.fields.find((f) => f.id === fieldId);
    return def ? allowedMimetypeGroups(def) : undefined;
  }

  const localesOf = () => ctx.store.locales.list(ctx.scope);
  const localeOf = (locales: LocaleRecord[], asked: unknown) => (is.string(asked) && locales.some((l) => l.code === asked) ? asked : locale);

  /** Entries linking to the asset, published ones first, each named by its display field. */
  async function usage(request: FastifyRequest, id: string): Promise<{ published: UsageItem[]; drafts: UsageItem[]; publishedTotal: number; draftTotal: number }> {
    const { drafts, published } = await ops.usageOf(ctx, actorOf(request), id);
    const types = new Map((await ops.listContentTypes(ctx)).map((t) => [t.sys.id, t]));
    const item = (e: EntryRecord): UsageItem => {
      const type = types.get(e.sys.contentTypeId);
      const name = type?.displayField ? e.fields[type.displayField]?.[locale] : undefined;
      const href = e.sys.contentTypeId === ops.articleType ? `/admin/articles/${e.sys.id}` : `/admin/entries/${e.sys.id}`;
      return { id: e.sys.id, title: is.string(name) && name ? name : e.sys.id, type: type?.name ?? e.sys.contentTypeId, href, status: statusOf(e.sys) };
    };
    const live = new Set(published.items.map((e) => e.sys.id));
    return {
      published: published.items.map(item),
      drafts: drafts.items.filter((e) => !live.has(e.sys.id)).map(item),
      publishedTotal: published.total,
      draftTotal: drafts.total,
    };
  }

  interface PageState {
    problems?: FieldProblem[];
    notice?: string | undefined;
    conflict?: boolean;
    values?: { title: string; description: string; focalPoint: FocalPoint | null };
    status?: number;
    locale?: string;
  }

  async function assetPage(request: FastifyRequest, reply: FastifyReply, asset: AssetRecord, state: PageState = {}) {
    const actor = actorOf(request);
    const locales = await localesOf();
    const edited = localeOf(locales, state.locale);
    const info = ops.imageInfo(ctx, asset);
    const text = (field: 'title' | 'description', code: string) => String(asset.fields[field]?.[code] ?? '');
    const title = state.values?.title ?? text('title', edited);
    const description = state.values?.description ?? text('description', edited);
    const focalPoint = state.values ? (state.values.focalPoint ?? undefined) : info?.focalPoint;
    const faces = facesOf(asset.fields.file?.[locale]);
    const ownership = ops.ownershipOf(asset.sys);
    return sendPage(
      reply,
      renderAssetEdit({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        scriptHref: opts.scriptHref,
        id: asset.sys.id,
        version: asset.sys.version,
        status: statusOf(asset.sys),
        locale: edited,
        locales: locales.map((l) => ({ code: l.code, name: l.name, default: l.default, title: text('title', l.code), description: text('description', l.code) })),
        title,
        description,
        fileName: info?.fileName ?? '',
        file: info
          ? {
              contentType: info.contentType,
              kind: kindLabels[kindOf(info.contentType)] ?? 'Other files',
              size: is.integer(info.size) ? formatBytes(info.size) : 'unknown',
              bytes: is.integer(info.size) ? info.size : undefined,
              ...(info.width && info.height ? { width: info.width, height: info.height } : {}),
              faces: faces.length,
              download: info.path,
            }
          : undefined,
        image: info?.width && info.height && edited === locale ? { src: info.transform(focalQuery), width: info.width, height: info.height, focalPoint, faces } : undefined,
        previews: info?.width ? previewCrops.map((p) => ({ ...p, src: info.transform(p.query) })) : [],
        usage: await usage(request, asset.sys.id),
        problems: state.problems ?? [],
        notice: state.notice,
        conflict: state.conflict ?? false,
        can: {
          save: can(actor, 'update', ownership) && !asset.sys.archivedAt,
          archive: can(actor, 'archive', ownership),
          delete: can(actor, 'delete', ownership),
        },
      }),
      state.status ?? 200,
    );
  }

  app.get('/admin/media/:id', async (request: One, reply) => {
    const asset = await ops.getAsset(ctx, actorOf(request), request.params.id);
    return assetPage(request, reply, asset, { notice: notices[request.query.done ?? ''], locale: request.query.locale ?? locale });
  });

  /** The previews' new addresses after a save: a focal point or a file changes the token in every image URL. */
  const imageUrls = (asset: AssetRecord) => {
    const info = ops.imageInfo(ctx, asset);
    if (!info?.width) return {};
    return { image: info.transform(focalQuery), previews: previewCrops.map((p) => info.transform(p.query)) };
  };

  app.post('/admin/media/:id', async (request: One, reply) => {
    const actor = actorOf(request);
    const asset = await ops.getAsset(ctx, actor, request.params.id);
    const edited = localeOf(await localesOf(), formString(request.body, 'locale'));
    const title = formString(request.body, 'title').trim();
    const description = formString(request.body, 'description').trim();
    const [fx, fy] = [formString(request.body, 'focalX'), formString(request.body, 'focalY')];
    const problems: FieldProblem[] = [];
    let focalPoint: FocalPoint | null = null;
    if (fx !== '' || fy !== '') {
      const typed = { x: fx === '' ? Number.NaN : Math.round(Number(fx) * 1000) / 1000, y: fy === '' ? Number.NaN : Math.round(Number(fy) * 1000) / 1000 };
      if (isFocalPoint(typed)) focalPoint = typed;
      else problems.push({ field: 'focalX', message: 'The focal point needs both values, each from 0 to 1. Or click the image.' });
    }
    if (title.length > 256) problems.push({ field: 'title', message: 'Keep the title to 256 characters.' });
    const values = { title, description, focalPoint };
    const json = wantsJson(request);
    if (problems.length) {
      return json ? reply.code(422).send({ message: problems.map((p) => p.message).join(' ') }) : assetPage(request, reply, asset, { problems, values, status: 422, locale: edited });
    }
    // The focal point belongs to the file, which the default locale's page shows.
    const change = edited === locale ? values : { title, description, locale: edited };
    let saved: { asset: AssetRecord; published: boolean };
    try {
      saved = await ops.saveAssetDetails(ctx, actor, asset.sys.id, change, Number(formString(request.body, 'version')));
    } catch (err) {
      if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
        return json ? reply.code(409).send({ message: 'Someone else changed this file. Reload to see their changes.' }) : assetPage(request, reply, asset, { values, conflict: true, status: 409, locale: edited });
      }
      const found = problemsOf(err);
      if (!found) throw err;
      return json ? reply.code(422).send({ message: found.map((p) => p.message).join(' ') }) : assetPage(request, reply, asset, { problems: found, values, status: 422, locale: edited });
    }
    if (json) return reply.send({ version: saved.asset.sys.version, published: saved.published, ...imageUrls(saved.asset) });
    return reply.redirect(`/admin/media/${asset.sys.id}?done=saved${edited === locale ? '' : `&locale=${encodeURIComponent(edited)}`}`, 303);
  });

  /**
   * Replace: the body is the new file, as for uploads, with the version the page showed in the
   * query. Without JavaScript a multipart form sends `file` and `version`; the answer is a page.
   */
  app.post('/admin/media/:id/file', async (request: One, reply) => {
    const actor = actorOf(request);
    const asset = await ops.getAsset(ctx, actor, request.params.id);
    const form = isMultipart(request.body);
    const file = form ? formFiles(request.body, 'file')[0] : streamedFile(request);
    const refuse = (status: number, message: string) =>
      form ? assetPage(request, reply, asset, { problems: [{ field: 'replace', message }], status }) : reply.code(status).send({ message });
    if (!file) return refuse(400, form ? 'Choose the new file, then press Replace.' : 'Send the new file as the request body.');
    const version = Number(form ? formString(request.body, 'version') : request.query.version);
    try {
      const saved = await ops.saveAssetDetails(ctx, actor, asset.sys.id, { file }, version);
      const href = `/admin/media/${asset.sys.id}?done=replaced`;
      if (form) return reply.redirect(href, 303);
      return reply.send({ version: saved.asset.sys.version, published: saved.published, href, ...imageUrls(saved.asset) });
    } catch (err) {
      if (isFolioError(err) && err.code === 'VERSION_MISMATCH') return refuse(409, 'Someone else changed this file. Reload to see their changes, then replace it again.');
      if (isFolioError(err) && err.status === 422) return refuse(422, uploadRefusal(err, file.fileName));
      throw err;
    }
  });

  const removalPage = async (request: FastifyRequest, reply: FastifyReply, kind: 'archive' | 'delete', asset: AssetRecord, problems: FieldProblem[] = [], status = 200) => {
    const csrf = csrfFor(request, reply, ctx.publicUrl);
    const info = ops.imageInfo(ctx, asset);
    return sendPage(
      reply,
      renderAssetRemoval({
        viewer: viewerOf(request),
        csrf,
        kind,
        id: asset.sys.id,
        version: asset.sys.version,
        name: assetTitle(asset, locale) || asset.sys.id,
        live: asset.sys.publishedVersion !== null,
        usage: await usage(request, asset.sys.id),
        problems,
      }),
      status,
    );
  };

  for (const kind of ['archive', 'delete'] as const) {
    app.get(`/admin/media/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const asset = await ops.getAsset(ctx, actor, request.params.id);
      // A role that may not do it hears so before the question is asked.
      check(actor, kind, asset.sys);
      return removalPage(request, reply, kind, asset);
    });

    app.post(`/admin/media/:id/${kind}`, async (request: One, reply) => {
      const actor = actorOf(request);
      const asset = await ops.getAsset(ctx, actor, request.params.id);
      try {
        await ops.assetActions[kind](ctx, actor, asset.sys.id, Number(formString(request.body, 'version')));
      } catch (err) {
        const current = await ops.getAsset(ctx, actor, asset.sys.id);
        if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
          return removalPage(request, reply, kind, current, [{ field: 'confirm', message: 'Someone changed this file since you opened it. Check it, then confirm again.' }], 409);
        }
        // In use: the page lists the published entries that link to it.
        if (isFolioError(err) && err.code === 'ASSET_IN_USE') return removalPage(request, reply, kind, current, [], 422);
        const problems = problemsOf(err);
        if (!problems) throw err;
        return removalPage(request, reply, kind, current, problems, 422);
      }
      return reply.redirect(kind === 'delete' ? '/admin/media?removed=1' : `/admin/media/${asset.sys.id}?done=archived`, 303);
    });
  }

  app.post('/admin/media/:id/unarchive', async (request: One, reply) => {
    const actor = actorOf(request);
    await ops.assetActions.unarchive(ctx, actor, request.params.id, Number(formString(request.body, 'version')));
    return reply.redirect(`/admin/media/${request.params.id}?done=unarchived`, 303);
  });
}

/** The face boxes ingest found (pixels of the image as displayed), for the outline over the image. */
function facesOf(file: Json | undefined): Array<{ x: number; y: number; width: number; height: number }> {
  const faces = is.plainObject(file) && is.plainObject(file.details) && is.plainObject(file.details.image) ? file.details.image.faces : undefined;
  if (!Array.isArray(faces)) return [];
  return faces.flatMap((f) => (is.plainObject(f) && is.number(f.x) && is.number(f.y) && is.number(f.width) && is.number(f.height) ? [{ x: f.x, y: f.y, width: f.width, height: f.height }] : []));
}

/** The library's kind of a stored type (the filter's names). */
function kindOf(contentType: string): string {
  const group = mimetypeGroupOf(contentType);
  return group === 'pdfdocument' ? 'pdf' : ['image', 'video', 'audio'].includes(group) ? group : 'other';
}

/** A refusal in a person's words, naming the file: the problem's own details when there is one. */
function uploadRefusal(err: { message: string; details?: unknown }, fileName: string): string {
  const errors = (err.details as { errors?: Array<{ details?: unknown }> } | undefined)?.errors;
  const first = Array.isArray(errors) ? errors[0]?.details : undefined;
  const message = is.string(first) ? first : err.message;
  return message.includes(fileName) ? message : `${fileName}: ${message}`;
}
