import { describe, expect, it } from 'vitest';
import { TEMPLATE_HEADERS, templateCsv } from './import-template';

describe('templateCsv', () => {
  it('starts with a UTF-8 BOM so Excel reads Chinese', () => {
    expect(templateCsv().charCodeAt(0)).toBe(0xfeff);
  });

  it('holds exactly the Chinese header row the server maps', () => {
    expect(templateCsv()).toBe('\uFEFF姓名,手机,邮箱,部门,职务,直属上级,入职日期\r\n');
    expect(TEMPLATE_HEADERS).toHaveLength(7);
  });
});
