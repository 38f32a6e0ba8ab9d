/**
 * One illustration per demo article, each drawing what its alt text describes. Scenes are
 * composed back to front: room, wall decoration, chairs, people's bodies, desks, arms, props.
 */
import { glow, room, seeded, shadow, svg } from './canvas.js';
import {
  bookcase,
  books,
  chairBack,
  clock,
  codeScreen,
  desk,
  gameScreen,
  keyboard,
  lamp,
  laptopBack,
  monitor,
  mouse,
  mug,
  notes,
  pendant,
  picture,
  pipelineScreen,
  plant,
  rug,
  shelf,
  splitCodeScreen,
  succulent,
  windowFrame,
  woods,
} from './furniture.js';
import { deskTopFor, person, skins, type Pose } from './figures.js';

const floor = 1190;

/** [Featured Image] A DevOps engineer types on their computer and looks at their dual monitors … */
export function devopsEngineer(): string {
  const r = seeded(1);
  const pose: Pose = { x: 1260, y: 500, scale: 1.25, lookX: -0.7, hands: [[-150, 322], [-36, 322]] };
  const top = deskTopFor(pose);
  const me = person('devops', { skin: skins[3], hair: '#1f1612', hairStyle: 'short', top: '#2a9d8f', collar: 'hoodie', glasses: true }, pose);
  return svg(
    room({ wallTop: '#e9f1fb', wallBottom: '#d4e3f5', floorTop: '#a9bdd6', floorBottom: '#8ea6c4', horizon: 990, blob: { colour: '#c7dbf3', cx: 900, cy: 560, r: 520 } }) +
    windowFrame(1480, 170, 300, 380, 'city') +
    shelf(180, 360, 380, ['#3a86ff', '#ff8c61', '#2a9d8f', '#ffbe0b', '#8338ec'], r, woods.white) +
    clock(860, 200, 56, '#3a86ff') +
    plant(1790, floor, 1.1) +
    chairBack(pose.x, pose.y + 92 * pose.scale, pose.scale, '#3d4a66') +
    me.back +
    desk(240, top, 1420, woods.white, floor, true) +
    monitor(470, top - 14, 360, 230, codeScreen(r), 10) +
    monitor(860, top - 14, 360, 230, pipelineScreen(r), 10) +
    keyboard(1130, top - 6, 280) +
    me.front +
    mouse(1330, top - 8) +
    mug(1520, top - 8, '#ff8c61', true) +
    succulent(300, top - 10, 0.9),
  );
}

/** [Featured image] A full-stack developer wearing a blue and red-striped sweater sits at a wooden desk in a home office … */
export function fullStackDeveloper(): string {
  const r = seeded(2);
  const pose: Pose = { x: 820, y: 520, scale: 1.2, lookX: 0.6, hands: [[10, 322], [130, 322]], floor };
  const top = deskTopFor(pose);
  const me = person(
    'fullstack',
    { skin: skins[1], hair: '#6b3e26', hairStyle: 'short', top: '#1f4e9c', stripes: '#d64545', collar: 'crew', legs: '#3b4a6b' },
    pose,
  );
  return svg(
    room({ wallTop: '#fdf1e4', wallBottom: '#f5dcc2', floorTop: '#c99a6d', floorBottom: '#b5855a', horizon: 1000, blob: { colour: '#fbe3cb', cx: 900, cy: 560, r: 520 } }) +
    rug(860, 1200, 640, '#e76f51', '#f4a261') +
    windowFrame(1330, 170, 360, 400, 'trees', true) +
    picture(210, 200, 240, 180, ['#bfe3e0', '#2a9d8f', '#e9c46a']) +
    picture(480, 250, 130, 130, ['#f1d6e4', '#e76f51', '#264653']) +
    bookcase(120, floor - 10, 300, 560, ['#264653', '#e76f51', '#e9c46a', '#2a9d8f', '#f4a261'], r) +
    plant(1800, floor, 1.15) +
    chairBack(pose.x, pose.y + 92 * pose.scale, pose.scale, '#2b2d42', floor) +
    me.back +
    desk(470, top, 1150, woods.oak, floor) +
    lamp(560, top - 10, '#264653') +
    monitor(1240, top - 14, 420, 270, codeScreen(r), -9) +
    keyboard(910, top - 6, 280) +
    me.front +
    mouse(1060, top - 8) +
    mug(1500, top - 8, '#e9c46a'),
  );
}

/** [Featured Image] An aspiring computer programmer studies TypeScript vs. JavaScript … in a sunny room with other learners. */
export function typescriptVsJavascript(): string {
  const r = seeded(3);
  const back1: Pose = { x: 1380, y: 560, scale: 0.72, lookX: 0.2 };
  const back2: Pose = { x: 1690, y: 556, scale: 0.72, lookX: -0.3 };
  const backTop = deskTopFor(back1);
  const l1 = person('ts-b1', { skin: skins[5], hair: '#141014', hairStyle: 'afro', top: '#e76f51', collar: 'crew' }, back1);
  const l2 = person('ts-b2', { skin: skins[0], hair: '#d4a373', hairStyle: 'ponytail', top: '#6d597a', collar: 'v', glasses: true }, back2);
  const pose: Pose = { x: 640, y: 540, scale: 1.22, lookX: 0.65, hands: [[20, 322], [140, 322]] };
  const top = deskTopFor(pose);
  const me = person('ts', { skin: skins[2], hair: '#3d2817', hairStyle: 'bun', top: '#3178c6', collar: 'shirt' }, pose);
  return svg(
    `<defs>${glow('sun', '#fff1b8', 0.9)}</defs>` +
    room({ wallTop: '#fbf8e8', wallBottom: '#eef3dc', floorTop: '#c5d6a8', floorBottom: '#a9c08a', horizon: 1000, blob: { colour: '#fdf0c2', cx: 760, cy: 560, r: 480 } }) +
    `<circle cx="330" cy="260" r="420" fill="url(#sun)"/>` +
    windowFrame(140, 130, 420, 440, 'sun', true) +
    windowFrame(1300, 120, 440, 250, 'trees') +
    plant(1830, floor, 0.9, '#e9c46a') +
    chairBack(back1.x, back1.y + 92 * back1.scale, back1.scale, '#8ab17d') +
    chairBack(back2.x, back2.y + 92 * back2.scale, back2.scale, '#8ab17d') +
    l1.back +
    l2.back +
    desk(1200, backTop, 680, woods.white, 1010, true) +
    l1.front +
    l2.front +
    laptopBack(back1.x, backTop - 10, 0.62, '#d5dae3') +
    laptopBack(back2.x, backTop - 10, 0.62, '#f2c6b4') +
    chairBack(pose.x, pose.y + 92 * pose.scale, pose.scale, '#e9c46a') +
    me.back +
    desk(280, top, 1200, woods.oak, floor, true) +
    monitor(1040, top - 14, 440, 280, splitCodeScreen(r), -9) +
    keyboard(740, top - 6, 270) +
    me.front +
    books(360, top - 8, 3, ['#3178c6', '#f0db4f', '#2a9d8f'], r) +
    mug(1330, top - 8, '#3178c6', true),
  );
}

/** [Featured image] Two game developers working at a computer station. */
export function gameDevelopers(): string {
  const r = seeded(4);
  const a: Pose = { x: 1080, y: 520, scale: 1.15, lookX: -0.7, hands: [[-150, 322], [-40, 322]] };
  const b: Pose = { x: 1500, y: 530, scale: 1.1, lookX: -0.8, hands: [[-40, 318], [40, 318]] };
  const top = deskTopFor(a);
  const dev1 = person('game-a', { skin: skins[4], hair: '#111111', hairStyle: 'curly', top: '#f72585', collar: 'hoodie', headphones: '#4cc9f0' }, a);
  const dev2 = person('game-b', { skin: skins[1], hair: '#e9c46a', hairStyle: 'long', top: '#4361ee', collar: 'crew', glasses: true }, b);
  const controller = (cx: number, cy: number) =>
    `<path d="M${cx - 70} ${cy} q0 -34 40 -34 h60 q40 0 40 34 l8 34 q4 24 -20 24 q-16 0 -30 -22 h-56 q-14 22 -30 22 q-24 0 -20 -24Z" fill="#2b2d42"/>` +
    `<circle cx="${cx + 36}" cy="${cy - 6}" r="7" fill="#f72585"/><circle cx="${cx + 52}" cy="${cy + 8}" r="7" fill="#4cc9f0"/><path d="M${cx - 46} ${cy} h28 M${cx - 32} ${cy - 14} v28" stroke="#8d99ae" stroke-width="8"/>`;
  const posters =
    `<g transform="rotate(-3 320 300)"><rect x="200" y="170" width="240" height="300" rx="8" fill="#3a0ca3"/><circle cx="320" cy="290" r="70" fill="#f72585"/><path d="M240 430 L320 330 L400 430Z" fill="#4cc9f0"/></g>` +
    `<g transform="rotate(4 1720 260)"><rect x="1620" y="150" width="200" height="220" rx="8" fill="#7209b7"/><rect x="1660" y="200" width="50" height="50" fill="#ffd60a"/><rect x="1730" y="260" width="50" height="50" fill="#4cc9f0"/><rect x="1660" y="290" width="50" height="50" fill="#f72585"/></g>`;
  const stars = Array.from({ length: 26 }, () => `<circle cx="${Math.floor(r() * 1920)}" cy="${Math.floor(r() * 560)}" r="${(2 + r() * 3).toFixed(1)}" fill="#ffffff" opacity="${(0.2 + r() * 0.4).toFixed(2)}"/>`).join('');
  return svg(
    `<defs>${glow('neon', '#4cc9f0', 0.55)}${glow('pink', '#f72585', 0.45)}</defs>` +
    room({ wallTop: '#231d46', wallBottom: '#3c2f6e', floorTop: '#2b2450', floorBottom: '#201a3d', horizon: 1000, blob: { colour: '#2f2760', cx: 960, cy: 560, r: 560 } }) +
    stars +
    `<circle cx="620" cy="620" r="520" fill="url(#neon)"/><circle cx="1400" cy="420" r="460" fill="url(#pink)"/>` +
    `<rect x="0" y="980" width="1920" height="8" fill="#f72585" opacity="0.8"/>` +
    posters +
    chairBack(a.x, a.y + 92 * a.scale, a.scale, '#f72585') +
    chairBack(b.x, b.y + 92 * b.scale, b.scale, '#4cc9f0') +
    dev1.back +
    dev2.back +
    desk(150, top, 1650, woods.dark, floor, true) +
    monitor(560, top - 14, 560, 330, gameScreen, 8) +
    monitor(260, top - 14, 220, 150, codeScreen(r, { lineHeight: 20 }), 8) +
    keyboard(960, top - 6, 260, '#3a3f58') +
    dev1.front +
    dev2.front +
    controller(b.x, b.y + 300 * b.scale) +
    [-62, 62].map((dx) => `<circle cx="${b.x + dx}" cy="${b.y + 300 * b.scale + 34}" r="23" fill="${skins[1]}"/>`).join('') +
    mug(1760, top - 8, '#4cc9f0'),
  );
}

/** [Featured Image] A prospective learner searches … on their laptop in a quiet study room. */
export function associateDegree(): string {
  const r = seeded(5);
  const pose: Pose = { x: 960, y: 540, scale: 1.3, lookX: 0, hands: [[-95, 296], [95, 296]] };
  const top = deskTopFor(pose);
  const me = person('degree', { skin: skins[4], hair: '#2b1d16', hairStyle: 'bun', top: '#f4a261', collar: 'v', glasses: true }, pose);
  const search =
    `<g transform="translate(960 170)">${shadow(0, 74, 380, 16, 0.12)}` +
    `<rect x="-420" y="-50" width="840" height="100" rx="50" fill="#ffffff"/>` +
    `<circle cx="-350" cy="-4" r="20" fill="none" stroke="#7b2cbf" stroke-width="8"/><path d="M-336 10 L-316 30" stroke="#7b2cbf" stroke-width="9" stroke-linecap="round"/>` +
    `<rect x="-280" y="-12" width="420" height="24" rx="12" fill="#d9d2ea"/><rect x="160" y="-12" width="120" height="24" rx="12" fill="#ece7f5"/>` +
    `<g transform="translate(356 0)"><path d="M-34 -8 L0 -24 L34 -8 L0 8Z" fill="#3c2a6e"/><path d="M-20 0 V16 Q0 28 20 16 V0 L0 8Z" fill="#3c2a6e"/><path d="M30 -6 V16" stroke="#f4a261" stroke-width="4"/></g></g>`;
  return svg(
    `<defs>${glow('lamp', '#ffe8a3', 0.55)}</defs>` +
    room({ wallTop: '#ece7f7', wallBottom: '#d9d0ee', floorTop: '#b3a6cf', floorBottom: '#9d8fbf', horizon: 1000, blob: { colour: '#e2d8f5', cx: 960, cy: 600, r: 500 } }) +
    windowFrame(1460, 260, 300, 340, 'night') +
    bookcase(110, floor - 10, 360, 720, ['#7b2cbf', '#e76f51', '#2a9d8f', '#e9c46a', '#3c2a6e'], r, woods.walnut) +
    `<circle cx="1430" cy="${top - 160}" r="360" fill="url(#lamp)"/>` +
    search +
    plant(1800, floor, 1.05) +
    chairBack(pose.x, pose.y + 92 * pose.scale, pose.scale, '#6a5e8f') +
    me.back +
    desk(520, top, 880, woods.walnut, floor, true) +
    me.front +
    laptopBack(960, top - 10, 1.05, '#d9d4e8') +
    lamp(1300, top - 10, '#3c2a6e', true, 1.05) +
    books(580, top - 8, 2, ['#e76f51', '#2a9d8f'], r) +
    mug(700, top - 8, '#7b2cbf', true),
  );
}

/** [Featured image] Two women practice writing Python code on their laptops in a classroom lab setting. */
export function pythonClass(): string {
  const r = seeded(6);
  const a: Pose = { x: 720, y: 580, scale: 1.15, lookX: 0.2, hands: [[-90, 296], [90, 296]] };
  const b: Pose = { x: 1240, y: 590, scale: 1.1, lookX: -0.5, hands: [[-90, 296], [90, 296]] };
  const top = deskTopFor(a);
  const w1 = person('py-a', { skin: skins[1], hair: '#8b4513', hairStyle: 'long', top: '#e63946', collar: 'crew' }, a);
  const w2 = person('py-b', { skin: skins[5], hair: '#161015', hairStyle: 'curly', top: '#457b9d', collar: 'shirt', glasses: true }, b);
  const board =
    `<rect x="500" y="100" width="920" height="420" rx="12" fill="#e8edf2"/><rect x="524" y="124" width="872" height="372" rx="6" fill="#1f3b4d"/>` +
    `<g transform="translate(680 310)"><path d="M-60 -8 V-56 Q-60 -80 -36 -80 H20 Q40 -80 40 -60 V-20 H-20 Q-40 -20 -40 0 V40 H-40 Q-60 40 -60 16Z" fill="#3776ab"/>` +
    `<path d="M60 8 V56 Q60 80 36 80 H-20 Q-40 80 -40 60 V20 H20 Q40 20 40 0 V-40 H40 Q60 -40 60 -16Z" fill="#ffd43b"/>` +
    `<circle cx="-36" cy="-58" r="8" fill="#ffffff"/><circle cx="36" cy="58" r="8" fill="#ffffff"/></g>` +
    codeLines(860, 180, 480, 7, r, ['#9ece6a', '#ffd43b', '#7dcfff', '#f7768e']) +
    `<rect x="560" y="520" width="800" height="14" rx="4" fill="#c3ccd6"/>`;
  // A row of lab computers behind the two learners, seen from the back.
  const lab = [180, 1600, 1760]
    .map((x) => `<rect x="${x - 70}" y="650" width="140" height="100" rx="8" fill="#4b5563"/><rect x="${x - 8}" y="750" width="16" height="30" fill="#374151"/>`)
    .join('');
  return svg(
    room({ wallTop: '#eef6f3', wallBottom: '#d6e9e2', floorTop: '#a9c3bb', floorBottom: '#8fb0a7', horizon: 1000, blob: { colour: '#d8ece5', cx: 960, cy: 620, r: 520 } }) +
    board +
    clock(1640, 210, 60, '#457b9d') +
    desk(60, 780, 1800, woods.grey, 990, true) +
    lab +
    chairBack(a.x, a.y + 92 * a.scale, a.scale, '#2a9d8f') +
    chairBack(b.x, b.y + 92 * b.scale, b.scale, '#2a9d8f') +
    w1.back +
    w2.back +
    desk(240, top, 1440, woods.white, floor, true) +
    w1.front +
    w2.front +
    laptopBack(a.x, top - 10, 0.95, '#c9ced8') +
    laptopBack(b.x, top - 10, 0.95, '#b8d8e8') +
    succulent(1560, top - 10, 1) +
    mug(380, top - 8, '#e63946'),
  );
}

/** [Featured image] A person in a blue shirt leads a DevOps meeting. */
export function devopsMeeting(): string {
  const r = seeded(7);
  const lead: Pose = { x: 560, y: 330, scale: 0.98, standing: true, pointing: true, lookX: 0 };
  const seats: Pose[] = [
    { x: 980, y: 700, scale: 0.9, lookX: -0.8 },
    { x: 1330, y: 710, scale: 0.88, lookX: -0.8, hands: [[-80, 296], [80, 296]] },
    { x: 1680, y: 700, scale: 0.9, lookX: -0.9 },
  ];
  const top = deskTopFor(seats[0]!);
  const leader = person('lead', { skin: skins[2], hair: '#2b1d16', hairStyle: 'short', top: '#1e6fd9', collar: 'shirt', legs: '#2f3447' }, lead);
  const team = [
    person('m1', { skin: skins[0], hair: '#c98b4e', hairStyle: 'long', top: '#2a9d8f', collar: 'crew' }, seats[0]!),
    person('m2', { skin: skins[4], hair: '#111111', hairStyle: 'bald', top: '#e9c46a', collar: 'v', glasses: true }, seats[1]!),
    person('m3', { skin: skins[3], hair: '#3d2314', hairStyle: 'ponytail', top: '#e76f51', collar: 'crew' }, seats[2]!),
  ];
  const loop =
    `<path d="M930 330 C930 230 1080 230 1130 330 C1180 430 1330 430 1330 330 C1330 230 1180 230 1130 330 C1080 430 930 430 930 330Z" fill="none" stroke-width="26" stroke-linecap="round" stroke="#3a86ff"/>` +
    `<path d="M1130 330 C1180 430 1330 430 1330 330 C1330 230 1180 230 1130 330" fill="none" stroke-width="26" stroke="#2a9d8f"/>` +
    `<path d="M1046 262 l40 -8 l-22 34Z M1214 398 l-40 8 l22 -34Z" fill="#264653"/>`;
  return svg(
    room({ wallTop: '#fbf4ea', wallBottom: '#f1e2cf', floorTop: '#cdb59a', floorBottom: '#b89d80', horizon: 1000, blob: { colour: '#f6e6d2', cx: 1100, cy: 480, r: 560 } }) +
    pendant(1320, 90, '#264653') +
    `<rect x="800" y="150" width="940" height="460" rx="10" fill="#ffffff" stroke="#d8c8b4" stroke-width="12"/>` +
    `<rect x="820" y="610" width="900" height="14" rx="4" fill="#b9a58d"/>` +
    loop +
    notes(1420, 210, 3, 3, ['#ffd166', '#8ecae6', '#f4a6b8', '#b5e48c']) +
    codeLines(880, 500, 420, 3, r, ['#9aa5b1', '#c3ccd6']) +
    plant(160, floor, 1.2) +
    leader.back +
    leader.front +
    seats.map((s) => chairBack(s.x, s.y + 92 * s.scale, s.scale, '#3d4a66')).join('') +
    team.map((t) => t.back).join('') +
    desk(780, top, 1120, woods.walnut, floor, true) +
    team.map((t) => t.front).join('') +
    laptopBack(seats[1]!.x, top - 10, 0.7, '#c9ced8') +
    mug(1120, top - 8, '#1e6fd9') +
    mug(1500, top - 8, '#e76f51', true) +
    `<rect x="880" y="${top - 16}" width="140" height="10" rx="3" fill="#ffffff" transform="rotate(-4 950 ${top - 10})"/>`,
  );
}

/** Rows of rounded "code" strokes, for boards and slides. */
function codeLines(x: number, y: number, w: number, rows: number, rand: () => number, colours: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) {
    let lx = x + Math.floor(rand() * 3) * 30;
    const words = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < words && lx < x + w - 40; j++) {
      const lw = Math.min(40 + Math.floor(rand() * 120), x + w - lx);
      out.push(`<rect x="${lx}" y="${y + i * 42}" width="${lw}" height="16" rx="8" fill="${colours[Math.floor(rand() * colours.length)]}"/>`);
      lx += lw + 18;
    }
  }
  return out.join('');
}
