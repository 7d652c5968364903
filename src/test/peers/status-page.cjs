// Drives Debian's headless Chromium (through playwright-core) against a gateway's status page:
// waits for live plots with readings, looks one reading up, downloads its proof when offered, and
// takes a screenshot. Prints what the page showed as one JSON line for the Java test to check.
//
//   node status-page.cjs URL METER SEQ SCREENSHOT [PROOF_FILE]
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

async function main() {
  const [url, meter, seq, screenshot, proofFile] = process.argv.slice(2);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'energyweb-chromium-'));
  // a fresh profile each run (playwright passes it to Chromium as --user-data-dir)
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 1400 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = browser.pages()[0] || await browser.newPage();
    const outside = [];
    // Everything must come from the gateway itself: the page works offline.
    page.on('request', r => { if (!r.url().startsWith(url)) { outside.push(r.url()); } });
    await page.goto(url + '/');
    // Live: several polls plotted without reloading, and readings counted.
    await page.waitForFunction(() => Number(document.getElementById('plot-rate').dataset.points || 0) >= 3
      && Number(document.getElementById('readings').textContent) > 0, null, { timeout: 60000 });
    const shown = await page.evaluate(() => ({
      readings: Number(document.getElementById('readings').textContent),
      plotted: document.querySelectorAll('#plot-rate canvas, #plot-energy canvas').length,
      meters: Array.from(document.querySelectorAll('#meters tbody tr')).map(tr => Array.from(tr.cells).map(c => c.textContent)),
    }));
    await page.fill('#lookup-meter', meter);
    await page.fill('#lookup-seq', seq);
    await page.click('#lookup-go');
    await page.waitForSelector('#lookup-anchored', { timeout: 30000 });
    const lookup = await page.evaluate(() => ({
      anchored: document.getElementById('lookup-anchored').textContent,
      tx: (document.getElementById('lookup-tx') || {}).textContent || null,
      cid: (document.getElementById('lookup-cid') || {}).textContent || null,
      batch: (document.getElementById('lookup-batch') || {}).textContent || null,
    }));
    let proof = null;
    if (proofFile) {
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click('#lookup-proof')]);
      await download.saveAs(proofFile);
      proof = proofFile;
    }
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(JSON.stringify({ shown, lookup, proof, outside }));
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e && e.stack || String(e)); process.exit(1); });
