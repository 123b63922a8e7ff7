// Preloaded (node --import) into servers that cannot be told where to listen, like the
// Playground CLI, whose `server` listens on every interface: a listen() without a host
// listens on 127.0.0.1 instead.
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
	const [first] = args;
	if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
		if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
	} else if (first && typeof first === 'object' && !('path' in first) && !('fd' in first) && !('handle' in first) && !first._handle && first.host === undefined) {
		args[0] = { ...first, host: '127.0.0.1' };
	}
	return listen.apply(this, args);
};
