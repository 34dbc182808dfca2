// The page's .xlsx reader (loaded on demand) turns the reader's refusals into the pane's
// "file-unreadable" error with the reader's own words in both languages.
import { toPaneError } from '../../src/taskpane/model/errors';
import { modules } from '../../src/taskpane/lazy';

describe("the page's .xlsx reader", () => {
  it('explains an Excel 97–2003 or password-protected file', async () => {
    const read = await modules.xlsxReader();
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await read(ole).then(
      () => null,
      (e: unknown) => e,
    );
    const shown = toPaneError(error);
    expect(shown.code).toBe('file-unreadable');
    expect(shown.message?.vi).toMatch(/^Tệp Excel 97–2003 \(\.xls\) hoặc tệp có mật khẩu/);
    expect(shown.message?.en).toMatch(/^An Excel 97–2003 file/);
    expect(shown.detail).toMatch(/^old-or-protected/);
  });
});
