import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASSIGNABLE_ROLES, can, canGrant, PERMISSIONS, rolesWith } from './roles.js';

describe('roles', () => {
  it('each role holds what the roles below it hold', () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      const holders = ASSIGNABLE_ROLES.map((r) => can(r, permission));
      const first = holders.indexOf(true);
      assert.ok(first >= 0, permission);
      assert.deepEqual(
        holders.slice(first),
        holders.slice(first).map(() => true),
        permission,
      );
    }
  });

  it('follows the role descriptions', () => {
    assert.deepEqual(rolesWith('read'), ['viewer', 'analyst', 'reviewer', 'admin']);
    assert.deepEqual(rolesWith('evidence.write'), ['analyst', 'reviewer', 'admin']);
    assert.deepEqual(rolesWith('judgment.write'), ['analyst', 'reviewer', 'admin']);
    assert.deepEqual(rolesWith('resolution.write'), ['reviewer', 'admin']);
    assert.deepEqual(rolesWith('scores.read'), ['reviewer', 'admin']);
    assert.deepEqual(rolesWith('question.write'), ['admin']);
    assert.deepEqual(rolesWith('users.manage'), ['admin']);
    assert.equal(can(undefined, 'read'), false);
    assert.equal(can('system', 'users.manage'), true);
  });

  it('grants only up to the holder', () => {
    assert.equal(canGrant('analyst', 'viewer'), true);
    assert.equal(canGrant('analyst', 'analyst'), true);
    assert.equal(canGrant('analyst', 'reviewer'), false);
    assert.equal(canGrant('admin', 'admin'), true);
  });
});
