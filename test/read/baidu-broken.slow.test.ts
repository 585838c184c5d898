/**
 * The Baidu readers on every prefix of the seed page (a property check over the whole page; full
 * tier, see vitest.config.ts). The located errors of broken pages are in baidu-broken.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReaderContext } from '../../generator/ir/input.ts';
import { readBaiduMarkdown } from '../../generator/read/baidu-markdown.ts';
import { readBaiduText } from '../../generator/read/baidu-text.ts';
import { loadServiceSettings } from '../../generator/settings/service-settings.ts';

const PAGE = 'specs/baidu/vpc/peering-connections.txt';
const SETTINGS = 'specs/baidu/vpc/service.json';
const lines = readFileSync(PAGE, 'utf8').split('\n');
const loaded = loadServiceSettings(SETTINGS, SETTINGS);
const context: ReaderContext = { settings: loaded.settings, settingsFile: SETTINGS, locate: loaded.locate };

describe('Baidu pages with problems', () => {
  it('never throws: every prefix of the page, both readers', () => {
    const step = 37;
    for (let n = 0; n < lines.length; n += step) {
      const prefix = lines.slice(0, n).join('\n');
      expect(() => readBaiduText(prefix, 'p.txt', context)).not.toThrow();
      expect(() => readBaiduMarkdown(prefix.replace(/^Plain Text$/gm, '```python'), 'p.md', context)).not.toThrow();
    }
    for (const junk of ['', '\u0000', '```\n@required(\n```', '1@required(a\n2def x(', 'JSON\n1{"a":\n2', '```json\n{{{\n```\ndef f(self):']) {
      expect(() => readBaiduText(junk, 'j.txt', context)).not.toThrow();
      expect(() => readBaiduMarkdown(junk, 'j.md', context)).not.toThrow();
    }
  });
});
