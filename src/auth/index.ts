export { hashPassword, verifyPassword } from './passwords.js';
export { hashToken, generateToken, tokenOf } from './tokens.js';
export { can, assertCan, systemActor, roles, contentActions, adminActions, type Actor, type Action, type Role, type Ownership } from './permissions.js';
export { managementActor, tokenResolvers, type TokenResolver } from './management-actor.js';
export { startSession, resolveSession, endSession, sessionLifetimeMs, sessionIdleMs, type SignedIn } from './sessions.js';
export { checkCredentials } from './sign-in.js';
export { createAccessToken, accessTokenActor, isActive, accessTokenPrefix, tokenNameProblem } from './access-tokens.js';
export { addUser, changeRole, removeUser, checkNewUser, minPasswordLength, type NewUser } from './users.js';
