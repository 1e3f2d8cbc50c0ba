/**
 * Every visible text must come from the translation files: this scans the console's components
 * for Chinese characters anywhere, and for literal words between JSX tags or in text props.
 * A line holding data rather than UI text can be marked with an `i18n-exempt` comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../..', import.meta.url));
const CJK = /[\u3400-\u9fff]/;
/**
 * Words between a closing `>` and the next `<`, e.g. `<Button>Save</Button>`; not the `>` of an
 * arrow, whose return type (`() => Promise<…>`) is code, not text.
 */
const JSX_TEXT = /(?<!=)>\s*([A-Za-z][A-Za-z '’-]*[.!?]?)\s*</g;
const TEXT_PROP =
  /\b(title|placeholder|label|okText|cancelText|aria-label|alt|description|subTitle|tooltip)="([^"]*[A-Za-z\u3400-\u9fff][^"]*)"/g;

/** Brand and language names are the same in every language. */
const ALLOWED = new Set(['Concord', 'English', 'C']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name) || entry.name.endsWith('.gen.ts'))
      return [];
    if (/^i18n(-[\w-]+)?\.ts$/.test(entry.name) || path.includes(`${join('app', 'i18n')}`)) return [];
    return [path];
  });
}

it('keeps UI text out of components', () => {
  const findings: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
      .join('\n');
    const where = relative(SRC, file);
    for (const line of code.split('\n')) {
      // `i18n-exempt` marks data that is not UI text (e.g. the import file's fixed column names).
      if (CJK.test(line) && !line.includes('简体中文') && !line.includes('i18n-exempt')) {
        findings.push(`${where}: ${line.trim()}`);
      }
    }
    if (!file.endsWith('.tsx')) continue;
    for (const match of code.matchAll(JSX_TEXT)) {
      const text = match[1]?.trim() ?? '';
      if (text && !ALLOWED.has(text)) findings.push(`${where}: >${text}<`);
    }
    for (const match of code.matchAll(TEXT_PROP)) findings.push(`${where}: ${match[1]}="${match[2]}"`);
  }
  expect(findings).toEqual([]);
});
