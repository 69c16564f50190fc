/** The CLI's version: package.json's, bundled at build time (the only place it is written). */
import { version } from '../../package.json';

export const CLI_VERSION: string = version;
