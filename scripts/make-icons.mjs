#!/usr/bin/env node
/**
 * Renders public/icons/icon.svg into the PNG icons the manifest lists (run by hand when
 * the icon changes; the PNGs are committed): `icon-*.png` as drawn (rounded corners),
 * `maskable-*.png` full-bleed with the mark inside the 80 % safe zone, and the 180 px
 * apple-touch-icon. Uses the same Chromium the end-to-end tests find.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const dir = new URL('../public/icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(chromium.executablePath()) ? undefined : '/usr/bin/chromium');
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();

async function render(file, size, maskable) {
  // Maskable: the background fills the square, the mark shrinks to the safe zone.
  const inner = maskable
    ? `<div style="width:${size}px;height:${size}px;background:linear-gradient(135deg,#2d5bd7,#1f3a5f);display:grid;place-items:center">
         <div style="width:${size * 0.8}px;height:${size * 0.8}px">${svg.replace('<rect width="512" height="512" rx="112" fill="url(#bg)"/>', '')}</div></div>`
    : `<div style="width:${size}px;height:${size}px">${svg}</div>`;
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${inner}</body></html>`);
  await page.locator('body > div').screenshot({ path: new URL(file, dir).pathname, omitBackground: true });
  console.log(file);
}

await render('icon-192.png', 192, false);
await render('icon-512.png', 512, false);
await render('maskable-192.png', 192, true);
await render('maskable-512.png', 512, true);
await render('apple-touch-icon.png', 180, true);
await browser.close();
