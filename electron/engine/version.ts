import pkg from '../../package.json' with { type: 'json' };

export const PARITY_VERSION: string = pkg.version;
