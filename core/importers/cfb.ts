// A bounded reader for OLE2 compound files (MS-CFB), enough to take one stream out of an .xls.
// Written instead of using the `cfb` package: on a corrupted header that package spent 12 s in
// get_sector_list (found by the fuzz test), and the time grows with the counts the file claims.
// Here every sector chain is bounded by the number of sectors the file really has.

export class CfbError extends Error {}

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const ENTRY_BYTES = 128;

interface DirectoryEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

function words(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.byteLength >>> 2 }, (_, i) => view.getUint32(i * 4, true));
}

export class CompoundFile {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private readonly entries: DirectoryEntry[];
  private miniStream: Uint8Array | null = null;
  private miniFat: Uint32Array | null = null;
  private readonly firstMiniFat: number;

  constructor(bytes: Uint8Array) {
    if (bytes.length < 512 || !MAGIC.every((byte, i) => bytes[i] === byte)) throw new CfbError('not a compound file');
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const sectorShift = this.u16(30);
    const miniShift = this.u16(32);
    if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw new CfbError('bad sector sizes');
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = this.u32(56);
    this.firstMiniFat = this.u32(60);
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    this.fat = this.readFat(this.u32(44), this.u32(68), this.u32(72));
    this.entries = this.readDirectory(this.u32(48));
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private sector(index: number): Uint8Array {
    if (index >= this.sectorCount) throw new CfbError(`sector ${index} is past the end of the file`);
    const start = (index + 1) * this.sectorSize;
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  private readFat(fatSectors: number, firstDifat: number, difatSectors: number): Uint32Array {
    if (fatSectors > this.sectorCount || difatSectors > this.sectorCount) throw new CfbError('sector counts exceed the file');
    const locations: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && locations.length < fatSectors; i++) locations.push(this.u32(76 + i * 4));
    let next = firstDifat;
    const perDifat = this.sectorSize / 4 - 1;
    for (let n = 0; n < difatSectors && locations.length < fatSectors; n++) {
      const entries = words(this.sector(next));
      for (let i = 0; i < perDifat && locations.length < fatSectors; i++) locations.push(entries[i]);
      next = entries[perDifat];
    }
    if (locations.length < fatSectors) throw new CfbError('FAT location table ends early');
    const fat = new Uint32Array((fatSectors * this.sectorSize) / 4);
    locations.forEach((location, n) => fat.set(words(this.sector(location)), (n * this.sectorSize) / 4));
    return fat;
  }

  /** The sectors of a chain; a loop or a pointer outside the file is corruption, not a hang. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const sectors: number[] = [];
    for (let at = start; at !== END_OF_CHAIN; at = table[at]) {
      if (at === FREE || at >= table.length || sectors.length >= limit) throw new CfbError('broken sector chain');
      sectors.push(at);
    }
    return sectors;
  }

  private readChain(start: number, size: number): Uint8Array {
    const sectors = this.chain(start, this.fat, this.sectorCount);
    if (sectors.length * this.sectorSize < size) throw new CfbError('stream is longer than its sectors');
    const out = new Uint8Array(size);
    sectors.forEach((index, n) => {
      const offset = n * this.sectorSize;
      if (offset < size) out.set(this.sector(index).subarray(0, size - offset), offset);
    });
    return out;
  }

  private readDirectory(first: number): DirectoryEntry[] {
    const sectors = this.chain(first, this.fat, this.sectorCount);
    const entries: DirectoryEntry[] = [];
    for (const index of sectors) {
      const sector = this.sector(index);
      const view = new DataView(sector.buffer, sector.byteOffset, sector.byteLength);
      for (let at = 0; at + ENTRY_BYTES <= sector.byteLength; at += ENTRY_BYTES) {
        const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
        const name = Buffer.from(sector.buffer, sector.byteOffset + at, Math.max(0, nameBytes - 2)).toString('utf16le');
        entries.push({ name, type: sector[at + 66], start: view.getUint32(at + 116, true), size: view.getUint32(at + 120, true) });
      }
    }
    if (entries[0]?.type !== 5) throw new CfbError('no root entry');
    return entries;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  private find(name: string): DirectoryEntry | undefined {
    const wanted = name.toLowerCase();
    return this.entries.find((entry) => entry.type === 2 && entry.name.toLowerCase() === wanted);
  }

  /** A stream's bytes by name (case-insensitive, as CFB names are), or null. */
  stream(name: string): Uint8Array | null {
    const entry = this.find(name);
    if (!entry) return null;
    if (entry.size >= this.miniCutoff) return this.readChain(entry.start, entry.size);
    return this.readMini(entry.start, entry.size);
  }

  /** Small streams live in 64-byte sectors inside the root entry's stream. */
  private readMini(start: number, size: number): Uint8Array {
    if (!this.miniStream || !this.miniFat) {
      const root = this.entries[0];
      this.miniStream = this.readChain(root.start, root.size);
      const miniFatBytes = this.chain(this.firstMiniFat, this.fat, this.sectorCount).length * this.sectorSize;
      this.miniFat = words(this.readChain(this.firstMiniFat, miniFatBytes));
    }
    const limit = Math.ceil(this.miniStream.length / this.miniSectorSize);
    const sectors = this.chain(start, this.miniFat, limit);
    if (sectors.length * this.miniSectorSize < size) throw new CfbError('mini stream is longer than its sectors');
    const out = new Uint8Array(size);
    sectors.forEach((index, n) => {
      const offset = n * this.miniSectorSize;
      const from = index * this.miniSectorSize;
      if (from + this.miniSectorSize > this.miniStream!.length) throw new CfbError('mini sector outside the mini stream');
      if (offset < size) out.set(this.miniStream!.subarray(from, from + Math.min(this.miniSectorSize, size - offset)), offset);
    });
    return out;
  }
}
