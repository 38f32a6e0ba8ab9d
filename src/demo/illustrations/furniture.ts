/** Furniture, screens and props for the demo illustrations, as SVG strings in scene coordinates. */
import { n, shade, shadow } from './canvas.js';

export interface Wood {
  top: string;
  edge: string;
  leg: string;
}

export const woods = {
  oak: { top: '#d9a56b', edge: '#b57f47', leg: '#8f5f33' },
  walnut: { top: '#a8704a', edge: '#84512f', leg: '#5f3920' },
  white: { top: '#f4f1ec', edge: '#d9d3ca', leg: '#9a9fb0' },
  grey: { top: '#7c8499', edge: '#5f6679', leg: '#474d5e' },
  dark: { top: '#3b3560', edge: '#2b2648', leg: '#201c38' },
} satisfies Record<string, Wood>;

/**
 * A desk seen from the front: a top surface from `y - 28` (back) to `y` (front), an edge below,
 * and either legs or a modesty panel down to `floor`.
 */
export function desk(x: number, y: number, w: number, wood: Wood, floor: number, panel = false): string {
  const legs = panel
    ? `<rect x="${x + 24}" y="${y + 26}" width="${w - 48}" height="${n((floor - y - 26) * 0.8)}" fill="${wood.leg}"/>` +
      `<rect x="${x + 24}" y="${y + 26}" width="26" height="${floor - y - 26}" fill="${shade(wood.leg, 0.85)}"/>` +
      `<rect x="${x + w - 50}" y="${y + 26}" width="26" height="${floor - y - 26}" fill="${shade(wood.leg, 0.85)}"/>`
    : `<rect x="${x + 30}" y="${y + 26}" width="24" height="${floor - y - 26}" fill="${wood.leg}"/>` +
      `<rect x="${x + w - 54}" y="${y + 26}" width="24" height="${floor - y - 26}" fill="${wood.leg}"/>`;
  return (
    shadow(x + w / 2, floor, w * 0.52, 14) +
    legs +
    `<path d="M${x + 18} ${y - 28} H${x + w - 18} L${x + w} ${y} H${x}Z" fill="${wood.top}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="26" rx="4" fill="${wood.edge}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="5" fill="#ffffff" opacity="0.25"/>`
  );
}

/** The back of an office chair, drawn behind a seated person; with `floor`, its stem and base too. */
export function chairBack(cx: number, top: number, s: number, colour: string, floor?: number): string {
  const w = 300 * s;
  const h = 380 * s;
  const seat = top + h + 10 * s;
  const base =
    floor === undefined
      ? ''
      : shadow(cx, floor, 150 * s, 10) +
        `<rect x="${n(cx - 10 * s)}" y="${n(seat)}" width="${n(20 * s)}" height="${n(floor - seat - 20 * s)}" fill="#4a4f60"/>` +
        `<path d="M${n(cx - 140 * s)} ${n(floor - 12 * s)} L${n(cx)} ${n(floor - 34 * s)} L${n(cx + 140 * s)} ${n(floor - 12 * s)}" stroke="#3a3f4f" stroke-width="${n(14 * s)}" fill="none" stroke-linecap="round"/>` +
        `<circle cx="${n(cx - 140 * s)}" cy="${n(floor - 6 * s)}" r="${n(11 * s)}" fill="#26222e"/><circle cx="${n(cx + 140 * s)}" cy="${n(floor - 6 * s)}" r="${n(11 * s)}" fill="#26222e"/>` +
        `<rect x="${n(cx - 150 * s)}" y="${n(seat)}" width="${n(300 * s)}" height="${n(40 * s)}" rx="${n(18 * s)}" fill="${shade(colour, 0.8)}"/>`;
  return (
    base +
    `<rect x="${n(cx - w / 2)}" y="${n(top)}" width="${n(w)}" height="${n(h)}" rx="${n(60 * s)}" fill="${shade(colour, 0.8)}"/>` +
    `<rect x="${n(cx - w / 2 + 16 * s)}" y="${n(top + 14 * s)}" width="${n(w - 32 * s)}" height="${n(h - 28 * s)}" rx="${n(50 * s)}" fill="${colour}"/>`
  );
}

/** Anything drawn inside a screen, given its size; (0, 0) is the screen's top left. */
export type Screen = (w: number, h: number) => string;

/**
 * A monitor on a stand, its stand's foot at (cx, base). `turn` skews the screen as if it were
 * turned toward the viewer's left (negative) or right (positive).
 */
export function monitor(cx: number, base: number, w: number, h: number, screen: Screen, turn = 0, bg = '#1c2033'): string {
  const topY = base - 70 - h;
  const skew = turn === 0 ? '' : ` skewY(${turn})`;
  const pivot = `translate(${n(cx)} ${n(topY + h / 2)})${skew} scale(${n(1 - Math.abs(turn) / 90)} 1) translate(${n(-w / 2)} ${n(-h / 2)})`;
  const depth = turn === 0 ? 0 : turn > 0 ? -12 : 12;
  return (
    shadow(cx, base, w * 0.28, 8) +
    `<path d="M${n(cx - 70)} ${base} Q${n(cx)} ${base - 16} ${n(cx + 70)} ${base}Z" fill="#3a3f4f"/>` +
    `<rect x="${n(cx - 14)}" y="${n(base - 80)}" width="28" height="76" fill="#4a5063"/>` +
    `<g transform="${pivot}">` +
    (depth ? `<rect x="${depth - 14}" y="-14" width="${w + 28}" height="${h + 28}" rx="14" fill="#181b26"/>` : '') +
    `<rect x="-14" y="-14" width="${w + 28}" height="${h + 28}" rx="14" fill="#2c303d"/>` +
    `<rect x="0" y="0" width="${w}" height="${h}" rx="4" fill="${bg}"/>` +
    `<svg x="0" y="0" width="${w}" height="${h}" overflow="hidden">${screen(w, h)}</svg>` +
    `<path d="M0 0 H${n(w * 0.45)} L${n(w * 0.25)} ${h} H0Z" fill="#ffffff" opacity="0.04"/>` +
    `</g>`
  );
}

const syntax = ['#7aa2f7', '#9ece6a', '#e0af68', '#bb9af7', '#f7768e', '#7dcfff'];

/** Lines of code in syntax colours, with a window bar and line-number gutter. */
export function codeScreen(rand: () => number, opts: { lineHeight?: number; colours?: readonly string[] } = {}): Screen {
  const lh = opts.lineHeight ?? 24;
  const colours = opts.colours ?? syntax;
  return (w, h) => {
    const out = [
      `<rect width="${w}" height="26" fill="#000000" opacity="0.25"/>`,
      ...['#ff5f57', '#febc2e', '#28c840'].map((c, i) => `<circle cx="${18 + i * 18}" cy="13" r="5.5" fill="${c}"/>`),
      `<rect x="0" y="26" width="34" height="${h - 26}" fill="#000000" opacity="0.15"/>`,
    ];
    let indent = 0;
    for (let y = 44; y < h - 16; y += lh) {
      out.push(`<rect x="10" y="${y}" width="14" height="7" rx="3.5" fill="#5c6380"/>`);
      indent = Math.max(0, Math.min(3, indent + (rand() < 0.3 ? 1 : rand() < 0.3 ? -1 : 0)));
      let x = 48 + indent * 22;
      const words = 1 + Math.floor(rand() * 4);
      for (let j = 0; j < words && x < w - 50; j++) {
        const lw = Math.min(20 + Math.floor(rand() * 70), w - 20 - x);
        out.push(`<rect x="${x}" y="${y - 1}" width="${lw}" height="10" rx="5" fill="${colours[Math.floor(rand() * colours.length)]}"/>`);
        x += lw + 10;
      }
    }
    return out.join('');
  };
}

/** A deployment pipeline (stages with checks) over a monitoring chart. */
export function pipelineScreen(rand: () => number): Screen {
  return (w, h) => {
    const stages = 4;
    const out = [`<rect width="${w}" height="26" fill="#000000" opacity="0.25"/>`];
    const cy = 80;
    for (let i = 0; i < stages; i++) {
      const cx = 50 + (i * (w - 100)) / (stages - 1);
      if (i > 0) out.push(`<rect x="${n(cx - (w - 100) / (stages - 1) + 24)}" y="${cy - 3}" width="${n((w - 100) / (stages - 1) - 48)}" height="6" rx="3" fill="#3d4560"/>`);
      const ok = i < 3;
      out.push(`<circle cx="${n(cx)}" cy="${cy}" r="22" fill="${ok ? '#2fbf71' : '#e0af68'}"/>`);
      out.push(
        ok
          ? `<path d="M${n(cx - 9)} ${cy} l6 7 l12 -14" stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`
          : `<circle cx="${n(cx)}" cy="${cy}" r="8" fill="none" stroke="#ffffff" stroke-width="4" stroke-dasharray="30 20"/>`,
      );
    }
    const top = 140;
    const bottom = h - 24;
    out.push(`<rect x="20" y="${top}" width="${w - 40}" height="${bottom - top}" rx="8" fill="#ffffff" opacity="0.05"/>`);
    for (let g = 1; g < 4; g++) out.push(`<rect x="30" y="${n(top + ((bottom - top) * g) / 4)}" width="${w - 60}" height="2" fill="#ffffff" opacity="0.08"/>`);
    const pts: string[] = [];
    const bars: string[] = [];
    for (let i = 0; i <= 16; i++) {
      const x = 30 + (i * (w - 60)) / 16;
      const v = 0.35 + 0.35 * Math.sin(i / 2.2) + rand() * 0.2;
      pts.push(`${n(x)} ${n(bottom - 10 - v * (bottom - top - 30))}`);
      if (i < 16) bars.push(`<rect x="${n(x + 4)}" y="${n(bottom - 10 - v * 50)}" width="${n((w - 60) / 16 - 8)}" height="${n(v * 50)}" fill="#7aa2f7" opacity="0.35"/>`);
    }
    out.push(...bars);
    out.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#7dcfff" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"/>`);
    return out.join('');
  };
}

/** A bright platform game: sky, hills, platforms, coins and a hero. */
export const gameScreen: Screen = (w, h) => {
  const ground = h - 46;
  return (
    `<rect width="${w}" height="${h}" fill="#5ec8f2"/>` +
    `<rect y="${n(h * 0.55)}" width="${w}" height="${n(h * 0.45)}" fill="#86dbf7"/>` +
    `<circle cx="${n(w * 0.82)}" cy="58" r="30" fill="#fff3a6"/>` +
    `<path d="M50 60 a22 22 0 0 1 40 -8 a18 18 0 0 1 30 14 H40 a12 12 0 0 1 10 -6Z" fill="#ffffff"/>` +
    `<path d="M0 ${ground} Q${n(w * 0.2)} ${ground - 110} ${n(w * 0.45)} ${ground} Z" fill="#3fb27f"/>` +
    `<path d="M${n(w * 0.35)} ${ground} Q${n(w * 0.65)} ${ground - 150} ${w} ${ground} Z" fill="#2f9a6c"/>` +
    `<rect y="${ground}" width="${w}" height="46" fill="#8b5a2b"/><rect y="${ground}" width="${w}" height="12" fill="#5fd068"/>` +
    [0.3, 0.58].map((p, i) => `<rect x="${n(w * p)}" y="${ground - 90 - i * 60}" width="120" height="24" rx="4" fill="#c46a2f"/><rect x="${n(w * p)}" y="${ground - 90 - i * 60}" width="120" height="8" fill="#5fd068"/>`).join('') +
    [0.34, 0.4, 0.46, 0.62, 0.68].map((p, i) => `<circle cx="${n(w * p)}" cy="${ground - (i < 3 ? 118 : 178)}" r="10" fill="#ffd23f" stroke="#e09b00" stroke-width="3"/>`).join('') +
    `<g transform="translate(${n(w * 0.15)} ${ground - 64})"><rect width="48" height="64" rx="10" fill="#f72585"/><rect x="6" y="12" width="36" height="18" rx="6" fill="#ffffff"/><circle cx="17" cy="21" r="5" fill="#1d1a2f"/><circle cx="33" cy="21" r="5" fill="#1d1a2f"/></g>` +
    `<g transform="translate(${n(w * 0.8)} ${ground - 40})"><path d="M0 40 Q0 0 24 0 Q48 0 48 40Z" fill="#7209b7"/><circle cx="16" cy="18" r="5" fill="#ffffff"/><circle cx="32" cy="18" r="5" fill="#ffffff"/></g>` +
    `<rect x="14" y="12" width="120" height="14" rx="7" fill="#ffffff" opacity="0.8"/><rect x="14" y="12" width="80" height="14" rx="7" fill="#f72585"/>`
  );
};

/** Two panes side by side: a TypeScript-blue file and a JavaScript-yellow one. */
export function splitCodeScreen(rand: () => number): Screen {
  return (w, h) => {
    const half = w / 2;
    const pane = (x: number, tab: string, colours: string[]) => {
      const out = [`<rect x="${x + 12}" y="10" width="70" height="22" rx="5" fill="${tab}"/>`];
      for (let y = 50; y < h - 14; y += 22) {
        let lx = x + 14 + Math.floor(rand() * 3) * 16;
        for (let j = 0; j < 1 + Math.floor(rand() * 3) && lx < x + half - 40; j++) {
          const lw = Math.min(18 + Math.floor(rand() * 50), x + half - 14 - lx);
          out.push(`<rect x="${n(lx)}" y="${y}" width="${n(lw)}" height="9" rx="4.5" fill="${colours[Math.floor(rand() * colours.length)]}"/>`);
          lx += lw + 8;
        }
      }
      return out.join('');
    };
    return (
      pane(0, '#3178c6', ['#7aa2f7', '#7dcfff', '#bb9af7', '#9ece6a']) +
      `<rect x="${n(half - 1.5)}" y="0" width="3" height="${h}" fill="#000000" opacity="0.35"/>` +
      pane(half, '#f0db4f', ['#e0af68', '#f0db4f', '#f7768e', '#9ece6a'])
    );
  };
}

/** The back of an open laptop's lid, facing the viewer, resting on a desk top at `base`. */
export function laptopBack(cx: number, base: number, s: number, lid = '#c9ced8'): string {
  const w = 150 * s;
  const h = 200 * s;
  return (
    shadow(cx, base + 2, w * 1.15, 7 * s, 0.18) +
    `<path d="M${n(cx - w)} ${base} L${n(cx - w + 16 * s)} ${n(base - h)} H${n(cx + w - 16 * s)} L${n(cx + w)} ${base}Z" fill="${lid}"/>` +
    `<path d="M${n(cx - w + 16 * s)} ${n(base - h)} H${n(cx + w - 16 * s)} L${n(cx + w - 14 * s)} ${n(base - h + 10 * s)} H${n(cx - w + 14 * s)}Z" fill="#ffffff" opacity="0.35"/>` +
    `<circle cx="${n(cx)}" cy="${n(base - h * 0.52)}" r="${n(17 * s)}" fill="#ffffff" opacity="0.55"/>` +
    `<rect x="${n(cx - w - 26 * s)}" y="${n(base - 4)}" width="${n(2 * w + 52 * s)}" height="${n(14 * s)}" rx="${n(6 * s)}" fill="${shade(lid, 0.78)}"/>`
  );
}

/** A keyboard lying on a desk, seen from the front. */
export function keyboard(cx: number, base: number, w: number, colour = '#e9ecf3'): string {
  const keys = [0, 1, 2]
    .map((r) => `<rect x="${n(cx - w / 2 + 22 + r * 4)}" y="${n(base - 20 + r * 6)}" width="${n(w - 44 - r * 8)}" height="3" rx="1.5" fill="${shade(colour, 0.75)}"/>`)
    .join('');
  return (
    shadow(cx, base + 3, w * 0.52, 5, 0.16) +
    `<path d="M${n(cx - w / 2 + 14)} ${base - 24} H${n(cx + w / 2 - 14)} L${n(cx + w / 2)} ${base} H${n(cx - w / 2)}Z" fill="${colour}"/>${keys}` +
    `<rect x="${n(cx - w / 2)}" y="${base}" width="${w}" height="8" rx="3" fill="${shade(colour, 0.8)}"/>`
  );
}

export function mouse(cx: number, base: number, colour = '#e9ecf3'): string {
  return `${shadow(cx, base + 2, 26, 4)}<path d="M${cx - 22} ${base} Q${cx - 22} ${base - 20} ${cx} ${base - 20} Q${cx + 22} ${base - 20} ${cx + 22} ${base}Z" fill="${colour}"/>`;
}

export function mug(cx: number, base: number, colour: string, steam = false): string {
  return (
    shadow(cx, base + 2, 34, 5) +
    `<path d="M${cx + 20} ${base - 46} a18 16 0 0 1 0 32" stroke="${colour}" stroke-width="8" fill="none"/>` +
    `<path d="M${cx - 26} ${base - 58} H${cx + 24} L${cx + 20} ${base} H${cx - 22}Z" fill="${colour}"/>` +
    `<rect x="${cx - 26}" y="${base - 60}" width="50" height="6" rx="3" fill="${shade(colour, 0.8)}"/>` +
    (steam
      ? `<path d="M${cx - 10} ${base - 72} q-10 -16 0 -30 q10 -14 0 -30 M${cx + 8} ${base - 70} q-10 -14 0 -26 q10 -12 0 -24" stroke="#ffffff" stroke-width="5" fill="none" stroke-linecap="round" opacity="0.7"/>`
      : '')
  );
}

/** A potted plant standing at (x, base). */
export function plant(x: number, base: number, s = 1, pot = '#d9794f'): string {
  const leaves: Array<[number, string]> = [
    [-38, '#2f7f57'],
    [-16, '#3f9d6b'],
    [8, '#4fb27c'],
    [30, '#3f9d6b'],
    [-60, '#4fb27c'],
    [52, '#2f7f57'],
  ];
  return (
    `<g transform="translate(${n(x)} ${n(base)}) scale(${s})">` +
    shadow(0, 0, 70, 9) +
    leaves.map(([a, c]) => `<path d="M0 -100 C-34 -170 -22 -250 0 -290 C22 -250 34 -170 0 -100Z" fill="${c}" transform="rotate(${a} 0 -100)"/>`).join('') +
    `<path d="M-58 -110 H58 L46 0 H-46Z" fill="${pot}"/><rect x="-64" y="-122" width="128" height="20" rx="6" fill="${shade(pot, 0.85)}"/>` +
    `</g>`
  );
}

/** A small plant in a pot for desks and shelves. */
export function succulent(x: number, base: number, s = 1): string {
  return (
    `<g transform="translate(${n(x)} ${n(base)}) scale(${s})">` +
    [-50, -20, 10, 40].map((a) => `<ellipse cx="0" cy="-70" rx="14" ry="34" fill="${a % 20 === 0 ? '#5bbf8a' : '#3f9d6b'}" transform="rotate(${a} 0 -50)"/>`).join('') +
    `<path d="M-30 -50 H30 L24 0 H-24Z" fill="#f2f0eb"/></g>`
  );
}

/** A desk lamp standing at (x, base), optionally lit. */
export function lamp(x: number, base: number, colour: string, lit = false, s = 1): string {
  return (
    `<g transform="translate(${n(x)} ${n(base)}) scale(${s})">` +
    (lit ? `<path d="M60 -190 L-120 10 H200Z" fill="#fff3c4" opacity="0.35"/>` : '') +
    `<ellipse cx="0" cy="-6" rx="50" ry="10" fill="${shade(colour, 0.8)}"/>` +
    `<path d="M0 -8 L-26 -140 L56 -200" stroke="${colour}" stroke-width="12" fill="none" stroke-linecap="round" stroke-linejoin="round"/>` +
    `<path d="M30 -232 L104 -176 L80 -150 Q40 -152 22 -196Z" fill="${colour}"/>` +
    (lit ? `<ellipse cx="90" cy="-160" rx="14" ry="8" fill="#fff7d6" transform="rotate(38 90 -160)"/>` : '') +
    `</g>`
  );
}

/** A row of books standing at (x, base), colours cycled, heights from `rand`. */
export function books(x: number, base: number, count: number, colours: readonly string[], rand: () => number): string {
  let cx = x;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = 22 + Math.floor(rand() * 16);
    const h = 90 + Math.floor(rand() * 50);
    const c = colours[i % colours.length]!;
    const lean = i === count - 1 ? ` transform="rotate(12 ${cx} ${base})"` : '';
    out.push(`<g${lean}><rect x="${cx}" y="${base - h}" width="${w}" height="${h}" rx="3" fill="${c}"/><rect x="${cx + 4}" y="${base - h + 16}" width="${w - 8}" height="5" fill="#ffffff" opacity="0.45"/></g>`);
    cx += w + 3;
  }
  return out.join('');
}

/** A wall shelf at y with books and a small plant. */
export function shelf(x: number, y: number, w: number, colours: readonly string[], rand: () => number, wood: Wood = woods.oak): string {
  return (
    books(x + 20, y, 6, colours, rand) +
    succulent(x + w - 60, y, 0.8) +
    `<rect x="${x}" y="${y}" width="${w}" height="18" rx="3" fill="${wood.edge}"/>` +
    `<path d="M${x + 30} ${y + 18} v26 h10 v-26Z M${x + w - 40} ${y + 18} v26 h10 v-26Z" fill="${wood.leg}"/>`
  );
}

/** A tall bookcase standing on the floor at `base`. */
export function bookcase(x: number, base: number, w: number, h: number, colours: readonly string[], rand: () => number, wood: Wood = woods.walnut): string {
  const rows = Math.floor(h / 170);
  const out = [shadow(x + w / 2, base, w * 0.55, 10), `<rect x="${x}" y="${base - h}" width="${w}" height="${h}" rx="6" fill="${wood.edge}"/>`];
  for (let r = 0; r < rows; r++) {
    const top = base - h + 20 + r * ((h - 40) / rows);
    const bottom = top + (h - 40) / rows - 14;
    out.push(`<rect x="${x + 18}" y="${n(top)}" width="${w - 36}" height="${n(bottom - top)}" fill="${shade(wood.edge, 0.7)}"/>`);
    out.push(books(x + 26, bottom, Math.max(2, Math.floor((w - 60) / 34) - (r % 2)), colours.slice(r % colours.length).concat(colours), rand));
  }
  return out.join('');
}

/** A window; `view` picks what is outside. Light falls in as soft beams when `beams` is set. */
export function windowFrame(x: number, y: number, w: number, h: number, view: 'sun' | 'city' | 'night' | 'trees', beams = false): string {
  const inner = (() => {
    switch (view) {
      case 'sun':
        return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#bfe6ff"/><circle cx="${x + w * 0.7}" cy="${y + h * 0.3}" r="${h * 0.14}" fill="#ffd166"/>` +
          `<path d="M${x} ${y + h} Q${x + w * 0.3} ${y + h * 0.7} ${x + w * 0.6} ${y + h * 0.85} T${x + w} ${y + h * 0.75} V${y + h}Z" fill="#9fd8a4"/>`;
      case 'trees':
        return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#cdebf7"/>` +
          [0.2, 0.5, 0.8].map((p, i) => `<circle cx="${x + w * p}" cy="${y + h * (0.7 - (i % 2) * 0.1)}" r="${h * 0.22}" fill="${i % 2 ? '#6cbf84' : '#58ad73'}"/>`).join('') +
          `<rect x="${x}" y="${y + h * 0.85}" width="${w}" height="${h * 0.15}" fill="#8fcf8f"/>`;
      case 'city':
        return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#a9d0f0"/>` +
          [0, 1, 2, 3, 4, 5].map((i) => `<rect x="${n(x + i * (w / 6) + 6)}" y="${n(y + h * (0.35 + (i % 3) * 0.12))}" width="${n(w / 6 - 12)}" height="${h}" fill="${i % 2 ? '#7fa5cc' : '#6c93bd'}"/>`).join('');
      case 'night':
        return `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#27305a"/><circle cx="${x + w * 0.72}" cy="${y + h * 0.28}" r="${h * 0.1}" fill="#f5f1d6"/>` +
          [0, 1, 2, 3, 4, 5].map((i) => `<rect x="${n(x + i * (w / 6) + 6)}" y="${n(y + h * (0.5 + (i % 3) * 0.1))}" width="${n(w / 6 - 12)}" height="${h}" fill="#1b2142"/>`).join('') +
          [0, 1, 2, 3, 4, 5].map((i) => `<rect x="${n(x + i * (w / 6) + 20)}" y="${n(y + h * (0.6 + (i % 3) * 0.1))}" width="10" height="12" fill="#ffd166" opacity="0.8"/>`).join('');
    }
  })();
  const frame = '#ffffff';
  const light = beams
    ? `<path d="M${x} ${y + h} L${x + w} ${y + h} L${x + w + 420} ${y + h + 520} L${x + 260} ${y + h + 520}Z" fill="#fff6c9" opacity="0.22"/>`
    : '';
  return (
    `<svg x="${x}" y="${y}" width="${w}" height="${h}" viewBox="${x} ${y} ${w} ${h}" overflow="hidden">${inner}</svg>` +
    `<rect x="${x - 16}" y="${y - 16}" width="${w + 32}" height="${h + 32}" rx="8" fill="none" stroke="${frame}" stroke-width="18"/>` +
    `<rect x="${x + w / 2 - 6}" y="${y}" width="12" height="${h}" fill="${frame}"/><rect x="${x}" y="${y + h / 2 - 6}" width="${w}" height="12" fill="${frame}"/>` +
    `<rect x="${x - 30}" y="${y + h + 10}" width="${w + 60}" height="18" rx="4" fill="${frame}"/>` +
    light
  );
}

/** A framed picture on the wall: a little abstract landscape. */
export function picture(x: number, y: number, w: number, h: number, colours: readonly [string, string, string]): string {
  return (
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="#ffffff"/>` +
    `<rect x="${x + 14}" y="${y + 14}" width="${w - 28}" height="${h - 28}" fill="${colours[0]}"/>` +
    `<circle cx="${x + w * 0.68}" cy="${y + h * 0.38}" r="${h * 0.13}" fill="${colours[2]}"/>` +
    `<path d="M${x + 14} ${y + h - 14} L${x + w * 0.38} ${y + h * 0.45} L${x + w * 0.6} ${y + h * 0.7} L${x + w * 0.74} ${y + h * 0.58} L${x + w - 14} ${y + h - 14}Z" fill="${colours[1]}"/>`
  );
}

/** A wall clock. */
export function clock(cx: number, cy: number, r: number, rim: string): string {
  return (
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${rim}"/><circle cx="${cx}" cy="${cy}" r="${r - 10}" fill="#ffffff"/>` +
    `<path d="M${cx} ${cy} V${cy - r * 0.55} M${cx} ${cy} L${n(cx + r * 0.4)} ${n(cy + r * 0.2)}" stroke="#2b2b36" stroke-width="6" stroke-linecap="round"/>` +
    `<circle cx="${cx}" cy="${cy}" r="6" fill="${rim}"/>`
  );
}

/** A rug on the floor, as a flattened ellipse. */
export const rug = (cx: number, cy: number, rx: number, colour: string, border: string) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${n(rx * 0.14)}" fill="${border}"/><ellipse cx="${cx}" cy="${cy}" rx="${rx - 24}" ry="${n(rx * 0.14 - 10)}" fill="${colour}"/>`;

/** A pendant lamp hanging from the ceiling. */
export function pendant(cx: number, bottom: number, colour: string): string {
  return (
    `<rect x="${cx - 2}" y="0" width="4" height="${bottom - 60}" fill="#3b3560"/>` +
    `<path d="M${cx - 70} ${bottom} Q${cx} ${bottom - 110} ${cx + 70} ${bottom}Z" fill="${colour}"/>` +
    `<ellipse cx="${cx}" cy="${bottom + 2}" rx="30" ry="10" fill="#fff3c4"/>`
  );
}

/** Sticky notes in a grid, for boards. */
export function notes(x: number, y: number, cols: number, rows: number, colours: readonly string[], size = 56): string {
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const rot = ((i * 37) % 9) - 4;
      const nx = x + c * (size + 16);
      const ny = y + r * (size + 16);
      out.push(
        `<g transform="rotate(${rot} ${nx + size / 2} ${ny + size / 2})"><rect x="${nx}" y="${ny}" width="${size}" height="${size}" fill="${colours[i % colours.length]}"/>` +
          `<rect x="${nx + 10}" y="${ny + 16}" width="${size - 20}" height="5" rx="2.5" fill="#000000" opacity="0.2"/><rect x="${nx + 10}" y="${ny + 30}" width="${size - 30}" height="5" rx="2.5" fill="#000000" opacity="0.2"/></g>`,
      );
    }
  return out.join('');
}
