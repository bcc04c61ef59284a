import net from "node:net";

/** True when nothing listens on the port (on `host`, or on all interfaces). */
export function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (e: NodeJS.ErrnoException) => (e.code === "EADDRINUSE" ? resolve(false) : reject(e)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
