// reflect-polyfill.ts — loads jspurefix's own copy of reflect-metadata. tsyringe (jspurefix's DI
// container) throws at load time unless the Reflect metadata polyfill is installed first, so every
// module that imports 'jspurefix' imports this one before it. Resolved from jspurefix's location, not
// ours: reflect-metadata is jspurefix's dependency, not Fillwatch's, and need not be hoisted.
import { createRequire } from 'node:module';

const fromHere = createRequire(import.meta.url);
createRequire(fromHere.resolve('jspurefix'))('reflect-metadata');
