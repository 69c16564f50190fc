// Types of npm-env.mjs for the TypeScript tests.
export declare const KEPT_NPM_SETTINGS: readonly string[];
export declare function withoutNpmEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export declare function emptyNpmCache(tmp: string): { npm_config_cache: string };
