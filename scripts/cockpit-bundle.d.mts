import type { BuildOptions } from 'esbuild';
export declare const cockpitBundle: BuildOptions;
