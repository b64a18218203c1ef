import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { DOCUMENT_SNIFF_BYTES } from '@jalon/domain';
import { APP_CONFIG, type AppConfig } from '@jalon/server/config';

export interface StoredFile {
  storageKey: string;
  sizeBytes: number;
  sha256: string;
  /** The first bytes, to recognise the type. */
  head: Buffer;
}

export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
}

/**
 * Document contents on local disk under DOCUMENTS_DIR, as
 * `<tenant>/<random id>`: the name never comes from the user. The file is
 * streamed to a temporary name while it is hashed and measured, and only
 * renamed into place once complete, so a failed upload leaves nothing.
 */
@Injectable()
export class DocumentStorage {
  private readonly root: string;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.resolve(config.documents.dir);
    this.maxBytes = config.documents.maxBytes;
  }

  async store(tenantId: string, content: Readable): Promise<StoredFile> {
    const storageKey = `${tenantId}/${randomUUID()}`;
    const target = this.pathOf(storageKey);
    const temporary = `${target}.part`;
    await mkdir(path.dirname(target), { recursive: true });
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    const maxBytes = this.maxBytes;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new FileTooLargeError());
        hash.update(chunk);
        if (headSize < DOCUMENT_SNIFF_BYTES) {
          headChunks.push(chunk.subarray(0, DOCUMENT_SNIFF_BYTES - headSize));
          headSize += Math.min(chunk.length, DOCUMENT_SNIFF_BYTES - headSize);
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(content, measure, createWriteStream(temporary, { mode: 0o600 }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { storageKey, sizeBytes: size, sha256: hash.digest('hex'), head: Buffer.concat(headChunks) };
  }

  read(storageKey: string): Readable {
    return createReadStream(this.pathOf(storageKey));
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }

  private pathOf(storageKey: string): string {
    const resolved = path.resolve(this.root, storageKey);
    if (!resolved.startsWith(`${this.root}${path.sep}`)) throw new Error('storage key outside the documents folder');
    return resolved;
  }
}
