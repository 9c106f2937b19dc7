/**
 * Decoding a text file: by its byte-order mark (UTF-8, UTF-16LE, UTF-16BE), else UTF-8 when it is valid UTF-8, else
 * GB18030 as Windows tools in Chinese write it. Bytes that are no text (NUL bytes, or a decoding full of control
 * characters and replacement characters) are refused rather than checked as a report with nothing in it.
 */

import { InputError } from './errors';

/** Whether a character is what binary data decodes to: a control other than tab, line breaks and form feed, or U+FFFD. */
function isNoise(c: number): boolean {
  return c < 0x09 || (c > 0x0d && c < 0x20) || c === 0x7f || c === 0xfffd;
}

/** More than one noise character in 200 (and more than 8): no text a person wrote. */
function noisy(text: string): boolean {
  const limit = Math.max(8, text.length / 200);
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isNoise(text.charCodeAt(i)) && ++n > limit) return true;
  return false;
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return checked(new TextDecoder('utf-8').decode(bytes));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes));
  if (bytes.includes(0)) throw new InputError('不是文本文件');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return checked(text);
}

function checked(text: string): string {
  if (noisy(text)) throw new InputError('不是文本文件');
  return text;
}
