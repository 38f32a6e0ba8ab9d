// Part of the build: the demo's pre-rendered images go beside the compiled demo (dist/demo/images).
import fs from 'node:fs';

fs.cpSync(new URL('../src/demo/images/', import.meta.url), new URL('../dist/demo/images/', import.meta.url), { recursive: true });
