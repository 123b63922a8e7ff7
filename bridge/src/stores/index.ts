import { join } from 'node:path';

import type { BridgeConfig } from '../config.js';
import { FileStore } from './file-store.js';
import { RedisStore } from './redis-store.js';
import type { KeyValueStore } from './types.js';

export type { KeyValueStore } from './types.js';

/** Redis when REDIS_URL is set, the embedded file store otherwise. */
export function createStore(config: Pick<BridgeConfig, 'redisUrl' | 'dataDir'>): KeyValueStore {
	return config.redisUrl ? new RedisStore(config.redisUrl) : new FileStore(join(config.dataDir, 'store.jsonl'));
}
