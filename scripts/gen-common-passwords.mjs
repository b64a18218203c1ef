// Regenerates apps/api/src/auth/passwords/common-passwords.ts from the .txt
// beside it (one password per line), so the list ships inside the compiled API.
import { readFileSync, writeFileSync } from 'node:fs';

const dir = 'apps/api/src/auth/passwords';
const list = readFileSync(`${dir}/common-passwords.txt`, 'utf8').trim();
const header = [
  '// 30,000 most common passwords, lower-cased, in frequency order, from zxcvbn 4.4.2',
  '// (MIT, (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; see NOTICE). Generated from',
  '// common-passwords.txt beside this file by scripts/gen-common-passwords.mjs.',
].join('\n');
writeFileSync(`${dir}/common-passwords.ts`, `${header}\nexport const COMMON_PASSWORDS: string =\n  ${JSON.stringify(list)};\n`);
