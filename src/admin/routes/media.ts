/** The media library: grid, streamed uploads, and one asset's alt text, title and focal point. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFocalPoint, type FocalPoint } from '../../assets/index.js';
import { can } from '../../auth/index.js';
import { isFolioError } from '../../errors/index.js';
import type { AssetRecord } from '../../store/types.js';
import * as is from '../../validate/is.js';
import type { AdminContext } from '../context.js';
import { actorOf, csrfFor, formString, pageNumber, problemsOf, sendPage, viewerOf, wantsJson } from '../http.js';
import * as ops from '../operations.js';
import { statusOf } from '../status.js';
import type { FieldProblem } from '../views/layout.js';
import { renderAssetEdit, renderMedia } from '../views/media.js';

const perPage = 48;
const gridQuery = '?w=400&h=267&fit=fill&f=faces&fm=webp&q=70';
/** The hub's card crop exactly, then other sizes the site and feeds use. */
export const previewCrops = [
  { label: 'Hub card 330×216 (fill, faces)', query: '?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive', width: 330, height: 216 },
  { label: 'Square 160×160 (fill, focal point)', query: '?w=160&h=160&fit=fill&fm=jpg&q=70', width: 160, height: 160 },
  { label: 'Banner 480×160 (fill, focal point)', query: '?w=480&h=160&fit=fill&fm=jpg&q=70', width: 480, height: 160 },
];

/** A file name safe to keep: the last path segment, no control characters, at most 200 characters. */
function cleanFileName(raw: string): string {
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // keep it as sent
  }
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return name || 'upload';
}

export async function mediaRoutes(app: FastifyInstance, opts: { context: AdminContext; scriptHref: string | undefined }) {
  const ctx = opts.context;
  const { locale } = ctx;

  app.get<{ Querystring: { page?: string } }>('/admin/media', async (request, reply) => {
    const actor = actorOf(request);
    const page = pageNumber(request.query.page);
    const { items, total } = await ops.listAssets(ctx, actor, { page, perPage });
    const cards = items.map((a) => {
      const info = ops.imageInfo(ctx, a);
      const alt = a.fields.description?.[locale];
      return {
        id: a.sys.id,
        title: String(a.fields.title?.[locale] ?? ''),
        thumb: info?.width ? info.transform(gridQuery) : undefined,
        fileName: info?.fileName ?? '',
        hasAlt: is.string(alt) && alt.trim() !== '',
        status: statusOf(a.sys),
      };
    });
    return sendPage(
      reply,
      renderMedia({ viewer: viewerOf(request), csrf: csrfFor(request, reply, ctx.publicUrl), scriptHref: opts.scriptHref, cards, total, page, pages: Math.max(1, Math.ceil(total / perPage)), canUpload: can(actor, 'create') }),
    );
  });

  /** The body is the file itself; its name comes in X-File-Name (URI-encoded). */
  app.post('/admin/media/upload', async (request, reply) => {
    const actor = actorOf(request);
    const data = request.body;
    if (!Buffer.isBuffer(data) || data.length === 0) return reply.code(400).send({ message: 'Send the file as the request body.' });
    const contentType = (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase();
    const fileName = cleanFileName(String(request.headers['x-file-name'] ?? 'upload'));
    try {
      const asset = await ops.uploadAsset(ctx, actor, { fileName, contentType, data }, fileName.replace(/\.[a-z0-9]+$/i, ''));
      return reply.code(201).send({ id: asset.sys.id, href: `/admin/media/${asset.sys.id}`, title: asset.fields.title?.[locale] ?? fileName, thumb: ops.imageInfo(ctx, asset)?.transform(gridQuery) });
    } catch (err) {
      if (isFolioError(err) && err.status === 422) return reply.code(422).send({ message: `${fileName}: ${err.message}` });
      throw err;
    }
  });

  async function assetPage(request: FastifyRequest, reply: FastifyReply, asset: AssetRecord, state: { problems?: FieldProblem[]; notice?: string; conflict?: boolean; values?: { title: string; description: string; focalPoint: { x: number; y: number } | null }; status?: number } = {}) {
    const actor = actorOf(request);
    const info = ops.imageInfo(ctx, asset);
    const title = state.values?.title ?? String(asset.fields.title?.[locale] ?? '');
    const description = state.values?.description ?? String(asset.fields.description?.[locale] ?? '');
    const focalPoint = state.values ? (state.values.focalPoint ?? undefined) : info?.focalPoint;
    return sendPage(
      reply,
      renderAssetEdit({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, ctx.publicUrl),
        scriptHref: opts.scriptHref,
        id: asset.sys.id,
        version: asset.sys.version,
        status: statusOf(asset.sys),
        title,
        description,
        fileName: info?.fileName ?? '',
        image: info?.width && info.height ? { src: info.transform(`?w=1200&fm=webp&q=80`), width: info.width, height: info.height, focalPoint } : undefined,
        previews: info?.width ? previewCrops.map((p) => ({ ...p, src: info.transform(p.query) })) : [],
        problems: state.problems ?? [],
        notice: state.notice,
        conflict: state.conflict ?? false,
        canSave: can(actor, 'update', ops.ownershipOf(asset.sys)),
      }),
      state.status ?? 200,
    );
  }

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/media/:id', async (request, reply) => {
    const asset = await ops.getAsset(ctx, actorOf(request), request.params.id);
    return assetPage(request, reply, asset, request.query.done ? { notice: 'Saved.' } : {});
  });

  app.post<{ Params: { id: string } }>('/admin/media/:id', async (request, reply) => {
    const actor = actorOf(request);
    const asset = await ops.getAsset(ctx, actor, request.params.id);
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
      return json ? reply.code(422).send({ message: problems.map((p) => p.message).join(' ') }) : assetPage(request, reply, asset, { problems, values, status: 422 });
    }
    let saved: { asset: AssetRecord; published: boolean };
    try {
      saved = await ops.saveAssetDetails(ctx, actor, asset.sys.id, values, Number(formString(request.body, 'version')));
    } catch (err) {
      if (isFolioError(err) && err.code === 'VERSION_MISMATCH') {
        return json ? reply.code(409).send({ message: 'Someone else changed this file. Reload to see their changes.' }) : assetPage(request, reply, asset, { values, conflict: true, status: 409 });
      }
      const found = problemsOf(err);
      if (!found) throw err;
      return json ? reply.code(422).send({ message: found.map((p) => p.message).join(' ') }) : assetPage(request, reply, asset, { problems: found, values, status: 422 });
    }
    return json ? reply.send({ version: saved.asset.sys.version, published: saved.published }) : reply.redirect(`/admin/media/${asset.sys.id}?done=saved`, 303);
  });
}
