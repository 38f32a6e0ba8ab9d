/** The seed's card transform (test/fixtures/seed: `?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive`) on a demo photo. */
export const card = { width: 330, height: 216 };
export const cardQuery = '?w=330&h=216&q=60&fit=fill&f=faces&fm=jpg&fl=progressive';
export const assetId = 'image-devops-team-roles-and-responsibilities';

type Box = { x: number; y: number; width: number; height: number };

/** The face box and crop window of a `size` fill with f=faces, as Folio places it. */
export function cardWindow(image: { width: number; height: number; faces?: Box[] }, size: { width: number; height: number } = card) {
  const faces = image.faces ?? [];
  const wide = image.width * size.height > image.height * size.width;
  const width = wide ? Math.round((image.height * size.width) / size.height) : image.width;
  const height = wide ? image.height : Math.round((image.width * size.height) / size.width);
  const cx = faces.length ? (Math.min(...faces.map((f) => f.x)) + Math.max(...faces.map((f) => f.x + f.width))) / 2 : image.width / 2;
  const cy = faces.length ? (Math.min(...faces.map((f) => f.y)) + Math.max(...faces.map((f) => f.y + f.height))) / 2 : image.height / 2;
  const clamp = (n: number, max: number) => Math.min(max, Math.max(0, Math.round(n)));
  return { left: clamp(cx - width / 2, image.width - width), top: clamp(cy - height / 2, image.height - height), width, height };
}
