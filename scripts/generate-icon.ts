// Draws media/icon.png, the Marketplace icon: `npm run icon`. A test checks the committed
// file still shows what scripts/icon/draw-icon.ts draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawIcon } from './icon/draw-icon';
import { encodePng } from './icon/png';

export const ICON = path.join(__dirname, '..', 'media', 'icon.png');

mkdirSync(path.dirname(ICON), { recursive: true });
writeFileSync(ICON, encodePng(drawIcon()));
console.log(`Wrote ${path.relative(process.cwd(), ICON)}.`);
