/** A hash of the sources and the lock file, set by scripts/cockpit-bundle.mjs; absent when run from source. */
declare const __OPSDECK_BUILD__: string | undefined;
