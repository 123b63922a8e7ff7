// Types of bridge-release.mjs, for the bridge's TypeScript tests.
export declare const installedEntry: (home: string) => string;
export declare function installTarball(tarball: string, home: string): string;
export declare function installBridgeRelease(dir: string): { tarball: string; files: string[]; home: string; entry: string };
