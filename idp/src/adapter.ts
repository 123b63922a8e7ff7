import { join } from 'node:path';

import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';

import { JsonFileStore } from './store.js';

type Entry = { payload: AdapterPayload; expiresAt: number | null };

/**
 * oidc-provider storage (sessions, grants, codes, tokens...) in one embedded file, so a
 * restart keeps signed-in sessions. One store shared by all models, keyed "Model:id"; clients
 * come from `findClient`.
 */
export function createAdapterFactory(dataDir: string, findClient: (id: string) => ClientMetadata | undefined = () => undefined) {
	const live = (entry: Entry | undefined) =>
		entry && (entry.expiresAt === null || entry.expiresAt > Date.now()) ? entry : undefined;
	// Expired entries go at each compaction of the store's log.
	const store = new JsonFileStore<Entry>(join(dataDir, 'oidc.json'), (entry) => Boolean(live(entry)));
	store.deleteWhere((entry) => !live(entry));
	// Every interaction request looks its interaction up by uid: an index ("Model:uid" => store key), not a scan.
	const byUid = new Map<string, string>();
	const uidKey = (model: string, uid: string) => `${model}:${uid}`;
	for (const key of store.keys()) {
		const uid = store.get(key)?.payload.uid;
		if (typeof uid === 'string') byUid.set(uidKey(key.slice(0, key.indexOf(':')), uid), key);
	}

	return class FileAdapter implements Adapter {
		constructor(private readonly model: string) {}

		private key(id: string) {
			return `${this.model}:${id}`;
		}

		async upsert(id: string, payload: AdapterPayload, expiresIn: number) {
			store.set(this.key(id), { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
			if (typeof payload.uid === 'string') byUid.set(uidKey(this.model, payload.uid), this.key(id));
		}

		async find(id: string) {
			// Clients are the applications (seeded or created through the Management API), not stored tokens.
			if (this.model === 'Client') return findClient(id) as AdapterPayload | undefined;
			return live(store.get(this.key(id)))?.payload;
		}

		async findByUserCode(userCode: string) {
			return this.findLive((p) => p.userCode === userCode);
		}

		async findByUid(uid: string) {
			const key = byUid.get(uidKey(this.model, uid));
			const entry = key === undefined ? undefined : live(store.get(key));
			if (!entry) byUid.delete(uidKey(this.model, uid));
			return entry?.payload.uid === uid ? entry.payload : undefined;
		}

		private findLive(match: (payload: AdapterPayload) => boolean) {
			const prefix = `${this.model}:`;
			return store.find((e, key) => key.startsWith(prefix) && Boolean(live(e)) && match(e.payload))?.payload;
		}

		async consume(id: string) {
			const entry = store.get(this.key(id));
			if (entry) store.set(this.key(id), { ...entry, payload: { ...entry.payload, consumed: Math.floor(Date.now() / 1000) } });
		}

		async destroy(id: string) {
			const uid = store.get(this.key(id))?.payload.uid;
			if (typeof uid === 'string') byUid.delete(uidKey(this.model, uid));
			store.delete(this.key(id));
		}

		// Only this model's entries: the store is shared, and an Interaction carries the grantId
		// too; deleting it on logout broke "sign in as another account" (prompt=login over a
		// live session), which logs the old account out and then resumes that interaction.
		async revokeByGrantId(grantId: string) {
			const prefix = `${this.model}:`;
			store.deleteWhere((e, key) => key.startsWith(prefix) && e.payload.grantId === grantId);
		}
	};
}
