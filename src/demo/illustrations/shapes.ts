/**
 * Building blocks for the demo's flat editorial illustrations, as SVG strings. People face the
 * viewer with eyes, brows and a mouth, so the face detector has something real to find.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every render is byte-identical. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const width = 1920;
export const height = 1280;

export interface Palette {
  wallTop: string;
  wallBottom: string;
  floor: string;
  desk: string;
  deskShadow: string;
  accent: string;
}

export function room(p: Palette, opts: { window?: 'sunny' | 'city' | 'none' } = {}): string {
  const win =
    opts.window === 'none'
      ? ''
      : `<g><rect x="1280" y="120" width="460" height="420" rx="14" fill="#f4f8ff" opacity="0.9"/>
<rect x="1300" y="140" width="420" height="380" rx="8" fill="${opts.window === 'city' ? '#9cc3e6' : '#ffe7a8'}"/>
${opts.window === 'city' ? [0, 1, 2, 3, 4].map((i) => `<rect x="${1320 + i * 80}" y="${300 - (i % 3) * 50}" width="60" height="${220 + (i % 3) * 50}" fill="#6f95bd"/>`).join('') : '<circle cx="1600" cy="240" r="70" fill="#ffd166"/>'}
<rect x="1505" y="140" width="10" height="380" fill="#f4f8ff"/><rect x="1300" y="325" width="420" height="10" fill="#f4f8ff"/></g>`;
  return `<defs><linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.wallTop}"/><stop offset="1" stop-color="${p.wallBottom}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#wall)"/>
<rect y="980" width="${width}" height="300" fill="${p.floor}"/>
${win}`;
}

export function plant(x: number, y: number, s = 1): string {
  return `<g transform="translate(${x} ${y}) scale(${s})">
<path d="M0 0 C-60 -80 -40 -160 0 -200 C10 -140 20 -80 0 0Z" fill="#3f9d6b"/>
<path d="M0 0 C50 -70 90 -120 120 -130 C90 -60 50 -20 0 0Z" fill="#2f7f57"/>
<path d="M0 0 C-50 -40 -100 -60 -130 -60 C-100 -20 -50 0 0 0Z" fill="#4fb27c"/>
<path d="M-50 0 H50 L40 90 H-40Z" fill="#c96f4a"/></g>`;
}

export function desk(x: number, y: number, w: number, p: Palette): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="34" rx="6" fill="${p.desk}"/>
<rect x="${x + 30}" y="${y + 34}" width="26" height="${980 - y + 40}" fill="${p.deskShadow}"/>
<rect x="${x + w - 56}" y="${y + 34}" width="26" height="${980 - y + 40}" fill="${p.deskShadow}"/>`;
}

/** A monitor on a stand with lines of "code" in syntax colours. */
export function monitor(x: number, y: number, w: number, h: number, rand: () => number, screen = '#1e2233'): string {
  const colours = ['#7aa2f7', '#9ece6a', '#e0af68', '#bb9af7', '#f7768e', '#7dcfff'];
  const lines: string[] = [];
  for (let i = 0, ly = y + 28; ly < y + h - 30; i++, ly += 26) {
    let lx = x + 28 + Math.floor(rand() * 3) * 24;
    const words = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < words && lx < x + w - 60; j++) {
      const lw = 30 + Math.floor(rand() * 90);
      lines.push(`<rect x="${lx}" y="${ly}" width="${Math.min(lw, x + w - 30 - lx)}" height="12" rx="6" fill="${colours[Math.floor(rand() * colours.length)]}"/>`);
      lx += lw + 14;
    }
  }
  return `<g><rect x="${x + w / 2 - 16}" y="${y + h}" width="32" height="60" fill="#3b3f4a"/>
<rect x="${x + w / 2 - 80}" y="${y + h + 52}" width="160" height="14" rx="7" fill="#3b3f4a"/>
<rect x="${x - 14}" y="${y - 14}" width="${w + 28}" height="${h + 28}" rx="14" fill="#2a2d36"/>
<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${screen}"/>${lines.join('')}</g>`;
}

/** A laptop seen from the front-side, screen facing away (we see its lid). */
export function laptop(x: number, y: number, s = 1, lid = '#c7ccd6'): string {
  return `<g transform="translate(${x} ${y}) scale(${s})">
<path d="M-150 0 L-130 -190 H130 L150 0Z" fill="${lid}"/>
<circle cx="0" cy="-100" r="18" fill="#ffffff" opacity="0.6"/>
<rect x="-185" y="0" width="370" height="16" rx="6" fill="#9aa1ae"/></g>`;
}

export interface PersonStyle {
  skin: string;
  hair: string;
  shirt: string;
  /** short, long, bun, curly or bald */
  hairStyle: 'short' | 'long' | 'bun' | 'curly' | 'bald';
  stripes?: string;
  glasses?: boolean;
}

/** A seated or standing person from the waist up, centred at (x, y) = the chin, facing us. */
export function person(x: number, y: number, s: number, st: PersonStyle, id: string): string {
  const hairBack =
    st.hairStyle === 'long'
      ? `<path d="M-88 -120 C-110 -10 -100 60 -70 90 H70 C100 60 110 -10 88 -120Z" fill="${st.hair}"/>`
      : st.hairStyle === 'bun'
        ? `<circle cx="0" cy="-215" r="42" fill="${st.hair}"/>`
        : '';
  const hairTop =
    st.hairStyle === 'bald'
      ? ''
      : st.hairStyle === 'curly'
        ? [-70, -40, -10, 20, 50, 75].map((cx, i) => `<circle cx="${cx}" cy="${-170 - (i % 2) * 14}" r="34" fill="${st.hair}"/>`).join('')
        : `<path d="M-84 -110 C-90 -190 -30 -214 10 -210 C70 -206 96 -160 86 -104 C60 -140 10 -150 -20 -146 C-50 -142 -70 -128 -84 -110Z" fill="${st.hair}"/>`;
  const stripes = st.stripes
    ? `<clipPath id="torso-${id}"><path d="M-150 150 C-150 60 -100 30 -60 26 H60 C100 30 150 60 150 150 V330 H-150Z"/></clipPath>
<g clip-path="url(#torso-${id})">${[0, 1, 2, 3, 4, 5].map((i) => `<rect x="-160" y="${60 + i * 48}" width="320" height="20" fill="${st.stripes}"/>`).join('')}</g>`
    : '';
  const glasses = st.glasses
    ? `<g fill="none" stroke="#2b2b2b" stroke-width="5"><circle cx="-32" cy="-66" r="22"/><circle cx="32" cy="-66" r="22"/><path d="M-10 -66 H10"/></g>`
    : '';
  return `<g transform="translate(${x} ${y}) scale(${s})">
${hairBack}
<path d="M-150 150 C-150 60 -100 30 -60 26 H60 C100 30 150 60 150 150 V330 H-150Z" fill="${st.shirt}"/>${stripes}
<rect x="-26" y="-10" width="52" height="46" fill="${st.skin}"/>
<path d="M-26 26 L0 56 L26 26Z" fill="${st.skin}" opacity="0.85"/>
<ellipse cx="0" cy="-70" rx="80" ry="96" fill="${st.skin}"/>
<ellipse cx="-80" cy="-62" rx="12" ry="20" fill="${st.skin}"/><ellipse cx="80" cy="-62" rx="12" ry="20" fill="${st.skin}"/>
${hairTop}
<path d="M-50 -96 Q-32 -106 -14 -96" stroke="#2b1d16" stroke-width="6" fill="none" stroke-linecap="round"/>
<path d="M14 -96 Q32 -106 50 -96" stroke="#2b1d16" stroke-width="6" fill="none" stroke-linecap="round"/>
<ellipse cx="-32" cy="-66" rx="13" ry="9" fill="#ffffff"/><ellipse cx="32" cy="-66" rx="13" ry="9" fill="#ffffff"/>
<circle cx="-32" cy="-66" r="7" fill="#2b1d16"/><circle cx="32" cy="-66" r="7" fill="#2b1d16"/>
${glasses}
<path d="M0 -56 Q-8 -30 0 -26" stroke="#00000033" stroke-width="5" fill="none" stroke-linecap="round"/>
<path d="M-28 -4 Q0 16 28 -4" stroke="#8a3b2e" stroke-width="7" fill="none" stroke-linecap="round"/>
</g>`;
}

export const svg = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`;
