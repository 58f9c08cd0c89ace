// After `vite build`: a .br (quality 11) and a .gz (level 9) beside every script, style sheet and SVG in dist/assets,
// which the gateway serves as they are to browsers that accept them (no compression work per request).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const folder = join(import.meta.dirname, '..', 'dist', 'assets');
let saved = 0;
for (const name of readdirSync(folder).filter((n) => /\.(js|css|svg)$/.test(n))) {
  const file = join(folder, name);
  const body = readFileSync(file);
  const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  saved += body.length - br.length;
}
console.log(`precompressed dist/assets (brotli saves ${Math.round(saved / 1024)} kB)`);
