import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * How `breakNext` breaks a connection: `drop-request` closes it instead of
 * forwarding the statement (the server never sees it); `drop-reply` forwards
 * the statement, waits until the server has answered it completely, and
 * closes the connection instead of forwarding the answer (the statement ran
 * and committed; the client sees a broken connection — a lost acknowledgement).
 */
export type ConnectionFault = 'drop-request' | 'drop-reply';

interface ArmedFault {
  marker: Buffer;
  fault: ConnectionFault;
  thenCut: boolean;
  fired(): void;
}

const READY_FOR_QUERY = 0x5a; // 'Z': the server finished a request (and its implicit transaction)

/** True when `bytes` (server messages from a message boundary on) hold a complete ReadyForQuery. */
function holdsReadyForQuery(bytes: Buffer): boolean {
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const length = bytes.readUInt32BE(offset + 1);
    if (offset + 1 + length > bytes.length) return false;
    if (bytes[offset] === READY_FOR_QUERY) return true;
    offset += 1 + length;
  }
  return false;
}

/**
 * A TCP relay in front of PostgreSQL that a test can cut and restore, to
 * make the database unreachable for the engine without touching the server
 * the rest of the run shares: `cut()` drops every relayed connection and
 * refuses new ones (ECONNREFUSED); `restore()` listens again on the same port.
 * `breakNext()` breaks one connection at a chosen statement instead.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private armed: ArmedFault | undefined;

  private constructor(
    private readonly target: { host: string; port: number },
    public port: number,
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target, 0);
    await proxy.listen();
    return proxy;
  }

  /** `url` with its host and port replaced by this proxy's. */
  through(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen();
  }

  /**
   * Breaks the next connection whose client sends `marker` (e.g. the name of
   * a prepared statement, which every execution of it carries) — see
   * `ConnectionFault`. With `thenCut`, the proxy then cuts everything at
   * once (an outage) until `restore()`. Resolves once the fault happened.
   * node-postgres sends one request at a time, so the server's bytes after
   * the statement start at a message boundary.
   */
  breakNext(marker: string, fault: ConnectionFault, options: { thenCut?: boolean } = {}): Promise<void> {
    return new Promise((fired) => {
      this.armed = { marker: Buffer.from(marker), fault, thenCut: options.thenCut ?? false, fired };
    });
  }

  private relay(inbound: Socket): void {
    const outbound = connect(this.target.port, this.target.host);
    for (const socket of [inbound, outbound]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => {
        inbound.destroy();
        outbound.destroy();
      });
    }
    let tail = Buffer.alloc(0);
    let awaitingReply: { fault: ArmedFault; reply: Buffer } | undefined;
    const fire = (fault: ArmedFault) => {
      inbound.destroy();
      outbound.destroy();
      if (fault.thenCut) void this.cut();
      fault.fired();
    };
    inbound.on('data', (chunk: Buffer) => {
      const armed = this.armed;
      if (armed && !awaitingReply) {
        // The marker may straddle two reads.
        const window = Buffer.concat([tail, chunk]);
        tail = window.subarray(Math.max(0, window.length - armed.marker.length + 1));
        if (window.includes(armed.marker)) {
          this.armed = undefined;
          if (armed.fault === 'drop-request') return fire(armed);
          awaitingReply = { fault: armed, reply: Buffer.alloc(0) };
        }
      }
      if (!outbound.write(chunk)) inbound.pause();
    });
    outbound.on('drain', () => inbound.resume());
    outbound.on('data', (chunk: Buffer) => {
      if (!awaitingReply) {
        if (!inbound.write(chunk)) outbound.pause();
        return;
      }
      awaitingReply.reply = Buffer.concat([awaitingReply.reply, chunk]);
      if (holdsReadyForQuery(awaitingReply.reply)) fire(awaitingReply.fault);
    });
    inbound.on('drain', () => outbound.resume());
    inbound.on('end', () => outbound.end());
    outbound.on('end', () => inbound.end());
  }

  private listen(): Promise<void> {
    const server = createServer((inbound) => this.relay(inbound));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        const address = server.address();
        if (address && typeof address === 'object') this.port = address.port;
        resolve();
      });
    });
  }
}
