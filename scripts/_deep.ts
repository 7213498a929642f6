import { parseHTML } from 'linkedom';
import { articleFromHtmlPage } from '../src/ingest/html.js';
const depth = Number(process.argv[2]);
const para = '<p>The provincial assembly met on Monday and the minister said the budget would be presented next week after talks.</p>';
const html = `<!doctype html><html><body>${'<div>'.repeat(depth)}${para.repeat(5)}${'</div>'.repeat(depth)}</body></html>`;
let c0 = process.cpuUsage();
const { document } = parseHTML(html);
let c = process.cpuUsage(c0); console.log(depth, 'parse', (c.user + c.system) / 1e6);
c0 = process.cpuUsage();
try { const a = articleFromHtmlPage(html); console.log(a.text.length); } catch (e) { console.log('err', (e as Error).message); }
c = process.cpuUsage(c0); console.log(depth, 'article', (c.user + c.system) / 1e6);
void document;
