/**
 * People for the demo illustrations, drawn facing the viewer with eyes, brows, nose and mouth,
 * so they read as people and give face detection something real to find.
 *
 * A person is drawn in a local frame: (0, 0) is the centre of the head, the head is about 116
 * wide and 140 tall, shoulders sit at y ≈ 130 and a seated person's desk top at y = DESK.
 * `person()` returns two layers so a scene can put a desk between them: `back` (hair, body,
 * head) goes behind the desk, `front` (arms and hands) on top of it.
 */
import { n, shade } from './canvas.js';

/** The local y of a desk top in front of a seated person. */
export const DESK = 330;

export type HairStyle = 'short' | 'long' | 'bun' | 'ponytail' | 'curly' | 'afro' | 'bald';

export interface Look {
  skin: string;
  hair: string;
  hairStyle: HairStyle;
  /** Colour of the top (shirt, sweater, hoodie). */
  top: string;
  /** Horizontal stripes over the top, in this colour. */
  stripes?: string;
  collar?: 'crew' | 'v' | 'shirt' | 'hoodie';
  glasses?: boolean;
  headphones?: string;
  iris?: string;
  /** Trousers, for standing people. */
  legs?: string;
}

export type Point = readonly [x: number, y: number];

export interface Pose {
  /** Centre of the head, in scene coordinates. */
  x: number;
  y: number;
  scale: number;
  /** Where the hands are, in the local frame; default: typing on the desk in front. */
  hands?: readonly [left: Point, right: Point];
  /** Raise the right hand (viewer's right) and point at something. */
  pointing?: boolean;
  standing?: boolean;
  /** Where the eyes look, -1 (viewer's left) … 1 (viewer's right). */
  lookX?: number;
  /** Head tilt in degrees. */
  tilt?: number;
  /** Scene y of the floor: a seated person's shins and shoes show down to it under a desk. */
  floor?: number;
}

const headPath = 'M-58 -6 C-58 -52 -32 -72 0 -72 C32 -72 58 -52 58 -6 C58 36 32 68 0 68 C-32 68 -58 36 -58 -6Z';
const torsoPath = (bottom: number) =>
  `M-124 ${bottom} L-126 214 C-126 150 -98 118 -52 108 L52 108 C98 118 126 150 126 214 L124 ${bottom}Z`;

function hairBack(l: Look): string {
  switch (l.hairStyle) {
    case 'long':
      return `<path d="M-66 -16 C-72 -82 -40 -100 0 -100 C40 -100 72 -82 66 -16 C70 40 78 96 88 142 C44 156 -44 156 -88 142 C-78 96 -70 40 -66 -16Z" fill="${l.hair}"/>`;
    case 'bun':
      return `<circle cx="0" cy="-100" r="32" fill="${l.hair}"/>`;
    case 'ponytail':
      return `<path d="M34 -78 C100 -80 112 10 92 104 C82 54 70 8 44 -30Z" fill="${l.hair}"/>`;
    case 'afro':
      return `<circle cx="0" cy="-26" r="94" fill="${l.hair}"/>`;
    case 'curly':
      return `<ellipse cx="0" cy="-40" rx="74" ry="60" fill="${l.hair}"/>`;
    default:
      return '';
  }
}

function hairFront(l: Look): string {
  const f = `fill="${l.hair}"`;
  switch (l.hairStyle) {
    case 'short':
      return `<path d="M-62 -2 C-70 -62 -40 -94 4 -92 C48 -92 72 -60 62 -4 C58 -22 52 -34 42 -42 C18 -32 -16 -34 -40 -46 C-52 -34 -58 -20 -62 -2Z" ${f}/>`;
    case 'long':
      return `<path d="M-62 6 C-68 -62 -36 -94 6 -94 C46 -94 68 -62 62 2 C56 -38 32 -58 10 -62 C-12 -42 -38 -30 -62 6Z" ${f}/>`;
    case 'bun':
    case 'ponytail':
      return `<path d="M-60 -12 C-62 -70 -32 -92 0 -92 C32 -92 62 -70 60 -12 C52 -46 28 -60 0 -60 C-28 -60 -52 -46 -60 -12Z" ${f}/>`;
    case 'curly':
    case 'afro': {
      const ring = l.hairStyle === 'afro' ? 70 : 62;
      const curls = [200, 222, 244, 266, 288, 310, 332].map((deg) => {
        const a = (deg * Math.PI) / 180;
        return `<circle cx="${n(Math.cos(a) * ring)}" cy="${n(Math.sin(a) * ring - 16)}" r="${l.hairStyle === 'afro' ? 30 : 25}" ${f}/>`;
      });
      return curls.join('');
    }
    case 'bald':
      return `<ellipse cx="-18" cy="-52" rx="16" ry="8" fill="#ffffff" opacity="0.25" transform="rotate(-20 -18 -52)"/>`;
  }
}

function face(l: Look, lookX: number): string {
  const skinDark = shade(l.skin, 0.78);
  const brow = shade(l.hair, 0.7);
  const iris = l.iris ?? '#4a2c1d';
  const eye = (x: number) =>
    `<ellipse cx="${x}" cy="-6" rx="12.5" ry="10" fill="#ffffff"/>` +
    `<circle cx="${n(x + lookX * 4)}" cy="-5" r="7.5" fill="${iris}"/>` +
    `<circle cx="${n(x + lookX * 4)}" cy="-5" r="3.8" fill="#160f1c"/>` +
    `<circle cx="${n(x + lookX * 4 + 2.6)}" cy="-7.6" r="2.2" fill="#ffffff"/>` +
    `<path d="M${x - 13} -9 Q${x} -19 ${x + 13} -9" stroke="#2a1d22" stroke-width="3" fill="none" stroke-linecap="round"/>`;
  return (
    `<ellipse cx="-58" cy="2" rx="10" ry="16" fill="${l.skin}"/><ellipse cx="58" cy="2" rx="10" ry="16" fill="${l.skin}"/>` +
    `<path d="${headPath}" fill="${l.skin}"/>` +
    `<path d="M-58 -6 C-58 36 -32 68 0 68 C-22 60 -44 34 -50 -2Z" fill="${skinDark}" opacity="0.25"/>` +
    `<path d="M-40 -27 Q-26 -35 -11 -28" stroke="${brow}" stroke-width="6" fill="none" stroke-linecap="round"/>` +
    `<path d="M11 -28 Q26 -35 40 -27" stroke="${brow}" stroke-width="6" fill="none" stroke-linecap="round"/>` +
    eye(-24) +
    eye(24) +
    `<path d="M-2 4 Q-9 22 3 24" stroke="${skinDark}" stroke-width="4" fill="none" stroke-linecap="round"/>` +
    `<circle cx="-38" cy="22" r="11" fill="#ff6b6b" opacity="0.16"/><circle cx="38" cy="22" r="11" fill="#ff6b6b" opacity="0.16"/>` +
    `<path d="M-19 37 Q0 56 19 37 Q0 43 -19 37Z" fill="#8c2f39"/>` +
    `<path d="M-14 39.5 Q0 44 14 39.5 L12.5 42.5 Q0 46.5 -12.5 42.5Z" fill="#ffffff"/>` +
    (l.glasses
      ? `<g fill="#ffffff" fill-opacity="0.12" stroke="#2b2b36" stroke-width="4.5"><circle cx="-24" cy="-6" r="18"/><circle cx="24" cy="-6" r="18"/></g>` +
        `<path d="M-6 -8 Q0 -12 6 -8 M-42 -8 L-57 -12 M42 -8 L57 -12" stroke="#2b2b36" stroke-width="4.5" fill="none"/>`
      : '')
  );
}

function top(id: string, l: Look, bottom: number): string {
  const clip = `top-${id}`;
  const stripes = l.stripes
    ? `<g clip-path="url(#${clip})">${[0, 1, 2, 3, 4, 5, 6, 7]
        .map((i) => `<rect x="-140" y="${150 + i * 46}" width="280" height="20" fill="${l.stripes}"/>`)
        .join('')}</g>`
    : '';
  const collar = (() => {
    switch (l.collar ?? 'crew') {
      case 'v':
        return `<path d="M-30 106 L0 156 L30 106Z" fill="${l.skin}"/><path d="M-34 106 L0 162 L34 106" stroke="${shade(l.top, 0.8)}" stroke-width="8" fill="none"/>`;
      case 'shirt':
        return (
          `<path d="M-26 106 L0 146 L26 106Z" fill="${l.skin}"/>` +
          `<path d="M-40 100 L-4 146 L-30 158Z M40 100 L4 146 L30 158Z" fill="${shade(l.top, 1.25)}"/>` +
          [180, 230, 280].map((y) => `<circle cx="0" cy="${y}" r="5" fill="${shade(l.top, 0.75)}"/>`).join('')
        );
      case 'hoodie':
        return (
          `<path d="M-64 112 C-60 70 60 70 64 112 C40 132 -40 132 -64 112Z" fill="${shade(l.top, 0.82)}"/>` +
          `<path d="M-22 104 Q0 124 22 104" fill="${l.skin}"/>` +
          `<path d="M-16 128 L-20 210 M16 128 L20 210" stroke="#f4f1ea" stroke-width="5" stroke-linecap="round"/>`
        );
      default:
        return `<path d="M-30 106 Q0 138 30 106Z" fill="${l.skin}"/><path d="M-34 106 Q0 144 34 106" stroke="${shade(l.top, 0.8)}" stroke-width="8" fill="none"/>`;
    }
  })();
  return (
    `<clipPath id="${clip}"><path d="${torsoPath(bottom)}"/></clipPath>` +
    `<path d="${torsoPath(bottom)}" fill="${l.top}"/>${stripes}` +
    `<path d="M126 214 C126 150 98 118 52 108 C84 140 96 190 96 ${bottom} L124 ${bottom}Z" fill="#000000" opacity="0.1"/>` +
    `<rect x="-19" y="52" width="38" height="60" fill="${l.skin}"/>` +
    `<path d="M-19 52 Q0 80 19 52 V70 Q0 92 -19 70Z" fill="${shade(l.skin, 0.75)}" opacity="0.6"/>` +
    collar
  );
}

/** An arm as a sleeve from the shoulder through the elbow to a hand. */
function arm(l: Look, shoulder: Point, elbow: Point, hand: Point, pointing = false): string {
  const sleeve = l.stripes ?? shade(l.top, 0.92);
  const p = `M${shoulder[0]} ${shoulder[1]} L${n(elbow[0])} ${n(elbow[1])} L${n(hand[0])} ${n(hand[1])}`;
  const finger = pointing
    ? `<rect x="${n(hand[0] - 5)}" y="${n(hand[1] - 42)}" width="11" height="34" rx="5.5" fill="${l.skin}" transform="rotate(35 ${n(hand[0])} ${n(hand[1])})"/>`
    : '';
  return (
    `<path d="${p}" stroke="${l.top}" stroke-width="46" stroke-linecap="round" stroke-linejoin="round" fill="none"/>` +
    (l.stripes ? `<path d="${p}" stroke="${sleeve}" stroke-width="46" stroke-dasharray="20 26" fill="none" opacity="0.9"/>` : '') +
    `<circle cx="${n(hand[0])}" cy="${n(hand[1])}" r="21" fill="${l.skin}"/>${finger}`
  );
}

/** Shins and shoes below a desk, for a person seated facing us; `floor` is local. */
function seatedLegs(colour: string, floor: number): string {
  const top = DESK + 20;
  return (
    `<path d="M-96 ${top} H-12 L-18 ${n(floor - 26)} H-82Z M96 ${top} H12 L18 ${n(floor - 26)} H82Z" fill="${colour}"/>` +
    `<path d="M-96 ${top} H96 V${top + 40} H-96Z" fill="${shade(colour, 0.8)}"/>` +
    `<path d="M-88 ${n(floor - 30)} H-14 Q-10 ${n(floor)} -30 ${n(floor)} H-96 Q-104 ${n(floor - 6)} -88 ${n(floor - 30)}Z M88 ${n(floor - 30)} H14 Q10 ${n(floor)} 30 ${n(floor)} H96 Q104 ${n(floor - 6)} 88 ${n(floor - 30)}Z" fill="#26222e"/>`
  );
}

function elbowFor(shoulder: Point, hand: Point, side: -1 | 1): Point {
  return [(shoulder[0] + hand[0]) / 2 + side * 42, (shoulder[1] + hand[1]) / 2 + 34];
}

/** A person in two layers, `back` to draw behind the desk and `front` (arms) on top of it. */
export function person(id: string, l: Look, pose: Pose): { back: string; front: string } {
  const standing = pose.standing ?? false;
  const bottom = standing ? 470 : DESK + 60;
  const lookX = pose.lookX ?? 0;
  const tilt = `rotate(${pose.tilt ?? 0} 0 60)`;
  const behind = `<g transform="${tilt}">${hairBack(l)}</g>`;
  const head = `<g transform="${tilt}">${face(l, lookX)}${hairFront(l)}${
    l.headphones
      ? `<path d="M-70 0 C-76 -116 76 -116 70 0" stroke="${l.headphones}" stroke-width="14" fill="none"/>` +
        `<rect x="-82" y="-26" width="28" height="54" rx="12" fill="${l.headphones}"/><rect x="54" y="-26" width="28" height="54" rx="12" fill="${l.headphones}"/>`
      : ''
  }</g>`;
  const legs = standing
    ? `<path d="M-100 460 L-92 850 H-14 L-4 540 H4 L14 850 H92 L100 460Z" fill="${l.legs ?? '#2f3447'}"/>` +
      `<path d="M-96 850 H-10 Q-8 878 -30 880 H-104 Q-118 878 -96 850Z M96 850 H10 Q8 878 30 880 H104 Q118 878 96 850Z" fill="#26222e"/>`
    : pose.floor !== undefined
      ? seatedLegs(l.legs ?? '#2f3447', (pose.floor - pose.y) / pose.scale)
      : '';
  const back = `<g transform="translate(${n(pose.x)} ${n(pose.y)}) scale(${pose.scale})">${legs}${behind}${top(id, l, bottom)}${head}</g>`;

  const sl: Point = [-104, 150];
  const sr: Point = [104, 150];
  let arms: string;
  if (standing) {
    const left: Point = [-132, 430];
    arms = arm(l, sl, [-134, 290], left);
    arms += pose.pointing ? arm(l, sr, [190, 116], [250, 24], true) : arm(l, sr, [134, 290], [132, 430]);
  } else {
    const [hl, hr] = pose.hands ?? [
      [-60, DESK - 8],
      [60, DESK - 8],
    ];
    arms = arm(l, sl, elbowFor(sl, hl, -1), hl);
    arms += pose.pointing ? arm(l, sr, [190, 116], [250, 24], true) : arm(l, sr, elbowFor(sr, hr, 1), hr);
  }
  const front = `<g transform="translate(${n(pose.x)} ${n(pose.y)}) scale(${pose.scale})">${arms}</g>`;
  return { back, front };
}

/** Scene y of the desk top in front of a seated person with this pose. */
export const deskTopFor = (pose: Pick<Pose, 'y' | 'scale'>) => pose.y + DESK * pose.scale;

/** A ready palette of skin tones, light to deep. */
export const skins = ['#f6d3b8', '#eebf98', '#d9a078', '#b87a52', '#8d5a3b', '#5e3b26'] as const;
