/** A raw stdio peer for the bundled server: writes any bytes, reads every message it answers. */

import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER } from './client';

export interface RawMessage {
  readonly id?: number | string | null;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
  readonly method?: string;
}

export class RawPeer {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private readonly received: RawMessage[] = [];
  private readonly waiters: { pred: (m: RawMessage) => boolean; resolve: (m: RawMessage) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.proc.stdout!.on('data', (d: Buffer) => this.data(d));
  }

  private data(d: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const head = this.buffer.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/iu.exec(this.buffer.subarray(0, head).toString('latin1'))?.[1]);
      if (this.buffer.length < head + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(head + 4, head + 4 + length).toString('utf8')) as RawMessage;
      this.buffer = this.buffer.subarray(head + 4 + length);
      this.received.push(message);
      for (const w of [...this.waiters]) {
        if (w.pred(message)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(message);
        }
      }
    }
  }

  /** Sends a body as it is: an object as JSON, a string as its bytes. */
  send(body: unknown): void {
    const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${bytes.length}\r\n\r\n`);
    this.proc.stdin!.write(bytes);
  }

  /** The next message (already received or to come) that satisfies the predicate. */
  next(pred: (m: RawMessage) => boolean): Promise<RawMessage> {
    const seen = this.received.find(pred);
    if (seen) {
      this.received.splice(this.received.indexOf(seen), 1);
      return Promise.resolve(seen);
    }
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  /** Sends a request and waits for its answer. */
  request(id: number, method: string, params?: unknown): Promise<RawMessage> {
    this.send({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });
    return this.next((m) => m.id === id);
  }

  kill(): void {
    this.proc.kill();
  }
}
