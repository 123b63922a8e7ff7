import { createHash, createHmac } from 'node:crypto';

/**
 * Independent implementations of the providers' request signatures. The connectors sign
 * internally; tests recompute the signature of each captured request with these, and these
 * are pinned to the providers' published examples.
 */

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac256 = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Tencent Cloud API v3 (TC3-HMAC-SHA256), with content-type and host as signed headers. */
export function tencentTc3Signature(input: {
	secretKey: string;
	service: string;
	host: string;
	timestamp: number;
	payload: string;
	contentType?: string;
}): string {
	const contentType = input.contentType ?? 'application/json; charset=utf-8';
	const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
	const canonicalRequest = ['POST', '/', '', `content-type:${contentType}\nhost:${input.host}\n`, 'content-type;host', sha256(input.payload)].join('\n');
	const stringToSign = ['TC3-HMAC-SHA256', input.timestamp, `${date}/${input.service}/tc3_request`, sha256(canonicalRequest)].join('\n');
	const kDate = hmac256(`TC3${input.secretKey}`, date);
	const kService = hmac256(kDate, input.service);
	const kSigning = hmac256(kService, 'tc3_request');
	return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

/** RFC 3986 percent-encoding as Alibaba Cloud's RPC signature requires it. */
function aliyunEncode(value: string): string {
	return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Alibaba Cloud RPC signature (HMAC-SHA1, SignatureVersion 1.0) over every parameter but Signature. */
export function aliyunRpcSignature(params: Record<string, string>, accessKeySecret: string, method: 'GET' | 'POST'): string {
	const canonical = Object.keys(params)
		.filter((k) => k !== 'Signature')
		.sort()
		.map((k) => `${aliyunEncode(k)}=${aliyunEncode(params[k]!)}`)
		.join('&');
	const stringToSign = `${method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`;
	return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign).digest('base64');
}
