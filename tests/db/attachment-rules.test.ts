import { describe, expect, it } from 'vitest';
import {
  attachmentHistoryText,
  attachmentLimitsOf,
  convertedFileName,
  DEFAULT_ATTACHMENT_LIMITS,
  entryOwnerLabel,
  fileNameProblem,
  formatBytes,
  projectLimitMessage,
  sniffAttachment,
} from '../../db/model/attachments';

// 附件 (issue #17): what a file is, by its bytes; what is refused and how the clerk is told; the limits.

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

/** A zip whose local headers name these entries (stored, empty): enough for the sniffing. */
function zipOf(...names: string[]): Uint8Array {
  const parts = names.map((name) => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(name.length, 26);
    return Buffer.concat([header, Buffer.from(name)]);
  });
  return new Uint8Array(Buffer.concat(parts));
}

const JPEG = [0xff, 0xd8, 0xff, 0xe0, 0, 16];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('附件类型按内容判断', () => {
  it('PDF、JPEG、PNG、HEIC 照片、Office/WPS 文档按内容识别', () => {
    expect(sniffAttachment('批复.pdf', bytes('%PDF-1.7\n'))).toMatchObject({ ok: true, fileKind: 'pdf' });
    expect(sniffAttachment('照片.JPG', bytes(JPEG))).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    expect(sniffAttachment('截图.png', bytes(PNG))).toMatchObject({ ok: true, mimeType: 'image/png' });
    expect(sniffAttachment('IMG_0001.HEIC', bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toMatchObject({
      ok: true,
      fileKind: 'image',
      convert: 'heic',
    });
    expect(sniffAttachment('会议纪要.doc', bytes(OLE))).toMatchObject({ ok: true, mimeType: 'application/msword' });
    expect(sniffAttachment('台账.et', bytes(OLE))).toMatchObject({ ok: true, fileKind: 'document' });
    expect(sniffAttachment('汇报.wps', bytes(OLE))).toMatchObject({ ok: true, fileKind: 'document' });
    const docx = zipOf('[Content_Types].xml', '_rels/.rels', 'word/document.xml');
    expect(sniffAttachment('请示.docx', docx)).toMatchObject({ ok: true, mimeType: expect.stringContaining('word') });
    const xlsx = zipOf('[Content_Types].xml', 'xl/workbook.xml');
    expect(sniffAttachment('进度表.xlsx', xlsx)).toMatchObject({
      ok: true,
      mimeType: expect.stringContaining('sheet'),
    });
    expect(sniffAttachment('通知.ofd', zipOf('OFD.xml', 'Doc_0/Document.xml'))).toMatchObject({
      ok: true,
      mimeType: 'application/ofd',
    });
    // WPS 2019 saves .wps as OOXML when asked: kept, with the type its contents say
    expect(sniffAttachment('汇报.wps', docx)).toMatchObject({ ok: true, fileKind: 'document' });
  });

  it('可执行程序按内容拒收，无论扩展名：MZ、ELF、Mach-O', () => {
    expect(sniffAttachment('x.pdf', bytes('MZ', [0x90, 0]))).toEqual({
      ok: false,
      code: 'refused_type',
      message: '文件“x.pdf”实际是可执行程序，不能作为附件',
    });
    expect(sniffAttachment('照片.jpg', bytes([0x7f], 'ELF'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('可执行程序'),
    });
    expect(sniffAttachment('a.docx', bytes([0xcf, 0xfa, 0xed, 0xfe]))).toMatchObject({ ok: false });
  });

  it('脚本按 #! 或扩展名拒收，即使内容看似无害；含宏的 Office 文档拒收', () => {
    expect(sniffAttachment('a.txt', bytes('#!/usr/bin/env python\n'))).toMatchObject({
      ok: false,
      message: '文件“a.txt”是脚本或程序文件，不能作为附件',
    });
    for (const name of [
      'a.js',
      'b.vbs',
      'c.ps1',
      'd.bat',
      'e.cmd',
      'f.sh',
      'g.msi',
      'h.scr',
      'i.exe',
      'j.com',
      'k.hta',
    ]) {
      expect(sniffAttachment(name, bytes('%PDF-1.4')).ok, name).toBe(false);
    }
    const macro = zipOf('[Content_Types].xml', 'xl/workbook.xml', 'xl/vbaProject.bin');
    expect(sniffAttachment('预算.xlsx', macro)).toMatchObject({ ok: false, message: expect.stringContaining('宏') });
  });

  it('空文件、不认识的内容、普通压缩包、内容与扩展名不符都拒收并说明', () => {
    expect(sniffAttachment('a.jpg', new Uint8Array())).toMatchObject({ ok: false, code: 'empty_file' });
    expect(sniffAttachment('a.txt', bytes('一段文字'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('不是可接受的附件类型'),
    });
    expect(sniffAttachment('a.zip', zipOf('photos/1.jpg'))).toMatchObject({
      message: expect.stringContaining('压缩包'),
    });
    expect(sniffAttachment('合同.pdf', bytes(JPEG))).toMatchObject({
      ok: false,
      message: '文件“合同.pdf”的内容是JPEG图片，与扩展名“.pdf”不符，请改正扩展名后再上传',
    });
    expect(sniffAttachment('照片.png', bytes('%PDF-1.4'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('PDF'),
    });
    expect(sniffAttachment('a.mp4', bytes([0, 0, 0, 24], 'ftypisom'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('视频'),
    });
  });

  it('文件名含路径分隔符或控制字符不收', () => {
    expect(fileNameProblem('现场照片.jpg')).toBeNull();
    expect(fileNameProblem('a/b.jpg')).toMatch(/路径分隔符/);
    expect(fileNameProblem('a\\b.jpg')).toMatch(/路径分隔符/);
    expect(fileNameProblem('a\u0007.jpg')).toMatch(/控制字符/);
    expect(fileNameProblem('..')).not.toBeNull();
    expect(fileNameProblem('a.jpg.')).not.toBeNull();
  });
});

describe('附件上限', () => {
  it('默认每个附件20 MB、每个项目500 MB；存的设置不可读或越界时用默认', () => {
    expect(DEFAULT_ATTACHMENT_LIMITS).toEqual({ fileMegabytes: 20, projectMegabytes: 500 });
    expect(attachmentLimitsOf(null)).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    expect(attachmentLimitsOf('{')).toEqual(DEFAULT_ATTACHMENT_LIMITS);
    expect(attachmentLimitsOf('{"fileMegabytes":5,"projectMegabytes":100}')).toEqual({
      fileMegabytes: 5,
      projectMegabytes: 100,
    });
    expect(attachmentLimitsOf('{"fileMegabytes":50,"projectMegabytes":0}')).toEqual(DEFAULT_ATTACHMENT_LIMITS);
  });

  it('项目上限只计未删除的附件；正好到上限仍可上传', () => {
    const limits = { fileMegabytes: 20, projectMegabytes: 1 };
    expect(projectLimitMessage(512 * 1024, 512 * 1024, limits)).toBeNull();
    expect(projectLimitMessage(512 * 1024, 512 * 1024 + 1, limits)).toBe(
      '该项目的附件已有512 KB，再上传512 KB将超过每个项目1 MB的上限，未上传。请先删除不需要的附件，或请管理员在设置中调整上限',
    );
    expect(formatBytes(300)).toBe('300 字节');
    expect(formatBytes(3.45 * 1024 * 1024)).toBe('3.5 MB');
  });
});

describe('附件的文字', () => {
  it('周调度的名称、变更记录的一行、HEIC 转换后的文件名', () => {
    expect(entryOwnerLabel(202649)).toBe('2026年第49周调度');
    expect(entryOwnerLabel(202601)).toBe('2026年第1周调度');
    expect(attachmentHistoryText('现场照片.jpg', 'added', '项目')).toBe('附件 现场照片.jpg 已上传');
    expect(attachmentHistoryText('现场照片.jpg', 'removed', '2026年第49周调度')).toBe(
      '附件 现场照片.jpg 已删除（2026年第49周调度）',
    );
    expect(convertedFileName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(convertedFileName('照片')).toBe('照片.jpg');
  });
});
