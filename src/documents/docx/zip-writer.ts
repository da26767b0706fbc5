import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A small, synchronous zip writer for the few parts of one .docx: deflate and CRC-32 are zlib's native
 * ones (yazl's streams and its JavaScript CRC-32 were a third of the time of a whole .docx, decision 015).
 * Names are UTF-8 (general-purpose flag bit 11); no zip64, as a .docx part never nears 4 GB.
 */
export function zipParts(parts: readonly (readonly [name: string, data: Buffer])[], modified: Date): Buffer {
  const { time, date } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const fileName = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, {
      time,
      date,
      crc,
      compressed: compressed.length,
      size: data.length,
      nameLength: fileName.length,
    });
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, spec 2.0
    writeCommon(central, 6, {
      time,
      date,
      crc,
      compressed: compressed.length,
      size: data.length,
      nameLength: fileName.length,
    });
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, compressed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface EntryFields {
  /** 8 = deflate, 0 = stored. */
  method?: 0 | 8;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  nameLength: number;
}

/** The fields local and central headers share, from "version needed" to the name length (26 bytes). */
function writeCommon(header: Buffer, at: number, entry: EntryFields): void {
  header.writeUInt16LE(20, at); // version needed: 2.0 (deflate)
  header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  header.writeUInt16LE(entry.method ?? 8, at + 4);
  header.writeUInt16LE(entry.time, at + 6);
  header.writeUInt16LE(entry.date, at + 8);
  header.writeUInt32LE(entry.crc, at + 10);
  header.writeUInt32LE(entry.compressed, at + 14);
  header.writeUInt32LE(entry.size, at + 18);
  header.writeUInt16LE(entry.nameLength, at + 22);
  // Extra field length (at + 24) stays 0.
}

/** MS-DOS local time stamp, two-second resolution, as zip readers show it. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

interface DirectoryEntry extends EntryFields {
  name: Buffer;
  offset: number;
}

/**
 * A zip written as it goes, for the bulk export: each entry is whole in memory only while it is added,
 * and only its name, sizes and CRC stay until the central directory is written at the end (~100 bytes
 * an entry), so memory does not grow with the data. `add` resolves when the output has taken the entry
 * (it waits while the reader of `stream` is behind). No zip64: at most 65,535 entries and 4 GB.
 */
export class ZipStream {
  readonly stream = new PassThrough();
  private readonly entries: DirectoryEntry[] = [];
  private offset = 0;

  async add(name: string, data: Buffer, options: { compress: boolean; modified?: Date }): Promise<void> {
    const body = options.compress ? deflateRawSync(data) : data;
    const entry: DirectoryEntry = {
      ...dosDateTime(options.modified ?? new Date()),
      method: options.compress ? 8 : 0,
      crc: crc32(data),
      compressed: body.length,
      size: data.length,
      name: Buffer.from(name, 'utf8'),
      nameLength: 0,
      offset: this.offset,
    };
    entry.nameLength = entry.name.length;
    if (this.entries.length >= 0xffff || this.offset + 30 + entry.nameLength + body.length > 0xffffffff) {
      throw new Error('zip 超过 65535 个文件或 4 GB（不支持 zip64）');
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, entry);
    this.entries.push(entry);
    this.offset += local.length + entry.nameLength + body.length;
    await this.write(Buffer.concat([local, entry.name]));
    await this.write(body);
  }

  /** Writes the central directory and ends the stream. */
  async end(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      writeCommon(central, 6, entry);
      central.writeUInt32LE(entry.offset, 42);
      await this.write(Buffer.concat([central, entry.name]));
      this.offset += central.length + entry.nameLength;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.stream.end(end);
  }

  private async write(chunk: Buffer): Promise<void> {
    if (this.stream.destroyed) throw new Error('zip output closed');
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
