import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, picked by the kernel, so that it never collides with a port already in use (a random pick from the ephemeral range can). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
