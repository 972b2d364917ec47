import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { drawIcon } from '../../scripts/icon/draw-icon';
import { readPng, scanlines } from '../../scripts/icon/png';

const ROOT = path.join(__dirname, '..', '..');

describe('media/icon.png', () => {
  const png = readPng(readFileSync(path.join(ROOT, 'media', 'icon.png')));

  it('is the 128 × 128 RGBA image the Marketplace asks for', () => {
    assert.deepEqual([png.width, png.height, png.colourType], [128, 128, 6]);
  });

  it('shows what scripts/icon/draw-icon.ts draws (run `npm run icon` after changing it)', () => {
    assert.ok(png.scanlines.equals(scanlines(drawIcon())));
  });

  it('is the icon package.json names', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { icon: string };
    assert.equal(manifest.icon, 'media/icon.png');
  });

  it('has a transparent outside and an opaque inside', () => {
    const alpha = (x: number, y: number) => png.scanlines[y * (128 * 4 + 1) + 1 + x * 4 + 3];
    assert.equal(alpha(0, 0), 0);
    assert.equal(alpha(127, 127), 0);
    assert.equal(alpha(64, 64), 255);
  });
});
