/** Types for Comlink's Node adapter, which its package ships only beside the .mjs under another name. */
/* eslint-disable @typescript-eslint/no-explicit-any */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export interface NodeEndpoint {
    postMessage(message: unknown, transfer?: never[]): void;
    on(type: string, listener: (arg: any) => void, options?: object): unknown;
    off(type: string, listener: (arg: any) => void, options?: object): unknown;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
