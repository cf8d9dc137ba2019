import { readFileSync, readdirSync } from 'node:fs';
const file = readdirSync('/tmp/prof')[0];
const p = JSON.parse(readFileSync('/tmp/prof/' + file, 'utf8'));
const byId = new Map(p.nodes.map((n: any) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
const agg = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, t] of self) {
  const n: any = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.replace(/.*node_modules\//, 'nm/').replace('file:///work/main/', '')}:${cf.lineNumber}`;
  agg.set(key, (agg.get(key) ?? 0) + t);
  const f = cf.url ? cf.url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1').replace('file:///work/main/', '') : cf.functionName;
  byFile.set(f, (byFile.get(f) ?? 0) + t);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', (total / 1000).toFixed(0), 'span', ((p.endTime - p.startTime) / 1000).toFixed(0));
for (const [k, t] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000).toFixed(0).padStart(7), k);
console.log('---');
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000).toFixed(0).padStart(7), k);
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
for (const target of ['read', 'dlopen', 'spawnSync', 'readFileUtf8', 'ModuleWrap', 'unlink', 'rmdir', 'spawn']) {
  const chains = new Map<string, number>();
  for (const [id, t] of self) {
    const n: any = byId.get(id);
    if (n.callFrame.functionName !== target) continue;
    let cur = parent.get(id); const names: string[] = [];
    while (cur && names.length < 6) { const cf = (byId.get(cur) as any).callFrame; if (cf.url && !cf.url.startsWith('node:')) names.push(`${cf.functionName}@${cf.url.replace(/.*node_modules\//, '').replace('file:///work/main/', '')}:${cf.lineNumber}`); cur = parent.get(cur); }
    const k = names.slice(0, 3).join(' < ');
    chains.set(k, (chains.get(k) ?? 0) + t);
  }
  console.log('==', target);
  for (const [k, t] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 4)) console.log((t / 1000).toFixed(0).padStart(7), k.slice(0, 300));
}
