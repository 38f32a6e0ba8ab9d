export { hashPassword, verifyPassword } from './passwords.js';
export { hashToken, generateToken, tokenOf } from './tokens.js';
export { can, assertCan, roles, contentActions, adminActions, type Actor, type Action, type Role, type Ownership } from './permissions.js';
export { managementActor, tokenResolvers, type TokenResolver } from './management-actor.js';
