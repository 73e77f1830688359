/**
 * A parser for registry export files (`reg export`, regedit's "Export"): the "Windows Registry
 * Editor Version 5.00" format, UTF-16LE with a byte-order mark, or the older ANSI "REGEDIT4".
 * Reading an export instead of `reg query` output keeps every value exact: the console's code
 * page cannot mangle non-ASCII text and REG_MULTI_SZ items stay separate.
 */

export type RegistryValue =
  | { type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { type: 'REG_DWORD'; data: number }
  | { type: 'REG_QWORD'; data: bigint }
  | { type: 'REG_MULTI_SZ'; data: string[] }
  | { type: 'REG_BINARY' | 'REG_NONE'; data: Buffer };

/** Key path (as written in the file) → value name (`''` for the default value) → value. */
export type RegistryExport = Map<string, Map<string, RegistryValue>>;

export class RegFileSyntaxError extends Error {
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'RegFileSyntaxError';
  }
}

export function decodeRegFile(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/**
 * Physical lines joined where a hex value continues with a trailing backslash (only hex data can
 * end a line with one: a string value always ends with its closing quote).
 */
function logicalLines(text: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  const physical = text.split(/\r?\n/);
  for (let index = 0; index < physical.length; index++) {
    const start = index;
    let line = physical[index] ?? '';
    while (line.trimEnd().endsWith('\\') && index + 1 < physical.length) {
      line = line.trimEnd().slice(0, -1) + (physical[++index] ?? '').trim();
    }
    result.push({ text: line, line: start + 1 });
  }
  return result;
}

function hexBytes(text: string, line: number): Buffer {
  const cleaned = text.replace(/\s+/g, '');
  if (cleaned === '') return Buffer.alloc(0);
  if (!/^[0-9a-fA-F]{2}(,[0-9a-fA-F]{2})*$/.test(cleaned)) throw new RegFileSyntaxError(line, 'bad hex data');
  return Buffer.from(cleaned.split(',').map((byte) => parseInt(byte, 16)));
}

function utf16Strings(bytes: Buffer): string[] {
  const text = bytes.toString('utf16le').replace(/\0+$/, '');
  return text === '' ? [] : text.split('\0');
}

function parseData(data: string, line: number): RegistryValue {
  if (data.startsWith('"')) {
    const match = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
    if (match === null) throw new RegFileSyntaxError(line, 'unterminated string');
    return { type: 'REG_SZ', data: (match[1] ?? '').replace(/\\(.)/g, '$1') };
  }
  const dword = /^dword:([0-9a-fA-F]{8})$/.exec(data);
  if (dword !== null) return { type: 'REG_DWORD', data: parseInt(dword[1] ?? '0', 16) };
  const hex = /^hex(?:\(([0-9a-fA-F]+)\))?:(.*)$/.exec(data);
  if (hex === null) throw new RegFileSyntaxError(line, `unrecognised value data "${data.slice(0, 20)}"`);
  const bytes = hexBytes(hex[2] ?? '', line);
  switch ((hex[1] ?? '3').toLowerCase()) {
    case '0':
      return { type: 'REG_NONE', data: bytes };
    case '1':
      return { type: 'REG_SZ', data: utf16Strings(bytes).join('') };
    case '2':
      return { type: 'REG_EXPAND_SZ', data: utf16Strings(bytes).join('') };
    case '4':
      return { type: 'REG_DWORD', data: bytes.readUInt32LE(0) };
    case '7':
      return { type: 'REG_MULTI_SZ', data: utf16Strings(bytes) };
    case 'b':
      return { type: 'REG_QWORD', data: bytes.readBigUInt64LE(0) };
    default:
      return { type: 'REG_BINARY', data: bytes };
  }
}

export function parseRegFile(text: string): RegistryExport {
  const keys: RegistryExport = new Map();
  let current: Map<string, RegistryValue> | undefined;
  const lines = logicalLines(text);
  const header = lines.find((entry) => entry.text.trim() !== '');
  if (header === undefined) return keys;
  if (!/^(Windows Registry Editor Version 5\.00|REGEDIT4)$/.test(header.text.trim())) {
    throw new RegFileSyntaxError(header.line, 'not a registry export (no "Windows Registry Editor" header)');
  }
  for (const { text: raw, line } of lines.slice(lines.indexOf(header) + 1)) {
    const entry = raw.trim();
    if (entry === '' || entry.startsWith(';')) continue;
    const key = /^\[(-?)(.+)\]$/.exec(entry);
    if (key !== null) {
      current = key[1] === '-' ? undefined : new Map();
      if (current !== undefined) keys.set(key[2] ?? '', current);
      continue;
    }
    if (current === undefined) throw new RegFileSyntaxError(line, 'a value outside any key');
    const value = /^(@|"(?:[^"\\]|\\.)*")=(.*)$/.exec(entry);
    if (value === null) throw new RegFileSyntaxError(line, 'expected "name"=data');
    const name = value[1] === '@' ? '' : (value[1] ?? '""').slice(1, -1).replace(/\\(.)/g, '$1');
    // "name"=- deletes a value; an export never writes it, an admin's hand-made file might.
    if (value[2] === '-') current.delete(name);
    else current.set(name, parseData(value[2] ?? '', line));
  }
  return keys;
}
