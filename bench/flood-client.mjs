// The flood benchmark's load generator (its own process): autocannon at full speed on /sign-in,
// each request from one of POOL client addresses (X-Forwarded-For; the bridge trusts its proxy
// here). Prints autocannon's result as JSON. Loopback only, stops by itself.
import autocannon from 'autocannon';

const [url, seconds, pool] = process.argv.slice(2);
let n = 0;
const result = await autocannon({
	url,
	connections: 50,
	duration: Number(seconds),
	requests: [
		{
			setupRequest: (req) => {
				const i = n++ % Number(pool);
				return { ...req, headers: { ...req.headers, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } };
			},
		},
	],
});
console.log(JSON.stringify({ total: result.requests.total, statusCodeStats: result.statusCodeStats, errors: result.errors, rps: result.requests.average }));
