/** The upload worker (Comlink): request logs and profile files are parsed here, off the page's thread. */
import * as Comlink from 'comlink';
import { createUploadApi, type ParseOptions, type RequestLogReply, type UploadProgress } from './uploadApi';

const inner = createUploadApi();

const api = {
  /** As uploadApi's, with the log's typed arrays transferred (not copied) to the page. */
  async parseRequestLog(file: Blob, onProgress: (p: UploadProgress) => void, options?: ParseOptions): Promise<RequestLogReply> {
    const r = await inner.parseRequestLog(file, onProgress, options);
    return r.ok ? Comlink.transfer(r, [r.requestLog.time.buffer, r.requestLog.model.buffer]) : r;
  },
  cancel: inner.cancel,
  importProfiles: inner.importProfiles,
};

export type UploadWorkerApi = typeof api;
Comlink.expose(api);
