import { createServer, type Server } from 'node:net';

const bound = () =>
	new Promise<Server>((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => resolve(srv));
	});

/**
 * `count` different ports nobody listens on now, on loopback: all are held until all are known,
 * so that the parts of one test never get the same port.
 */
export async function freePorts(count: number): Promise<number[]> {
	const servers = await Promise.all(Array.from({ length: count }, bound));
	const ports = servers.map((srv) => (srv.address() as { port: number }).port);
	await Promise.all(servers.map((srv) => new Promise((resolve) => srv.close(resolve))));
	return ports;
}

/** A port nobody listens on now, on loopback. */
export async function freePort(): Promise<number> {
	return (await freePorts(1))[0]!;
}
