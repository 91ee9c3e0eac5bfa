import type { RenderOutput } from "../../container/src/render/result";
import { toHex } from "../bytes";
import type { Asset } from "../db/schema/assets";
import type { MediaFile } from "../media/media-client";
import {
  deleteAssetWithDerived,
  deleteTrackedObjects,
  objectKey,
  putTrackedObject,
  registerAsset,
  type StorageDeps,
  storedFileName,
} from "../storage";

interface StoredOutput {
  assetId: string;
  key?: string;
  filename?: string;
  size?: number;
  checksum?: string;
  thumbnailKey?: string;
}

/** A pass-through that hashes what flows by, then restores the known length R2's put needs. */
function hashedBody(file: MediaFile): { body: ReadableStream<Uint8Array>; checksum: Promise<string> } {
  const digest = new crypto.DigestStream("SHA-256");
  digest.digest.catch(() => undefined);
  const hasher = digest.getWriter();
  const tap = new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      await hasher.write(chunk);
      controller.enqueue(chunk);
    },
    async flush() {
      await hasher.close();
    },
  });
  const body = file.body.pipeThrough(tap).pipeThrough(new FixedLengthStream(file.size));
  return { body, checksum: digest.digest.then(toHex) };
}

/**
 * The files one render produces, from the first streamed byte to registration. Videos go straight from the
 * media stream into R2 under exports/ and are registered only after the render's result arrives, so a failed
 * or cancelled render never leaves an asset row; `discard` removes everything stored so far.
 */
export class ExportOutputs {
  private readonly byTemplate = new Map<string, StoredOutput>();
  private readonly writtenKeys: string[] = [];
  private readonly registered: string[] = [];
  private readonly createdAt = new Date();

  constructor(
    private readonly deps: StorageDeps,
    private readonly projectId: string,
  ) {}

  private entry(template: string): StoredOutput {
    let entry = this.byTemplate.get(template);
    if (!entry) {
      entry = { assetId: crypto.randomUUID() };
      this.byTemplate.set(template, entry);
    }
    return entry;
  }

  /** The media client's onFile: `<template>.<format>` is a video, `<template>.jpg` its poster. */
  async store(file: MediaFile): Promise<void> {
    const dot = file.name.lastIndexOf(".");
    const template = file.name.slice(0, dot);
    const extension = file.name.slice(dot + 1);
    const entry = this.entry(template);
    const filename = storedFileName(entry.assetId, this.createdAt, extension);
    if (extension === "jpg") {
      const key = objectKey(this.projectId, "thumbnails", filename);
      this.writtenKeys.push(key);
      await putTrackedObject(this.deps, {
        projectId: this.projectId,
        category: "thumbnails",
        name: filename,
        assetId: entry.assetId,
        body: file.body,
        contentType: file.contentType,
      });
      entry.thumbnailKey = key;
      return;
    }
    const key = objectKey(this.projectId, "exports", filename);
    this.writtenKeys.push(key);
    const { body, checksum } = hashedBody(file);
    // Tracked at once, so even a crash before registration leaves an object that statistics and wipes see.
    const stored = await putTrackedObject(this.deps, {
      projectId: this.projectId,
      category: "exports",
      name: filename,
      assetId: entry.assetId,
      body,
      contentType: file.contentType,
    });
    Object.assign(entry, { key, filename, size: stored.sizeBytes, checksum: await checksum });
  }

  /** Registers every output of the render's result as an export asset; on any failure nothing stays registered. */
  async register(outputs: readonly RenderOutput[], sourceAssetIds: string[]): Promise<Asset[]> {
    const created: Asset[] = [];
    for (const output of outputs) {
      const entry = this.byTemplate.get(output.template);
      if (!entry?.key || !entry.filename || !entry.checksum || entry.size !== output.size) {
        throw new Error(`The render reported ${output.name} (${output.size} bytes) but sent different bytes`);
      }
      this.registered.push(entry.assetId);
      created.push(
        await registerAsset(this.deps, {
          id: entry.assetId,
          projectId: this.projectId,
          category: "export",
          key: entry.key,
          filename: entry.filename,
          originalFilename: output.name,
          contentType: output.content_type,
          sizeBytes: entry.size,
          checksum: entry.checksum,
          status: "ready",
          metadata: { ...output.probe, template: output.template, format: output.format },
          durationSeconds: output.duration,
          sourceAssetIds,
          thumbnailKey: entry.thumbnailKey ?? null,
          createdAt: this.createdAt,
        }),
      );
    }
    return created;
  }

  /** Removes registered exports and every stored object; safe to call more than once. */
  async discard(): Promise<void> {
    for (const assetId of this.registered.splice(0)) {
      await deleteAssetWithDerived(this.deps, this.projectId, assetId, "export");
    }
    const keys = this.writtenKeys.splice(0);
    if (keys.length > 0) await deleteTrackedObjects(this.deps, keys);
  }
}
