// `node --import ./record-imports.mjs ...`: appends the URL of every module the program resolves
// to the file named by STATETRAIL_IMPORT_LOG, one a line. The hooks run off the main thread (Node
// 20.6+ and 22), see every ESM import and dynamic import(), and so every package entry reached
// from our ESM code; a CommonJS package's own require() calls are not seen, its entry is.
import { register } from 'node:module';

const log = process.env.STATETRAIL_IMPORT_LOG;
if (!log) throw new Error('record-imports.mjs needs STATETRAIL_IMPORT_LOG');
register('./record-imports-hooks.mjs', import.meta.url, { data: { log } });
