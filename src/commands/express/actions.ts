// The Express Mode commands' bundle (dist/express-actions.js), required on first use through loader.ts.
export { createExpressServiceCommand } from './createExpressService';
