import { analyze, toDiagnostics, DEFAULT_OPTIONS, toSymbols, toFoldingRanges } from '../server/src/service';
import { SHAPES } from '../test/hostile';
const make = SHAPES['one line of pipes']!;
for (const kb of [64, 128, 256]) {
  const text = make(kb * 1024);
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    let t = performance.now();
    const a = analyze(text, false);
    const t1 = performance.now() - t; t = performance.now();
    toDiagnostics(a, DEFAULT_OPTIONS, 'x');
    const t2 = performance.now() - t; t = performance.now();
    toSymbols(a); toFoldingRanges(a);
    const t3 = performance.now() - t;
    if (i === 2) console.log(kb, t1.toFixed(1), t2.toFixed(1), t3.toFixed(1), a.findings.length, JSON.stringify(a.findings.map(f=>f.code)));
  }
}
