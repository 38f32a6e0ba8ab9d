/** One illustration per demo article, each matching its image's alt text. */
import { desk, laptop, monitor, person, plant, room, seeded, svg, type Palette } from './shapes.js';

const warm: Palette = { wallTop: '#fdf1e4', wallBottom: '#f6dcc3', floor: '#d9b38c', desk: '#a86b3c', deskShadow: '#7d4e2b', accent: '#e76f51' };
const cool: Palette = { wallTop: '#e8f1fb', wallBottom: '#cfe0f3', floor: '#9fb3c8', desk: '#5b6b7f', deskShadow: '#3f4b5a', accent: '#3a86ff' };
const fresh: Palette = { wallTop: '#eef8f0', wallBottom: '#d3ecd9', floor: '#a7c4a0', desk: '#c9a77c', deskShadow: '#9c7d57', accent: '#2a9d8f' };
const dusk: Palette = { wallTop: '#2d2a4a', wallBottom: '#4b3f72', floor: '#3a3357', desk: '#6c5b9c', deskShadow: '#4a3f70', accent: '#f72585' };
const calm: Palette = { wallTop: '#f3f0fa', wallBottom: '#e2dcf2', floor: '#b9b0d0', desk: '#8d7fb3', deskShadow: '#6a5e8f', accent: '#7b2cbf' };

/** A DevOps engineer types at dual monitors. */
export function devopsEngineer(): string {
  const r = seeded(1);
  return svg(`${room(cool, { window: 'city' })}${plant(240, 890, 1.2)}
${person(960, 560, 1.35, { skin: '#c68863', hair: '#2b1d16', shirt: '#264653', hairStyle: 'short', glasses: true }, 'a')}
${desk(300, 820, 1320, cool)}
${monitor(420, 520, 440, 270, r)}${monitor(1060, 520, 440, 270, r, '#20263a')}
<rect x="760" y="790" width="400" height="26" rx="8" fill="#d7dde8"/>`);
}

/** A full-stack developer in a blue and red striped sweater, wooden desk, home office. */
export function fullStackDeveloper(): string {
  const r = seeded(2);
  return svg(`${room(warm, { window: 'sunny' })}${plant(1700, 900, 1.3)}
<rect x="200" y="180" width="260" height="200" rx="10" fill="#ffffff" opacity="0.7"/><rect x="225" y="205" width="210" height="150" fill="#e9c46a"/>
${person(900, 540, 1.4, { skin: '#f1c7a5', hair: '#6b3e26', shirt: '#1d4e89', stripes: '#c0392b', hairStyle: 'short' }, 'b')}
${desk(260, 830, 1300, warm)}
${monitor(1150, 500, 420, 290, r)}
<rect x="600" y="800" width="320" height="24" rx="8" fill="#efe3d3"/>`);
}

/** A learner studies TypeScript vs. JavaScript in a sunny room with other learners. */
export function typescriptVsJavascript(): string {
  const r = seeded(3);
  return svg(`${room(fresh, { window: 'sunny' })}
${person(420, 600, 0.95, { skin: '#8d5524', hair: '#1b1b1b', shirt: '#e76f51', hairStyle: 'curly' }, 'c1')}
${person(1500, 600, 0.95, { skin: '#f3d2b3', hair: '#d4a373', shirt: '#6d597a', hairStyle: 'long' }, 'c2')}
${person(960, 520, 1.3, { skin: '#e0ac69', hair: '#3d2817', shirt: '#2a9d8f', hairStyle: 'bun' }, 'c3')}
${desk(160, 840, 1600, fresh)}
${monitor(700, 560, 520, 250, r)}
${laptop(420, 840, 0.9)}${laptop(1500, 840, 0.9, '#b8c0cc')}
<rect x="590" y="440" width="90" height="90" rx="10" fill="#3178c6"/><rect x="1240" y="440" width="90" height="90" rx="10" fill="#f0db4f"/>`);
}

/** Two game developers at a computer station. */
export function gameDevelopers(): string {
  const r = seeded(4);
  return svg(`${room(dusk, { window: 'none' })}
<g opacity="0.35">${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<circle cx="${180 + i * 220}" cy="${160 + (i % 3) * 40}" r="${8 + (i % 4) * 3}" fill="#ffd6ff"/>`).join('')}</g>
${person(720, 560, 1.2, { skin: '#c68863', hair: '#111111', shirt: '#f72585', hairStyle: 'short' }, 'd1')}
${person(1220, 560, 1.2, { skin: '#f1c7a5', hair: '#e9c46a', shirt: '#4cc9f0', hairStyle: 'long', glasses: true }, 'd2')}
${desk(280, 830, 1360, dusk)}
${monitor(760, 500, 420, 280, r, '#101020')}
<g transform="translate(960 640)"><rect x="-120" y="-60" width="240" height="120" rx="10" fill="#3a0ca3"/><circle cx="-50" cy="10" r="26" fill="#4cc9f0"/><rect x="20" y="-30" width="60" height="60" fill="#f72585"/><path d="M-100 60 L-40 0 L20 60Z" fill="#7209b7"/></g>
<path d="M560 810 q40 -30 80 0 q-10 20 -40 20 q-30 0 -40 -20z" fill="#222"/>`);
}

/** A prospective learner searches on a laptop in a quiet study room. */
export function associateDegree(): string {
  return svg(`${room(calm, { window: 'city' })}
<g>${[0, 1, 2, 3].map((i) => `<rect x="${160 + i * 70}" y="${200 + (i % 2) * 10}" width="56" height="${230 - (i % 2) * 10}" rx="4" fill="${['#7b2cbf', '#e76f51', '#2a9d8f', '#e9c46a'][i]}"/>`).join('')}<rect x="140" y="430" width="330" height="16" fill="#6a5e8f"/></g>
${plant(1720, 900, 1.1)}
${person(960, 560, 1.4, { skin: '#8d5524', hair: '#2b1d16', shirt: '#f4a261', hairStyle: 'bun', glasses: true }, 'e')}
${desk(420, 840, 1080, calm)}
${laptop(960, 840, 1.3, '#d9d4e8')}
<g transform="translate(1280 690)"><rect x="-60" y="0" width="120" height="140" rx="8" fill="#ffffff"/><path d="M-40 30 H40 M-40 60 H40 M-40 90 H20" stroke="#b9b0d0" stroke-width="8"/></g>`);
}

/** Two women practise Python on laptops in a classroom lab. */
export function pythonClass(): string {
  return svg(`${room(fresh, { window: 'none' })}
<rect x="560" y="120" width="800" height="380" rx="12" fill="#ffffff"/><rect x="580" y="140" width="760" height="340" fill="#264653"/>
<g><rect x="640" y="200" width="90" height="90" rx="18" fill="#3776ab"/><rect x="700" y="260" width="90" height="90" rx="18" fill="#ffd43b"/><circle cx="665" cy="222" r="8" fill="#fff"/><circle cx="765" cy="328" r="8" fill="#fff"/></g>
<g fill="#9ece6a">${[0, 1, 2, 3, 4].map((i) => `<rect x="860" y="${200 + i * 50}" width="${380 - (i % 3) * 90}" height="16" rx="8"/>`).join('')}</g>
${person(640, 640, 1.15, { skin: '#f1c7a5', hair: '#8b4513', shirt: '#e63946', hairStyle: 'long' }, 'f1')}
${person(1280, 640, 1.15, { skin: '#6f4e37', hair: '#111111', shirt: '#457b9d', hairStyle: 'curly', glasses: true }, 'f2')}
${desk(200, 860, 1520, fresh)}
${laptop(640, 860, 1)}${laptop(1280, 860, 1, '#b8c0cc')}`);
}

/** A person in a blue shirt leads a DevOps meeting at a whiteboard. */
export function devopsMeeting(): string {
  return svg(`${room(warm, { window: 'none' })}
<rect x="1000" y="140" width="760" height="460" rx="10" fill="#ffffff" stroke="#d6c7b4" stroke-width="10"/>
<g fill="none" stroke-width="14" stroke-linecap="round">
<path d="M1150 370 C1150 250 1330 250 1380 370 C1430 490 1610 490 1610 370 C1610 250 1430 250 1380 370 C1330 490 1150 490 1150 370Z" stroke="#3a86ff"/>
</g>
<g fill="#264653"><circle cx="1265" cy="370" r="18"/><circle cx="1495" cy="370" r="18"/></g>
${person(820, 520, 1.3, { skin: '#e0ac69', hair: '#2b1d16', shirt: '#1e6fd9', hairStyle: 'short' }, 'g1')}
<path d="M980 610 L1100 470" stroke="#e0ac69" stroke-width="34" stroke-linecap="round"/>
${person(300, 840, 0.9, { skin: '#f3d2b3', hair: '#d4a373', shirt: '#2a9d8f', hairStyle: 'long' }, 'g2')}
${person(1600, 860, 0.9, { skin: '#8d5524', hair: '#111111', shirt: '#e9c46a', hairStyle: 'bald', glasses: true }, 'g3')}
${desk(80, 1020, 1760, warm)}`);
}
