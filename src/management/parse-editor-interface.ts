/** An editor interface body from the client → EditorInterfaceInput (sys is the server's). */
import type { EditorInterfaceControl, EditorInterfaceInput } from '../content/index.js';
import { shapeErrors } from '../content/field-rules.js';
import { validationFailed } from '../errors/index.js';
import type { Json } from '../store/types.js';
import * as is from '../validate/is.js';
import { bodyObject } from './parse.js';

/** Contentful allows 50 fields per type; the lists around them stay in proportion. */
const maxItems = 200;

const refuse = (path: Array<string | number>, details: string): never => {
  throw validationFailed([{ name: 'invalid', path, details }], details);
};

function objects(v: unknown, name: string): Json[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((item) => !is.plainObject(item))) return refuse([name], `${name} must be an array of objects`);
  if (v.length > maxItems) return refuse([name], `${name} holds at most ${maxItems} items`);
  return v as Json[];
}

function control(v: Json, i: number): EditorInterfaceControl {
  const c = v as Record<string, Json>;
  const path = ['controls', i];
  if (!is.nonEmptyString(c.fieldId)) refuse([...path, 'fieldId'], `controls[${i}].fieldId must be a field id`);
  for (const key of ['widgetId', 'widgetNamespace'] as const) {
    if (c[key] !== undefined && !is.nonEmptyString(c[key])) refuse([...path, key], `controls[${i}].${key} must be a non-empty string`);
  }
  if (c.settings !== undefined && !is.plainObject(c.settings)) refuse([...path, 'settings'], `controls[${i}].settings must be an object`);
  return c as unknown as EditorInterfaceControl;
}

export function editorInterfaceBody(body: unknown): EditorInterfaceInput {
  const o = bodyObject(body);
  const shape = shapeErrors(o as Json, []);
  if (shape.length) throw validationFailed(shape, shape[0]!.details);
  const controls = (objects(o.controls, 'controls') ?? []).map(control);
  const input: EditorInterfaceInput = { controls };
  for (const name of ['sidebar', 'editors', 'editorLayout', 'groupControls'] as const) {
    const list = objects(o[name], name);
    if (list) input[name] = list;
  }
  if (o.editor !== undefined && o.editor !== null) input.editor = is.plainObject(o.editor) ? (o.editor as Json) : refuse(['editor'], 'editor must be an object');
  return input;
}
