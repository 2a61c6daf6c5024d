import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const block of [false, true]) {
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: block ? 'block' : 'allow' });
const p = await ctx.newPage();
if (block) await p.route(/PolicyEditor/, r => r.abort());
const t0 = Date.now();
await p.goto('http://127.0.0.1:4180/');
await p.getByRole('button', { name: 'IAM user alice', exact: true }).waitFor();
console.log(block ? 'no sw/editor' : 'full', 'alice', Date.now()-t0);
await ctx.close();
}
await b.close();
