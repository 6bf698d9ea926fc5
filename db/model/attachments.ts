// Issue #17: attachments (附件) on a project, a 前期手续 checklist item, a problem and a weekly entry (现场照片).
// Pure rules and types: what a file is (judged by its bytes, never by its name alone), what is refused, and the
// limits per file and per project. The files themselves live under the data folder (electron/services/attachments).

export const ATTACHMENT_OWNER_KINDS = ['project', 'approval', 'problem', 'entry'] as const;
/** 'entry' is a weekly entry (dispatch_rows.id); 'approval' a checklist item (approval_items.id, migration 0160) */
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

export const ATTACHMENT_OWNER_KIND_LABELS: Record<AttachmentOwnerKind, string> = {
  project: '项目',
  approval: '前期手续',
  problem: '问题',
  entry: '周调度',
};

export const ATTACHMENT_FILE_KINDS = ['image', 'pdf', 'document'] as const;
export type AttachmentFileKind = (typeof ATTACHMENT_FILE_KINDS)[number];

export const ATTACHMENT_FILE_KIND_LABELS: Record<AttachmentFileKind, string> = {
  image: '图片',
  pdf: 'PDF',
  document: '文档',
};

/** One attachment as lists show it. `deletedAt`/`deletedBy` are null unless it was deleted (and not yet purged). */
export interface AttachmentInfo {
  id: number;
  ownerKind: AttachmentOwnerKind;
  ownerId: number;
  projectId: number;
  /** what it is attached to, in words: “项目”, “2026年第49周调度”, “问题 WT-2026-003”, a checklist item's name */
  ownerLabel: string;
  fileName: string;
  mimeType: string;
  fileKind: AttachmentFileKind;
  sizeBytes: number;
  sha256: string;
  caption: string;
  /** ISO time */
  createdAt: string;
  createdBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
  /** counts the row's changes (caption, deletion, restore): a write that carries the one it read is refused if older */
  version: number;
}

/** The file itself, as `attachments.get` answers: the bytes stored, in base64. */
export interface AttachmentContent {
  id: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  contentBase64: string;
}

/** A thumbnail or a preview of an image: always a JPEG made from the stored file. */
export interface AttachmentImage {
  contentBase64: string;
  mimeType: 'image/jpeg';
}

export interface AttachmentAdded {
  id: number;
  sha256: string;
  /** the project the owner belongs to */
  projectId: number;
}

const MB = 1024 * 1024;

/**
 * The largest file any setting allows: the browser host takes a request body of 32 MB (electron/web-host-api.ts),
 * and 20 MB in base64 is 26.7 MB. A scan of a 批复 is 1–5 MB, a phone photo 2–8 MB.
 */
export const MAX_ATTACHMENT_FILE_BYTES = 20 * MB;
/** What a file of that size becomes in base64. */
export const MAX_ATTACHMENT_BASE64_CHARS = Math.ceil(MAX_ATTACHMENT_FILE_BYTES / 3) * 4;
/** The per-project limit a setting may reach: 10 GB of a project's live files. */
export const MAX_ATTACHMENT_PROJECT_MEGABYTES = 10_240;

/** The office's limits (设置), in whole megabytes as the clerk types them. */
export interface AttachmentLimits {
  /** one file at most */
  fileMegabytes: number;
  /** all live (not deleted) files of a project together, its checklist items', problems' and entries' included */
  projectMegabytes: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { fileMegabytes: 20, projectMegabytes: 500 };

/** The stored setting (JSON), or the defaults for what is missing or unreadable. */
export function attachmentLimitsOf(stored: string | null | undefined): AttachmentLimits {
  let parsed: Partial<AttachmentLimits>;
  try {
    parsed = stored ? (JSON.parse(stored) as Partial<AttachmentLimits>) : {};
  } catch {
    parsed = {};
  }
  const within = (value: unknown, max: number, fallback: number) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
  return {
    fileMegabytes: within(
      parsed.fileMegabytes,
      MAX_ATTACHMENT_FILE_BYTES / MB,
      DEFAULT_ATTACHMENT_LIMITS.fileMegabytes,
    ),
    projectMegabytes: within(
      parsed.projectMegabytes,
      MAX_ATTACHMENT_PROJECT_MEGABYTES,
      DEFAULT_ATTACHMENT_LIMITS.projectMegabytes,
    ),
  };
}

/** A size as the clerk reads it: 512 KB, 3.4 MB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(1)} MB`;
  return `${(bytes / 1024 / MB).toFixed(1)} GB`;
}

export function fileTooLargeMessage(fileName: string, bytes: number, limits: AttachmentLimits): string {
  return `文件“${fileName}”有${formatBytes(bytes)}，超过每个附件${limits.fileMegabytes} MB的上限，未上传。照片可先压缩，扫描件可降低分辨率后再试`;
}

/**
 * The per-project limit: null when the new file fits, else the message. `liveBytes` counts the project's files
 * that are not deleted (a deleted file is kept until the monthly purge, but no longer counts).
 */
export function projectLimitMessage(liveBytes: number, addedBytes: number, limits: AttachmentLimits): string | null {
  const limit = limits.projectMegabytes * MB;
  if (liveBytes + addedBytes <= limit) return null;
  return `该项目的附件已有${formatBytes(liveBytes)}，再上传${formatBytes(addedBytes)}将超过每个项目${limits.projectMegabytes} MB的上限，未上传。请先删除不需要的附件，或请管理员在设置中调整上限`;
}

// ---- names ----

/** Extensions of programs and scripts: refused whatever the bytes look like. */
export const REFUSED_EXTENSIONS: readonly string[] = [
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'msi', 'msp', 'mst', 'msc', 'sys', 'drv', 'ocx',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh', 'ws', 'sct', 'hta',
  'jar', 'class', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'py', 'pyw', 'pl', 'rb', 'php', 'lnk', 'url', 'reg', 'inf',
  'gadget', 'application', 'appx', 'msix', 'apk', 'app', 'dmg', 'pkg', 'deb', 'rpm', 'run', 'bin', 'elf', 'so',
  'dylib', 'desktop', 'chm', 'iso', 'img', 'vhd', 'vhdx', 'xll', 'xlam', 'docm', 'dotm', 'xlsm', 'xltm', 'pptm',
  'potm', 'ppam', 'ppsm', 'sldm', 'html', 'htm', 'xhtml', 'svg', 'mht', 'mhtml',
]; // prettier-ignore

/** The extension, lower case and without the dot ('' when there is none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

// control characters, the path separators of both systems, and what Windows forbids in a name
// eslint-disable-next-line no-control-regex
const BAD_NAME_CHARS = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

/** Why a file name cannot be kept as it is, or null when it can. */
export function fileNameProblem(fileName: string): string | null {
  if (!fileName.trim()) return '请填写文件名';
  if (BAD_NAME_CHARS.test(fileName)) {
    return `文件名“${visibleName(fileName)}”含有路径分隔符或控制字符等不能用于文件名的字符，请改名后再上传`;
  }
  if (fileName === '.' || fileName === '..' || /^\.+$/.test(fileName)) return '文件名不正确，请改名后再上传';
  if (fileName.endsWith('.') || fileName.endsWith(' ')) return `文件名“${fileName}”不能以点或空格结尾，请改名后再上传`;
  return null;
}

/** A name safe to show in a message: control characters shown as “?”, at most 80 characters. */
function visibleName(fileName: string): string {
  // eslint-disable-next-line no-control-regex
  return fileName.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 80);
}

// ---- contents ----

/** What the bytes are: an accepted kind, or a refusal with the message for the clerk. */
export type SniffResult =
  | {
      ok: true;
      fileKind: AttachmentFileKind;
      mimeType: string;
      /** 'heic': a HEIC/HEIF photo, to be converted to JPEG before it is kept */
      convert?: 'heic';
    }
  | { ok: false; code: 'refused_type' | 'empty_file'; message: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const asciiAt = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, Math.min(bytes.length, at + length)));

const PDF = ascii('%PDF-');
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const MZ = ascii('MZ');
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const SHEBANG = ascii('#!');
/** Mach-O (32/64-bit, either byte order) and universal binaries */
const MACH_O = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
];
/** ISO-BMFF brands of HEIC/HEIF stills (and their sequences), as phones write them */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'avci']);

const OOXML_EXTENSIONS = new Set(['docx', 'xlsx', 'pptx', 'dotx', 'xltx', 'potx', 'ppsx']);
const OLE_EXTENSIONS = new Set([
  'doc',
  'xls',
  'ppt',
  'wps',
  'et',
  'dps',
  'dot',
  'xlt',
  'pot',
  'pps',
  'wpt',
  'ett',
  'dpt',
]);
const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'heic', 'heif', 'hif']);
/** what the clerk may call an OOXML file: WPS saves .wps/.et/.dps as zip when told to keep its own format new */
const ZIP_OFFICE_EXTENSIONS = new Set([...OOXML_EXTENSIONS, 'wps', 'et', 'dps', 'ofd']);

export const OOXML_MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dotx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  potx: 'application/vnd.openxmlformats-officedocument.presentationml.template',
  ppsx: 'application/vnd.openxmlformats-officedocument.presentationml.slideshow',
};
const OLE_MIME: Record<string, string> = {
  doc: 'application/msword',
  dot: 'application/msword',
  xls: 'application/vnd.ms-excel',
  xlt: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  pot: 'application/vnd.ms-powerpoint',
  pps: 'application/vnd.ms-powerpoint',
  wps: 'application/vnd.ms-works',
  wpt: 'application/vnd.ms-works',
  et: 'application/vnd.ms-excel',
  ett: 'application/vnd.ms-excel',
  dps: 'application/vnd.ms-powerpoint',
  dpt: 'application/vnd.ms-powerpoint',
};

const ACCEPTED = 'PDF、JPEG/PNG/HEIC照片、Word/Excel/PowerPoint或WPS文档';

const refused = (message: string): SniffResult => ({ ok: false, code: 'refused_type', message });

const executableMessage = (fileName: string) => `文件“${visibleName(fileName)}”实际是可执行程序，不能作为附件`;
const scriptMessage = (fileName: string) => `文件“${visibleName(fileName)}”是脚本或程序文件，不能作为附件`;

/** The names inside a zip, read from its local file headers (enough to tell an Office file from any zip). */
function zipEntryNames(bytes: Uint8Array, max = 200): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < max && startsWith(bytes, ZIP, at) && at + 30 <= bytes.length) {
    const flags = bytes[at + 6] | (bytes[at + 7] << 8);
    const compressed = (bytes[at + 18] | (bytes[at + 19] << 8) | (bytes[at + 20] << 16) | (bytes[at + 21] << 24)) >>> 0;
    const nameLength = bytes[at + 26] | (bytes[at + 27] << 8);
    const extraLength = bytes[at + 28] | (bytes[at + 29] << 8);
    names.push(asciiAt(bytes, at + 30, nameLength));
    // a size kept after the data (bit 3) cannot be skipped by the header alone: the names so far must do
    if (flags & 0x08) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** Where the zip's central directory lists its names (found from its end): the names of every entry. */
function zipDirectoryNames(bytes: Uint8Array, max = 2000): string[] {
  const end = Math.max(0, bytes.length - 22 - 65_535);
  for (let at = bytes.length - 22; at >= end; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      const count = bytes[at + 10] | (bytes[at + 11] << 8);
      let p = (bytes[at + 16] | (bytes[at + 17] << 8) | (bytes[at + 18] << 16) | (bytes[at + 19] << 24)) >>> 0;
      const names: string[] = [];
      for (let i = 0; i < Math.min(count, max) && startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], p); i++) {
        const nameLength = bytes[p + 28] | (bytes[p + 29] << 8);
        const extraLength = bytes[p + 30] | (bytes[p + 31] << 8);
        const commentLength = bytes[p + 32] | (bytes[p + 33] << 8);
        names.push(asciiAt(bytes, p + 46, nameLength));
        p += 46 + nameLength + extraLength + commentLength;
      }
      return names;
    }
  }
  return [];
}

function sniffZip(fileName: string, bytes: Uint8Array, extension: string): SniffResult {
  const names = new Set([...zipEntryNames(bytes), ...zipDirectoryNames(bytes)]);
  const isOoxml = names.has('[Content_Types].xml');
  // OFD (版式文档, the national standard for e-documents) is a zip with OFD.xml at its root
  const isOfd = names.has('OFD.xml');
  if (isOfd && extension === 'ofd') return { ok: true, fileKind: 'document', mimeType: 'application/ofd' };
  if (!isOoxml) {
    return refused(
      `文件“${visibleName(fileName)}”是压缩包，不是Office或WPS文档，不能作为附件。请解压后逐个上传${ACCEPTED}`,
    );
  }
  if (!ZIP_OFFICE_EXTENSIONS.has(extension)) {
    return refused(
      `文件“${visibleName(fileName)}”的内容是Office文档，与扩展名“.${extension || '无'}”不符，请改正扩展名后再上传`,
    );
  }
  const mimeType =
    OOXML_MIME[extension] ??
    (names.has('xl/workbook.xml')
      ? OOXML_MIME.xlsx
      : names.has('ppt/presentation.xml')
        ? OOXML_MIME.pptx
        : OOXML_MIME.docx);
  // a macro-enabled workbook or document hides behind a plain name: vbaProject.bin is its macros
  if ([...names].some((name) => /vbaProject\.bin$/i.test(name))) {
    return refused(
      `文件“${visibleName(fileName)}”含有宏（可执行的程序代码），不能作为附件。请另存为不含宏的文档后再上传`,
    );
  }
  return { ok: true, fileKind: 'document', mimeType };
}

/**
 * What the file is, by its first bytes: PDF, JPEG, PNG, HEIC/HEIF (to be converted), OOXML (docx/xlsx/pptx, and
 * WPS's own names when saved so), OLE (doc/xls/ppt and WPS's wps/et/dps). Programs and scripts are refused by
 * their bytes (MZ, ELF, Mach-O, #!) and by their extension even when the bytes look harmless; anything else is
 * refused with the list of what is accepted.
 */
export function sniffAttachment(fileName: string, bytes: Uint8Array): SniffResult {
  const name = visibleName(fileName);
  if (bytes.length === 0) return { ok: false, code: 'empty_file', message: `文件“${name}”是空文件（0字节），未上传` };
  const extension = extensionOf(fileName);
  if (startsWith(bytes, MZ) || startsWith(bytes, ELF) || MACH_O.some((magic) => startsWith(bytes, magic))) {
    return refused(executableMessage(fileName));
  }
  if (startsWith(bytes, SHEBANG)) return refused(scriptMessage(fileName));
  if (REFUSED_EXTENSIONS.includes(extension)) return refused(scriptMessage(fileName));

  const mismatch = (what: string) =>
    refused(`文件“${name}”的内容是${what}，与扩展名“.${extension || '无'}”不符，请改正扩展名后再上传`);
  // a PDF may carry a few bytes before its header (the format allows them within the first 1,024)
  if (startsWith(bytes, PDF) || asciiAt(bytes, 0, 1024).includes('%PDF-')) {
    if (extension !== 'pdf') return mismatch('PDF');
    return { ok: true, fileKind: 'pdf', mimeType: 'application/pdf' };
  }
  if (startsWith(bytes, JPEG)) {
    if (!IMAGE_EXTENSIONS.has(extension)) return mismatch('JPEG图片');
    return { ok: true, fileKind: 'image', mimeType: 'image/jpeg' };
  }
  if (startsWith(bytes, PNG)) {
    if (!IMAGE_EXTENSIONS.has(extension)) return mismatch('PNG图片');
    return { ok: true, fileKind: 'image', mimeType: 'image/png' };
  }
  if (asciiAt(bytes, 4, 4) === 'ftyp') {
    const brands = [asciiAt(bytes, 8, 4)];
    const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
    for (let at = 16; at + 4 <= Math.min(boxSize, 64); at += 4) brands.push(asciiAt(bytes, at, 4));
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) {
      if (!IMAGE_EXTENSIONS.has(extension)) return mismatch('HEIC照片');
      return { ok: true, fileKind: 'image', mimeType: 'image/heic', convert: 'heic' };
    }
    return refused(`文件“${name}”是视频或其他媒体文件，不能作为附件。可上传${ACCEPTED}`);
  }
  if (startsWith(bytes, OLE)) {
    if (!OLE_EXTENSIONS.has(extension)) {
      return OOXML_EXTENSIONS.has(extension)
        ? { ok: true, fileKind: 'document', mimeType: OOXML_MIME[extension] }
        : mismatch('Office或WPS文档');
    }
    return { ok: true, fileKind: 'document', mimeType: OLE_MIME[extension] };
  }
  if (startsWith(bytes, ZIP)) return sniffZip(fileName, bytes, extension);
  return refused(`文件“${name}”不是可接受的附件类型。可上传${ACCEPTED}`);
}

/** The name a converted HEIC photo is kept under: the same name with .jpg. */
export function convertedFileName(fileName: string): string {
  const extension = extensionOf(fileName);
  return extension ? `${fileName.slice(0, -extension.length)}jpg` : `${fileName}.jpg`;
}

// ---- labels ----

/** The field of an attachment's lines in its project's 变更记录: `attachment:<id>:file` or `attachment:<id>:caption`. */
export function attachmentAuditField(id: number, what: 'file' | 'caption'): string {
  return `attachment:${id}:${what}`;
}

/** The label 变更记录 shows for such a field; null for any other field. */
export function attachmentAuditLabel(field: string): string | null {
  const match = /^attachment:\d+:(file|caption)$/.exec(field);
  return match ? (match[1] === 'file' ? '附件' : '附件说明') : null;
}

/** 2026年第49周调度, from the week as dispatch_rows keeps it (year × 100 + week). */
export function entryOwnerLabel(weekNumber: number): string {
  return `${Math.floor(weekNumber / 100)}年第${weekNumber % 100}周调度`;
}

/** The line in the project's 变更记录: “附件 现场照片.jpg 已上传（2026年第49周调度）”. */
export function attachmentHistoryText(
  fileName: string,
  what: 'added' | 'removed' | 'restored',
  ownerLabel: string,
): string {
  const done = { added: '已上传', removed: '已删除', restored: '已恢复' }[what];
  return `附件 ${fileName} ${done}${ownerLabel && ownerLabel !== '项目' ? `（${ownerLabel}）` : ''}`;
}
