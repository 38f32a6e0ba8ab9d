/**
 * The content model in the editor, through src/content's content type operations (manageModel,
 * version checks, the model rules). Every write sends the version the page showed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assertCan } from '../../auth/index.js';
import { deleteContentType, getContentType, publishContentType, saveContentType, unpublishContentType } from '../../content/index.js';
import { FolioError, isFolioError } from '../../errors/index.js';
import type { ContentTypeBody, ContentTypeRecord, FieldDefinition } from '../../store/types.js';
import type { AdminContext } from '../context.js';
import { describeRules, fieldFormValuesOf, parseFieldForm, typeLabel, blankField, type FieldFormValues } from '../field-form.js';
import { actorOf, csrfFor, formString, sendPage, viewerOf } from '../http.js';
import { maxPatternLength, patternProblem, previewPattern, setPreviewPattern } from '../preview.js';
import { refusalOf } from '../refusals.js';
import { renderContentType, renderContentTypes, renderFieldEdit, type NewTypeValues, type TypeStatus } from '../views/content-types.js';
import type { FieldProblem } from '../views/layout.js';
import { renderConfirm } from '../views/settings.js';

type One = FastifyRequest<{ Params: { id: string } }>;
type Details = { name: string; description: string; displayField: string; previewUrl: string };
type OneField = FastifyRequest<{ Params: { id: string; fieldId: string } }>;

/** Publishing bumps the version once: an untouched active type is publishedVersion + 1. */
export function typeStatus(t: ContentTypeRecord): TypeStatus {
  if (t.sys.publishedVersion === null) return 'draft';
  return t.sys.version > t.sys.publishedVersion + 1 ? 'changed' : 'active';
}

const versionOf = (body: unknown) => {
  const v = Number(formString(body, 'version'));
  return Number.isSafeInteger(v) && v > 0 ? v : undefined;
};

const bodyOf = (t: ContentTypeRecord): ContentTypeBody => ({ name: t.name, description: t.description, displayField: t.displayField, fields: t.fields });

const canName = (f: FieldDefinition) => f.type === 'Symbol' || f.type === 'Text';

/** The operation's model problems ("fields[2].id …", "Field "x" cannot change its type …") beside the field inputs. */
const fieldProblemField = (details: string | undefined) =>
  /\.id\b|used twice/.test(details ?? '') ? 'field-id' : /type|linkType|items/.test(details ?? '') ? 'field-type' : /validations/.test(details ?? '') ? 'field-pattern' : undefined;

const typeChangeMessage = (details: string | undefined) => {
  const from = /cannot change its type from (\w+)/.exec(details ?? '')?.[1];
  return from ? `A field of an active content type keeps its type (${from}). Add a new field instead, or deactivate the content type first.` : undefined;
};

/** "Cannot delete …: 3 entries use it" from the operation, in the editor's words. */
function explained(err: unknown, name: string): unknown {
  const entries = isFolioError(err) && err.code === 'BAD_REQUEST' ? (err.details as { entries?: number } | undefined)?.entries : undefined;
  if (entries === undefined) return err;
  const them = entries === 1 ? '1 entry uses' : `${entries} entries use`;
  return new FolioError('BAD_REQUEST', `${them} “${name}”. A content type stays active while it has entries: delete ${entries === 1 ? 'that entry' : 'them'} first.`);
}

export async function contentTypeAdminRoutes(app: FastifyInstance, opts: { context: AdminContext }) {
  const ctx = opts.context;
  const { store, publicUrl } = ctx;

  async function listPage(request: FastifyRequest, reply: FastifyReply, state: { problems?: FieldProblem[]; values?: NewTypeValues; notice?: string; status?: number } = {}) {
    assertCan(actorOf(request), 'manageModel');
    const { items } = await store.contentTypes.list(ctx.scope, { order: [{ sys: 'id', direction: 'asc' }], limit: 1000 });
    const types = items
      .map((t) => ({ id: t.sys.id, name: t.name, fields: t.fields.length, status: typeStatus(t) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const values = state.values ?? { id: '', name: '', description: '', titleField: '' };
    return sendPage(reply, renderContentTypes({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), types, problems: state.problems ?? [], values, notice: state.notice }), state.status ?? 200);
  }

  async function typePage(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: { problems?: FieldProblem[]; newField?: FieldFormValues; details?: Details; notice?: string; status?: number } = {},
  ) {
    const t = await getContentType(store, ctx.scope, id, actorOf(request));
    assertCan(actorOf(request), 'manageModel');
    return sendPage(
      reply,
      renderContentType({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        id: t.sys.id,
        version: t.sys.version,
        status: typeStatus(t),
        details: state.details ?? { name: t.name, description: t.description ?? '', displayField: t.displayField ?? '', previewUrl: await previewPattern(opts.context, t.sys.id) },
        displayChoices: t.fields.filter(canName).map((f) => ({ id: f.id, name: f.name })),
        fields: t.fields.map((f) => ({ id: f.id, name: f.name, type: typeLabel(f), required: f.required, localized: f.localized, omitted: f.omitted, rules: describeRules(f), isDisplay: f.id === t.displayField })),
        newField: state.newField ?? blankField(),
        problems: state.problems ?? [],
        notice: state.notice,
      }),
      state.status ?? 200,
    );
  }

  /** Runs a write; a refusal re-renders the type page with the message, never a 5xx. */
  async function attempt(request: FastifyRequest, reply: FastifyReply, id: string, write: () => Promise<unknown>, done: string, onRefusal: { fallback: string; newField?: FieldFormValues; details?: Details }) {
    try {
      await write();
    } catch (caught) {
      const err = explained(caught, (await store.contentTypes.get(ctx.scope, id))?.name ?? id);
      const refusal = refusalOf(err, onRefusal.fallback, (item) => (onRefusal.newField ? fieldProblemField(item.details) : undefined));
      if (!refusal) throw err;
      return typePage(request, reply, id, { ...refusal, ...(onRefusal.newField ? { newField: onRefusal.newField } : {}), ...(onRefusal.details ? { details: onRefusal.details } : {}) });
    }
    return reply.redirect(`/admin/content-types/${encodeURIComponent(id)}?done=${done}`, 303);
  }

  const notices: Record<string, string> = {
    created: 'Content type created as a draft. Add its fields, then activate it.',
    saved: 'Saved as a draft. Activate the content type to apply the change.',
    field: 'Field added to the draft. Activate the content type to apply it.',
    removed: 'Field removed from the draft.',
    omitted: 'The field is hidden (omitted) in the draft. Activate the content type, then remove the field again to delete it.',
    activated: 'Activated: the APIs use this version of the content type now.',
    deactivated: 'Deactivated: the APIs no longer show this content type.',
  };

  app.get<{ Querystring: { done?: string } }>('/admin/content-types', (request, reply) =>
    listPage(request, reply, request.query.done === 'deleted' ? { notice: 'Content type deleted.' } : {}),
  );

  app.post('/admin/content-types', async (request, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'manageModel');
    const values: NewTypeValues = {
      id: formString(request.body, 'id').trim(),
      name: formString(request.body, 'name').trim(),
      description: formString(request.body, 'description').trim(),
      titleField: formString(request.body, 'titleField').trim(),
    };
    const problems: FieldProblem[] = [];
    if (!values.name || values.name.length > 50) problems.push({ field: 'name', message: 'Give the content type a name of up to 50 characters.' });
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(values.id)) problems.push({ field: 'id', message: 'Give it an id of 1 to 64 letters, digits, “.”, “-” or “_”.' });
    else if (await store.contentTypes.get(ctx.scope, values.id)) problems.push({ field: 'id', message: `A content type with the id “${values.id}” exists already.` });
    if (values.titleField && !/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(values.titleField)) problems.push({ field: 'titleField', message: 'A field id starts with a letter and has only letters, digits and “_”.' });
    if (problems.length) return listPage(request, reply, { problems, values, status: 422 });
    const fields: FieldDefinition[] = values.titleField
      ? [{ id: values.titleField, name: values.titleField.charAt(0).toUpperCase() + values.titleField.slice(1), type: 'Symbol', localized: false, required: true, validations: [], disabled: false, omitted: false }]
      : [];
    try {
      await saveContentType(store, ctx.scope, { id: values.id, body: { name: values.name, description: values.description || null, displayField: values.titleField || null, fields } }, actor);
    } catch (err) {
      const refusal = refusalOf(err, 'id');
      if (!refusal) throw err;
      return listPage(request, reply, { ...refusal, values });
    }
    return reply.redirect(`/admin/content-types/${encodeURIComponent(values.id)}?done=created`, 303);
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/admin/content-types/:id', (request, reply) => {
    const notice = request.query.done ? notices[request.query.done] : undefined;
    return typePage(request, reply, request.params.id, notice ? { notice } : {});
  });

  // Details: name, description, display field.
  app.post('/admin/content-types/:id', async (request: One, reply) => {
    const actor = actorOf(request);
    const t = await getContentType(store, ctx.scope, request.params.id, actor);
    const details: Details = {
      name: formString(request.body, 'ct-name').trim(),
      description: formString(request.body, 'ct-description').trim(),
      displayField: formString(request.body, 'ct-display'),
      previewUrl: formString(request.body, 'ct-preview').trim().slice(0, maxPatternLength + 1),
    };
    const problems: FieldProblem[] = [];
    if (!details.name || details.name.length > 50) problems.push({ field: 'ct-name', message: 'Give the content type a name of up to 50 characters.' });
    const previewProblem = patternProblem(details.previewUrl);
    if (previewProblem) problems.push({ field: 'ct-preview', message: previewProblem });
    if (problems.length) return typePage(request, reply, t.sys.id, { problems, details, status: 422 });
    const body = { ...bodyOf(t), name: details.name, description: details.description || null, displayField: details.displayField || null };
    const write = async () => {
      await saveContentType(store, ctx.scope, { id: t.sys.id, body, version: versionOf(request.body) }, actor);
      await setPreviewPattern(opts.context, t.sys.id, details.previewUrl);
    };
    return attempt(request, reply, t.sys.id, write, 'saved', { fallback: 'ct-display', details });
  });

  app.post('/admin/content-types/:id/fields', async (request: One, reply) => {
    const actor = actorOf(request);
    const t = await getContentType(store, ctx.scope, request.params.id, actor);
    const { values, field, problems } = parseFieldForm(request.body);
    if (field && t.fields.some((f) => f.id === field.id)) problems.push({ field: 'field-id', message: `This content type has a field “${field.id}” already.` });
    if (!field || problems.length) return typePage(request, reply, t.sys.id, { problems, newField: values, status: 422 });
    // As in Contentful, the first text field names the entries unless another was chosen.
    const displayField = t.displayField ?? (canName(field) ? field.id : null);
    const body = { ...bodyOf(t), displayField, fields: [...t.fields, field] };
    return attempt(request, reply, t.sys.id, () => saveContentType(store, ctx.scope, { id: t.sys.id, body, version: versionOf(request.body) }, actor), 'field', { fallback: 'field-id', newField: values });
  });

  async function fieldOf(request: OneField) {
    const t = await getContentType(store, ctx.scope, request.params.id, actorOf(request));
    assertCan(actorOf(request), 'manageModel');
    const field = t.fields.find((f) => f.id === request.params.fieldId);
    if (!field) throw new FolioError('NOT_FOUND', `Content type “${t.name}” has no field “${request.params.fieldId}”.`);
    return { t, field };
  }

  const fieldPage = (request: OneField, reply: FastifyReply, t: ContentTypeRecord, values: FieldFormValues, problems: FieldProblem[] = [], status = 200) =>
    sendPage(reply, renderFieldEdit({ viewer: viewerOf(request), csrf: csrfFor(request, reply, publicUrl), typeId: t.sys.id, typeName: t.name, version: t.sys.version, values, problems }), status);

  app.get('/admin/content-types/:id/fields/:fieldId', async (request: OneField, reply) => {
    const { t, field } = await fieldOf(request);
    return fieldPage(request, reply, t, fieldFormValuesOf(field));
  });

  app.post('/admin/content-types/:id/fields/:fieldId', async (request: OneField, reply) => {
    const actor = actorOf(request);
    const { t, field: old } = await fieldOf(request);
    const { values, field, problems } = parseFieldForm(request.body, old);
    if (!field || problems.length) return fieldPage(request, reply, t, values, problems, 422);
    const fields = t.fields.map((f) => (f.id === old.id ? field : f));
    const displayField = t.displayField === field.id && !canName(field) ? null : t.displayField;
    try {
      await saveContentType(store, ctx.scope, { id: t.sys.id, body: { ...bodyOf(t), displayField, fields }, version: versionOf(request.body) }, actor);
    } catch (err) {
      const refusal = refusalOf(err, 'field-name', (item) => fieldProblemField(item.details), (item) => typeChangeMessage(item.details));
      if (!refusal) throw err;
      return fieldPage(request, reply, t, values, refusal.problems, refusal.status);
    }
    return reply.redirect(`/admin/content-types/${encodeURIComponent(t.sys.id)}?done=saved`, 303);
  });

  // A field that the active version shows is first hidden (omitted), as Contentful requires.
  app.post('/admin/content-types/:id/fields/:fieldId/remove', async (request: OneField, reply) => {
    const actor = actorOf(request);
    const { t, field } = await fieldOf(request);
    const published = await store.contentTypes.getPublished(ctx.scope, t.sys.id);
    const live = published?.fields.find((f) => f.id === field.id);
    const omitFirst = live !== undefined && !live.omitted;
    const fields = omitFirst ? t.fields.map((f) => (f.id === field.id ? { ...f, omitted: true } : f)) : t.fields.filter((f) => f.id !== field.id);
    const displayField = !omitFirst && t.displayField === field.id ? null : t.displayField;
    return attempt(request, reply, t.sys.id, () => saveContentType(store, ctx.scope, { id: t.sys.id, body: { ...bodyOf(t), displayField, fields }, version: versionOf(request.body) }, actor), omitFirst ? 'omitted' : 'removed', { fallback: 'actions' });
  });

  app.post('/admin/content-types/:id/activate', async (request: One, reply) => {
    const actor = actorOf(request);
    const t = await getContentType(store, ctx.scope, request.params.id, actor);
    return attempt(request, reply, t.sys.id, () => publishContentType(store, ctx.scope, { id: t.sys.id, version: versionOf(request.body) }, actor), 'activated', { fallback: 'actions' });
  });

  app.post('/admin/content-types/:id/deactivate', async (request: One, reply) => {
    const actor = actorOf(request);
    const t = await getContentType(store, ctx.scope, request.params.id, actor);
    return attempt(request, reply, t.sys.id, () => unpublishContentType(store, ctx.scope, { id: t.sys.id, version: versionOf(request.body) }, actor), 'deactivated', { fallback: 'actions' });
  });

  const confirmPage = (request: FastifyRequest, reply: FastifyReply, t: ContentTypeRecord, problems: FieldProblem[] = [], status = 200) =>
    sendPage(
      reply,
      renderConfirm({
        viewer: viewerOf(request),
        csrf: csrfFor(request, reply, publicUrl),
        area: 'content-types',
        title: `Delete the content type “${t.name}”?`,
        consequence:
          typeStatus(t) === 'draft'
            ? 'Its definition and its snapshots are deleted. This cannot be undone.'
            : 'It is active: Folio deactivates it first (possible only while no entries use it), then deletes its definition. This cannot be undone.',
        action: `/admin/content-types/${t.sys.id}/delete`,
        confirmLabel: 'Delete content type',
        cancelHref: `/admin/content-types/${t.sys.id}`,
        version: t.sys.version,
        problems,
      }),
      status,
    );

  app.get('/admin/content-types/:id/delete', async (request: One, reply) => {
    const actor = actorOf(request);
    assertCan(actor, 'manageModel');
    return confirmPage(request, reply, await getContentType(store, ctx.scope, request.params.id, actor));
  });

  app.post('/admin/content-types/:id/delete', async (request: One, reply) => {
    const actor = actorOf(request);
    const t = await getContentType(store, ctx.scope, request.params.id, actor);
    try {
      let version = versionOf(request.body);
      // An active type is deactivated first (the operation refuses while entries use it).
      if (t.sys.publishedVersion !== null) version = (await unpublishContentType(store, ctx.scope, { id: t.sys.id, version }, actor)).sys.version;
      await deleteContentType(store, ctx.scope, { id: t.sys.id, version }, actor);
    } catch (caught) {
      const refusal = refusalOf(explained(caught, t.name), 'confirm');
      if (!refusal) throw caught;
      return confirmPage(request, reply, await getContentType(store, ctx.scope, t.sys.id, actor), refusal.problems, refusal.status);
    }
    return reply.redirect('/admin/content-types?done=deleted', 303);
  });
}
