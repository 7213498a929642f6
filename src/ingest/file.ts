/**
 * Reading an input's bytes into text, refusing what is not a readable text: missing or unreadable
 * files, files over the size limit (checked before reading), empty files, binary data, invalid UTF-8.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { IngestError } from './types.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** How far into the bytes the binary check looks; enough to see a file header and some body. */
const SNIFF_BYTES = 64 * 1024;

export async function readTextFile(path: string, maxBytes: number): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError(path, 'not a file');
    size = info.size;
  } catch (err) {
    throw asIngestError(path, err);
  }
  if (size > maxBytes) throw new IngestError(path, `file is ${size} bytes, over the limit of ${maxBytes}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw asIngestError(path, err);
  }
  return decodeText(bytes, path);
}

/** One line of a JSON Lines file: its 1-based number and its text, or why the line cannot be read. */
export type FileLine = { line: number; text: string } | { line: number; error: string };

/**
 * The lines of a UTF-8 text file, read as a stream: a JSON Lines file of many thousands of articles is not
 * held whole (nor bounded by the whole-file limit); each line is bounded by `maxLineBytes` instead, and a line
 * over it, or one that is not valid UTF-8, is refused alone while the others are read. The file as a whole is
 * refused (thrown) as `readTextFile` refuses it: missing, not a file, empty, binary at its start. JSON text is
 * UTF-8 (RFC 8259, section 8.1); a file that starts with a UTF-16 byte order mark is read whole, decoded, and
 * split, under the whole-file limit.
 *
 * Hand-written over the byte stream rather than node:readline: readline decodes with replacement characters
 * and buffers a line of any length, while each line here must be decoded strictly and bounded before it is held.
 */
export async function* readTextLines(path: string, maxLineBytes: number): AsyncGenerator<FileLine> {
  let head: Buffer;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IngestError(path, 'not a file');
    if (info.size === 0) throw new IngestError(path, 'empty file');
    const fh = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(Math.min(SNIFF_BYTES, info.size)), 0, Math.min(SNIFF_BYTES, info.size), 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw asIngestError(path, err);
  }
  const bom = byteOrderMark(head);
  if (bom !== undefined && bom !== 'utf-8') {
    const text = await readTextFile(path, maxLineBytes);
    let n = 0;
    for (const line of text.split('\n')) yield { line: ++n, text: line };
    return;
  }
  if (looksBinary(head)) throw new IngestError(path, 'binary file, not text');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decodeLine = (bytes: Buffer, line: number): FileLine => {
    let b = line === 1 && bom === 'utf-8' ? bytes.subarray(3) : bytes;
    if (b.length > 0 && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    try {
      return { line, text: decoder.decode(b) };
    } catch {
      return { line, error: `invalid UTF-8 at byte ${firstInvalidByte(b)} of the line` };
    }
  };
  let line = 0;
  // The current line's bytes so far, or undefined while skipping the rest of a line already over the limit.
  let parts: Buffer[] | undefined = [];
  let held = 0;
  let overBy = 0;
  const finish = (): FileLine => {
    line++;
    if (parts === undefined) return { line, error: `line is ${overBy} bytes, over the limit of ${maxLineBytes}` };
    return decodeLine(parts.length === 1 ? parts[0]! : Buffer.concat(parts, held), line);
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: SNIFF_BYTES }) as AsyncIterable<Buffer>) {
      let start = 0;
      while (start < chunk.length) {
        const nl = chunk.indexOf(0x0a, start);
        const end = nl === -1 ? chunk.length : nl;
        if (parts !== undefined) {
          if (held + end - start > maxLineBytes) {
            overBy = held + end - start;
            parts = undefined;
          } else if (end > start) {
            parts.push(chunk.subarray(start, end));
            held += end - start;
          }
        } else {
          overBy += end - start;
        }
        if (nl === -1) break;
        yield finish();
        parts = [];
        held = 0;
        overBy = 0;
        start = nl + 1;
      }
    }
  } catch (err) {
    throw asIngestError(path, err);
  }
  if (parts === undefined || held > 0) yield finish();
}

/**
 * Text from bytes: not empty, not binary, valid in its encoding, a BOM dropped, CRLF line ends made LF.
 * The encoding is, in this order (the WHATWG encoding sniffing order): a byte order mark; the one a server
 * names; the one an HTML or XML document declares in its opening (`<meta charset="windows-1252">`,
 * `<?xml version="1.0" encoding="ISO-8859-1"?>`); else UTF-8. A UTF-16 or UTF-32 declaration without a byte
 * order mark is a lie when the bytes are valid UTF-8 (a declaration read as ASCII cannot be UTF-16; HTML says
 * to read it as UTF-8), so such text is read as UTF-8, and refused when it is not UTF-8 either.
 */
export function decodeText(bytes: Uint8Array, source: string, given?: string): string {
  if (bytes.length === 0) throw new IngestError(source, 'empty file');
  const bom = byteOrderMark(bytes);
  let charset = bom ?? given ?? declaredCharset(bytes) ?? 'utf-8';
  if (!bom && /^(?:utf-?16|utf-?32|ucs-?2)/iu.test(charset)) {
    if (!decodesAsUtf8(bytes)) throw new IngestError(source, `declared ${charset} but has no byte order mark, and is not UTF-8 either`);
    charset = 'utf-8';
  }
  const wide = /^utf-?(?:16|32)/iu.test(charset);
  // UTF-16 and UTF-32 are full of NUL bytes; for them the binary check is made on the decoded text.
  if (!wide && looksBinary(bytes)) throw new IngestError(source, 'binary file, not text');
  let text: string;
  if (/^utf-?8$/iu.test(charset)) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new IngestError(source, `invalid UTF-8 at byte ${firstInvalidByte(bytes)}`);
    }
  } else {
    // iconv-lite, not TextDecoder: Node 20's TextDecoder reads windows-1252 as ISO-8859-1, so the curly
    // quotes and dashes of 0x80-0x9F come out as control characters.
    if (!iconv.encodingExists(charset)) throw new IngestError(source, `unsupported character encoding '${charset}'`);
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
    if (wide && looksBinary(Buffer.from(text, 'utf8'))) throw new IngestError(source, 'binary file, not text');
  }
  if (text.trim() === '') throw new IngestError(source, 'empty file (only white space)');
  return text.replace(/\r\n?/gu, '\n');
}

function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const m =
    /^\s*<\?xml[^>]*\sencoding=["']([\w.:-]+)["']/iu.exec(head) ??
    /<meta\s[^>]*charset=["']?([\w.:-]+)/iu.exec(head);
  return m?.[1];
}

/** NUL bytes, or more than one byte in ten a control character, in the first 64 KiB. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return control * 10 > sample.length;
}

/**
 * TextDecoder does not say where decoding failed. A prefix decoded in streaming mode fails only when it
 * holds an invalid sequence (an incomplete one at its end is allowed), so the first failing prefix is found
 * by binary search instead of by a hand-written UTF-8 validator; the bad sequence then starts at the last
 * boundary before it where the prefix decodes completely (at most three bytes back).
 */
function firstInvalidByte(bytes: Uint8Array): number {
  const decodes = (n: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let ok = 0;
  let bad = bytes.length;
  while (bad - ok > 1) {
    const mid = Math.floor((ok + bad) / 2);
    if (decodes(mid, true)) ok = mid;
    else bad = mid;
  }
  for (let start = bad - 1; start > Math.max(0, bad - 5); start--) if (decodes(start, false)) return start;
  return Math.max(0, bad - 4);
}

function asIngestError(path: string, err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new IngestError(path, 'no such file or folder');
  if (code === 'EACCES' || code === 'EPERM') return new IngestError(path, 'permission denied');
  if (code === 'EISDIR') return new IngestError(path, 'is a folder');
  return new IngestError(path, `cannot read: ${(err as Error).message}`);
}
