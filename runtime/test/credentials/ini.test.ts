import { describe, expect, it } from 'vitest';
import { parseIni } from '../../src/credentials/ini.ts';

describe('parseIni (the AWS shared files dialect)', () => {
  it('reads sections, trimmed keys and values, whole-line comments, CRLF; keys lower-cased', () => {
    const text = '# top comment\r\n[default]\r\naws_access_key_id = AKID\r\n; another\r\nRegion=eu-west-1\r\n\r\n[profile  dev ] # trailing\r\nregion = cn-north-1\r\n';
    expect(parseIni(text)).toEqual({ default: { aws_access_key_id: 'AKID', region: 'eu-west-1' }, 'profile dev': { region: 'cn-north-1' } });
  });

  it('keeps # and ; inside values (a secret may contain them) and splits at the first =', () => {
    expect(parseIni('[a]\naws_secret_access_key = ab#c;d=e\n').a).toEqual({ aws_secret_access_key: 'ab#c;d=e' });
  });

  it('reads indented lines after a key without value as sub-properties parent.child', () => {
    const text = '[services local]\ndirect_connect =\n  endpoint_url = http://127.0.0.1:4566\nsts =\n  endpoint_url = http://127.0.0.1:1\nplain = x\n';
    expect(parseIni(text)['services local']).toEqual({
      direct_connect: '',
      'direct_connect.endpoint_url': 'http://127.0.0.1:4566',
      sts: '',
      'sts.endpoint_url': 'http://127.0.0.1:1',
      plain: 'x',
    });
  });

  it('skips lines before any section and lines without =; __proto__ is a plain key', () => {
    const out = parseIni('orphan = 1\n[x]\njunk\n__proto__ = y\n');
    expect(Object.keys(out)).toEqual(['x']);
    expect(out.x!['__proto__']).toBe('y');
    expect(({} as Record<string, unknown>).y).toBeUndefined();
  });
});
